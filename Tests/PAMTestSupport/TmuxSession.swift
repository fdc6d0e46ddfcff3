import Foundation
import PAMCore

/// A detached tmux server on its own socket running one command, driven like an operator would.
public final class TmuxSession: Sendable {
    public static let tmuxPath = "/usr/bin/tmux"
    public static var isAvailable: Bool { FileManager.default.isExecutableFile(atPath: tmuxPath) }

    public let socket: String
    public let directory: String
    public let target = "pamtui-test"

    private init(socket: String, directory: String) {
        self.socket = socket
        self.directory = directory
    }

    /// Starts `command` in a `width`×`height` pane, runs `body`, and always kills the server.
    public static func with<R>(
        command: String, width: Int = 80, height: Int = 24, _ body: (TmuxSession) async throws -> R
    ) async throws -> R {
        let directory = try makeTemporaryDirectory(prefix: "pamtui-tmux")
        // A socket inside the temporary directory goes away with it (tmux leaves -L sockets behind).
        let session = TmuxSession(socket: "\(directory)/tmux.sock", directory: directory)
        let config = "\(directory)/tmux.conf"
        try "set -g default-terminal screen-256color\nset -g status off\nset -g escape-time 0\n"
            .write(toFile: config, atomically: true, encoding: .utf8)
        do {
            _ = try await session.tmux(["-f", config, "new-session", "-d", "-s", session.target, "-x", "\(width)", "-y", "\(height)", command])
            let result = try await body(session)
            _ = try? await session.tmux(["kill-server"])
            try? FileManager.default.removeItem(atPath: directory)
            return result
        } catch {
            _ = try? await session.tmux(["kill-server"])
            try? FileManager.default.removeItem(atPath: directory)
            throw error
        }
    }

    /// Runs one tmux command against this server and returns its stdout.
    @discardableResult
    public func tmux(_ arguments: [String]) async throws -> String {
        let outPath = "\(directory)/\(UUID().uuidString).out"
        defer { try? FileManager.default.removeItem(atPath: outPath) }
        // -u and a UTF-8 locale: the server and capture-pane must not turn 日本語 into underscores.
        let pid = try Self.spawn(["tmux", "-u", "-S", socket] + arguments, output: outPath)
        var status: Int32 = 0
        try await waitUntil(timeout: .seconds(10)) { waitpid(pid, &status, WNOHANG) == pid }
        let text = (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? ""
        // The low 7 bits are the terminating signal, the next 8 the exit status.
        if status != 0 { throw TmuxError(arguments: arguments, output: "status \(status): \(text)") }
        return text
    }

    /// posix_spawn (through ChildProcess) rather than Foundation's Process, whose exit monitoring
    /// never fires here; with default signal handling, or the server would ignore kill-server.
    private static func spawn(_ arguments: [String], output: String) throws -> pid_t {
        var environment = ProcessInfo.processInfo.environment
        environment["LC_ALL"] = "C.UTF-8"
        environment["LANG"] = "C.UTF-8"
        environment["XDG_STATE_HOME"] = TestStateHome.path
        return try ChildProcess.launch(tmuxPath, arguments: Array(arguments.dropFirst()), environment: environment, output: output)
    }

    /// The pane's text; with `escapes`, including SGR colour sequences.
    public func capture(escapes: Bool = false) async throws -> String {
        try await tmux(["capture-pane", "-p", "-t", target] + (escapes ? ["-e"] : []))
    }

    /// Sends tmux key names (`Up`, `C-a`, `F5`) or literal text.
    public func sendKeys(_ keys: String...) async throws {
        try await tmux(["send-keys", "-t", target] + keys)
    }

    public func resize(width: Int, height: Int) async throws {
        try await tmux(["resize-window", "-t", target, "-x", "\(width)", "-y", "\(height)"])
    }

    /// Whether the pane is on the alternate screen (curses is active).
    public func alternateScreenOn() async throws -> Bool {
        try await tmux(["display-message", "-p", "-t", target, "#{alternate_on}"]).trimmingCharacters(in: .whitespacesAndNewlines) == "1"
    }

    /// Waits until the pane's text satisfies `condition`, and returns that text.
    @discardableResult
    public func waitForScreen(timeout: Duration = .seconds(20), _ condition: @escaping (String) -> Bool) async throws -> String {
        var last = ""
        do {
            try await waitUntil(timeout: timeout) {
                last = try await self.capture()
                return condition(last)
            }
        } catch let error as WaitTimedOut {
            throw ScreenTimedOut(wait: error, screen: last)
        }
        return last
    }
}

public struct TmuxError: Error, CustomStringConvertible {
    var arguments: [String]
    var output: String
    public var description: String { "tmux \(arguments.joined(separator: " ")) failed: \(output)" }
}

struct ScreenTimedOut: Error, CustomStringConvertible {
    var wait: WaitTimedOut
    var screen: String
    var description: String { "\(wait); the screen was:\n\(screen)" }
}
