import Foundation
import PAMSimulator

/// Starts a simulator, runs `body` with it and stops it afterwards, also when `body` throws.
@discardableResult
public func withSimulator<R>(_ options: SimulatorOptions, _ body: (Simulator) async throws -> R) async throws -> R {
    let simulator = try await Simulator.start(options)
    do {
        let result = try await body(simulator)
        await simulator.stop()
        return result
    } catch {
        await simulator.stop()
        throw error
    }
}

/// Makes a fresh private (0700) directory under the system temporary directory.
public func makeTemporaryDirectory(prefix: String = "pamtui-test") throws -> String {
    let path = FileManager.default.temporaryDirectory
        .appendingPathComponent("\(prefix)-\(UUID().uuidString.prefix(8).lowercased())").path
    try FileManager.default.createDirectory(
        atPath: path, withIntermediateDirectories: true, attributes: [.posixPermissions: NSNumber(value: 0o700)])
    return path
}

/// Runs `body` with a fresh temporary directory and removes the directory afterwards.
@discardableResult
public func withTemporaryDirectory<R>(prefix: String = "pamtui-test", _ body: (String) async throws -> R) async throws -> R {
    let path = try makeTemporaryDirectory(prefix: prefix)
    defer { try? FileManager.default.removeItem(atPath: path) }
    return try await body(path)
}
