import Foundation
import PAMCore

/// What a finished run of the pamtui binary produced.
public struct ProcessResult: Sendable {
    public var status: Int32
    public var stdout: String
    public var stderr: String

    /// Non-empty stderr lines.
    public var stderrLines: [String] { stderr.split(separator: "\n").map(String.init) }
}

/// Runs the built `pamtui` binary, as a user would from a shell.
public enum Pamtui {
    /// `$PAMTUI_BIN`, else the `pamtui` built next to the test bundle.
    public static var binary: String {
        if let path = ProcessInfo.processInfo.environment["PAMTUI_BIN"], !path.isEmpty { return path }
        let bundleDirectory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        return bundleDirectory.appendingPathComponent("pamtui").path
    }

    /// Runs pamtui to completion with output captured through files (no pipe can fill up).
    public static func run(_ arguments: [String], environment: [String: String] = [:]) async throws -> ProcessResult {
        try await withTemporaryDirectory(prefix: "pamtui-run") { directory in
            let process = try start(arguments, environment: environment, stdout: "\(directory)/out", stderr: "\(directory)/err")
            try await waitUntil(timeout: .seconds(60)) { !process.isRunning }
            return ProcessResult(
                status: process.terminationStatus,
                stdout: (try? String(contentsOfFile: "\(directory)/out", encoding: .utf8)) ?? "",
                stderr: (try? String(contentsOfFile: "\(directory)/err", encoding: .utf8)) ?? ""
            )
        }
    }

    static func start(_ arguments: [String], environment: [String: String], stdout: String, stderr: String) throws -> Process {
        _ = FileManager.default.createFile(atPath: stdout, contents: nil)
        _ = FileManager.default.createFile(atPath: stderr, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        var merged = ProcessInfo.processInfo.environment
        merged["PAMTUI_CONFIG"] = nil
        merged["XDG_CONFIG_HOME"] = "/nonexistent-pamtui-test-home"
        merged["XDG_STATE_HOME"] = TestStateHome.path
        for (key, value) in environment { merged[key] = value }
        process.environment = merged
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: stdout))
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: stderr))
        try process.run()
        return process
    }
}

/// A `pamtui simulate` child process and what it announced when ready.
public final class SimulateProcess: @unchecked Sendable {
    public let process: Process
    /// The parsed ready line.
    public let ready: [String: Any]
    public let directory: String

    /// The config file it wrote (always asked for).
    public var configPath: String { "\(directory)/config.toml" }

    /// Starts `pamtui simulate --write-config DIR/config.toml` with extra arguments and waits for the ready line.
    /// Without `--vendors` only BeyondTrust runs, so the config has one profile and references
    /// need no `PROFILE:`; a test of another vendor names it.
    public static func start(_ arguments: [String] = []) async throws -> SimulateProcess {
        let directory = try makeTemporaryDirectory(prefix: "pamtui-simulate")
        let vendors = arguments.contains("--vendors") ? [] : ["--vendors", "beyondtrust"]
        let process = try Pamtui.start(
            ["simulate", "--state-dir", directory, "--write-config", "\(directory)/config.toml"] + vendors + arguments,
            environment: [:], stdout: "\(directory)/ready.json", stderr: "\(directory)/stderr"
        )
        var line = ""
        try await waitUntil(timeout: .seconds(30)) {
            line = (try? String(contentsOfFile: "\(directory)/ready.json", encoding: .utf8)) ?? ""
            return line.contains("\n") || !process.isRunning
        }
        guard process.isRunning, let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
            let stderr = (try? String(contentsOfFile: "\(directory)/stderr", encoding: .utf8)) ?? ""
            throw PAMError(.server, "pamtui simulate did not become ready: \(stderr)")
        }
        return SimulateProcess(process: process, ready: object, directory: directory)
    }

    init(process: Process, ready: [String: Any], directory: String) {
        self.process = process
        self.ready = ready
        self.directory = directory
    }

    /// A field of one vendor's entry in the ready line.
    public func vendorField(_ vendor: String, _ key: String) -> String? {
        ((ready["vendors"] as? [String: Any])?[vendor] as? [String: Any])?[key] as? String
    }

    /// Sends a signal and waits for the exit status.
    @discardableResult
    public func stop(signal: Int32 = SIGTERM) async throws -> Int32 {
        if process.isRunning { kill(process.processIdentifier, signal) }
        try await waitUntil(timeout: .seconds(20)) { !process.isRunning }
        try? FileManager.default.removeItem(atPath: directory)
        return process.terminationStatus
    }

    /// Runs `body` with a started simulator and stops it afterwards.
    public static func with<R>(_ arguments: [String] = [], _ body: (SimulateProcess) async throws -> R) async throws -> R {
        let simulator = try await start(arguments)
        do {
            let result = try await body(simulator)
            try await simulator.stop()
            return result
        } catch {
            _ = try? await simulator.stop()
            throw error
        }
    }
}

/// A pamtui run still going, for tests that signal it midway.
public final class RunningPamtui: @unchecked Sendable {
    public let process: Process
    private let directory: String

    /// Starts `pamtui arguments`, output captured through files.
    public init(_ arguments: [String], environment: [String: String] = [:]) throws {
        directory = try makeTemporaryDirectory(prefix: "pamtui-running")
        process = try Pamtui.start(arguments, environment: environment, stdout: "\(directory)/out", stderr: "\(directory)/err")
    }

    /// How many bytes it has written to stdout so far.
    public var stdoutBytes: Int {
        ((try? FileManager.default.attributesOfItem(atPath: "\(directory)/out"))?[.size] as? Int) ?? 0
    }

    /// Its stderr so far.
    public var stderrText: String { (try? String(contentsOfFile: "\(directory)/err", encoding: .utf8)) ?? "" }

    public func signal(_ number: Int32) {
        if process.isRunning { kill(process.processIdentifier, number) }
    }

    /// Waits for the exit and returns what the run produced.
    public func finish(timeout: Duration = .seconds(60)) async throws -> ProcessResult {
        try await waitUntil(timeout: timeout) { !self.process.isRunning }
        defer { try? FileManager.default.removeItem(atPath: directory) }
        return ProcessResult(
            status: process.terminationStatus,
            stdout: (try? String(contentsOfFile: "\(directory)/out", encoding: .utf8)) ?? "",
            stderr: (try? String(contentsOfFile: "\(directory)/err", encoding: .utf8)) ?? "")
    }
}
