import Foundation

/// A command interrupted by a signal stops starting vendor calls; the call in flight finishes
/// (or is cancelled past a deadline), and clean-up (reconciling a check-out whose answer was
/// lost, releasing what the command opened) still runs, in a `cleanup` scope.
public enum Interruption {
    private static let received = Locked<Int32?>(nil)

    @TaskLocal static var isCleanup = false

    /// The first signal received, if any.
    public static var signal: Int32? { received.withLock { $0 } }

    /// Records `signal`; true when it is the first.
    @discardableResult
    public static func request(_ signal: Int32) -> Bool {
        received.withLock { current in
            guard current == nil else { return false }
            current = signal
            return true
        }
    }

    /// Throws once a signal arrived, unless the caller is cleaning up.
    public static func checkBeforeSending(_ operation: String) throws {
        guard !isCleanup, let signal else { return }
        var error = PAMError(.cancelled, "interrupted by \(name(of: signal)) before it was sent", operation: operation)
        error.neverSent = true
        throw error
    }

    /// Runs `body` apart from the caller's cancellation and past the signal gate: the work that
    /// must happen even when the command is stopping.
    public static func cleanup<R: Sendable>(_ body: @escaping @Sendable () async throws -> R) async throws -> R {
        try await Task.detached { try await $isCleanup.withValue(true) { try await body() } }.value
    }

    /// `SIGINT` for 2.
    public static func name(of signal: Int32) -> String {
        switch signal {
        case SIGINT: "SIGINT"
        case SIGTERM: "SIGTERM"
        case SIGHUP: "SIGHUP"
        default: "signal \(signal)"
        }
    }

    /// Forgets the signal (tests run several commands in one process).
    public static func reset() { received.withLock { $0 = nil } }
}
