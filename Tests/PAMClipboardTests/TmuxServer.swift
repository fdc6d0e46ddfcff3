import Foundation
import PAMClipboard
import PAMCore

/// An isolated tmux server on its own socket file in the temporary folder (removed afterwards),
/// with `set-clipboard on`.
struct TmuxServer {
    let socket: String

    var serverArguments: [String] { ["-S", socket] }

    static var isAvailable: Bool { ProgramLocator.find("tmux", path: ProcessInfo.processInfo.environment["PATH"] ?? "") != nil }

    /// Starts a server, runs `body`, and always kills the server.
    static func with<R>(_ body: (TmuxServer) async throws -> R) async throws -> R {
        let server = TmuxServer(socket: NSTemporaryDirectory() + "pamtui-clip-\(UInt32.random(in: 0...UInt32.max)).sock")
        // The first pane waits on its terminal instead of running a login shell with rc files.
        try server.run(["-f", "/dev/null", "new-session", "-d", "-x", "80", "-y", "24", "exec cat"])
        defer {
            _ = try? server.tmux(["kill-server"])
            unlink(server.socket)
        }
        try server.run(["set-option", "-g", "set-clipboard", "on"])
        return try await body(server)
    }

    /// Runs a tmux command against this server and returns its outcome.
    @discardableResult
    func tmux(_ arguments: [String], input: SecretBytes? = nil) throws -> ChildProcess.Outcome {
        try ChildProcess.run("tmux", arguments: serverArguments + arguments, input: input.map { .secret($0) } ?? .null, captureOutput: true)
    }

    /// Runs a tmux command that must succeed.
    func run(_ arguments: [String]) throws {
        let outcome = try tmux(arguments)
        guard outcome.status == 0 else { throw PAMError(.configuration, "tmux \(arguments.joined(separator: " ")) exited with status \(outcome.status)") }
    }

    /// The newest buffer's text (what a paste gives), or nil when there is none.
    func topBuffer() throws -> String? {
        try buffer(nil)
    }

    /// A buffer's text, or nil when it does not exist.
    func buffer(_ name: String?) throws -> String? {
        let outcome = try tmux(["show-buffer"] + (name.map { ["-b", $0] } ?? []))
        return outcome.status == 0 ? outcome.output.unsafeStringCopy() : nil
    }
}
