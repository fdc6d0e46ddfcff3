/// The condition given to `waitUntil` was still false at the deadline.
public struct WaitTimedOut: Error, CustomStringConvertible {
    public var timeout: Duration
    public var location: String

    public var description: String { "condition at \(location) was still false after \(timeout)" }
}

/// Polls `condition` (with a short pause between checks) until it is true; throws `WaitTimedOut`
/// at the deadline. This waits on a condition; it is not a sleep standing in for one.
public func waitUntil(
    timeout: Duration = .seconds(10), fileID: String = #fileID, line: Int = #line,
    _ condition: () async throws -> Bool
) async throws {
    let clock = ContinuousClock()
    let deadline = clock.now.advanced(by: timeout)
    while true {
        if try await condition() { return }
        if clock.now >= deadline { throw WaitTimedOut(timeout: timeout, location: "\(fileID):\(line)") }
        try await Task.sleep(for: .milliseconds(10))
    }
}
