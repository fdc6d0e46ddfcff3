import Foundation
import PAMCore
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// A private Xvfb display for X11 clipboard tests, started with posix_spawn and stopped by pid.
public final class XvfbServer: Sendable {
    /// The display name, `:N`, for `DISPLAY` or `-display`.
    public let display: String
    public let pid: pid_t
    // Once reaped, the pid may belong to someone else: never signal it again.
    private let reaped = Mutex(false)

    private init(display: String, pid: pid_t) {
        self.display = display
        self.pid = pid
    }

    /// Whether Xvfb and xclip are both on `PATH`.
    public static var isAvailable: Bool { onPath("Xvfb") && onPath("xclip") }

    public static var hasXsel: Bool { onPath("xsel") }

    private static func onPath(_ name: String) -> Bool {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        return path.split(separator: ":").contains { access("\($0)/\(name)", X_OK) == 0 }
    }

    /// Starts Xvfb on an unused display, runs `body`, and always stops it; the xclip/xsel
    /// daemons serving its selections exit with it.
    public static func with<R>(_ body: (XvfbServer) async throws -> R) async throws -> R {
        let server = try await startListening()
        do {
            let result = try await body(server)
            await server.stop()
            return result
        } catch {
            await server.stop()
            throw error
        }
    }

    /// Starts Xvfb and waits for its socket. Tests start displays in parallel, so two may pick the
    /// same free number; the loser exits at once and is started again on another number.
    private static func startListening() async throws -> XvfbServer {
        for _ in 1...5 {
            let server = try start()
            var exited = false
            try await waitUntil(timeout: .seconds(15)) {
                exited = !server.isRunning
                return exited || FileManager.default.fileExists(atPath: "/tmp/.X11-unix/X\(server.display.dropFirst())")
            }
            if !exited { return server }
        }
        throw PAMError(.configuration, "Xvfb exited early five times")
    }

    private static func start() throws -> XvfbServer {
        var number = Int.random(in: 200...899)
        while FileManager.default.fileExists(atPath: "/tmp/.X\(number)-lock")
            || FileManager.default.fileExists(atPath: "/tmp/.X11-unix/X\(number)")
        {
            number = Int.random(in: 200...899)
        }
        let display = ":\(number)"
        // ChildProcess starts it with default signal handling: the test runner's threads block
        // signals, and Xvfb must get SIGTERM.
        let pid = try ChildProcess.launch("Xvfb", arguments: [display, "-nolisten", "tcp"])
        return XvfbServer(display: display, pid: pid)
    }

    /// True until the server has exited (and then reaps it).
    public var isRunning: Bool {
        reaped.withLock { reaped in
            guard !reaped else { return false }
            var status: Int32 = 0
            let result = waitpid(pid, &status, WNOHANG)
            if result == pid || (result < 0 && errno == ECHILD) { reaped = true }
            return !reaped
        }
    }

    /// SIGTERM, then SIGKILL if it is still there after five seconds; waits without blocking a thread.
    public func stop() async {
        guard isRunning else { return }
        kill(pid, SIGTERM)
        if (try? await waitUntil(timeout: .seconds(5)) { !isRunning }) != nil { return }
        if isRunning { kill(pid, SIGKILL) }
        _ = try? await waitUntil(timeout: .seconds(5)) { !isRunning }
    }

    /// The clipboard as xclip prints it, or nil when nothing holds it.
    public func clipboard() throws -> String? {
        let outcome = try ChildProcess.run("xclip", arguments: ["-display", display, "-selection", "clipboard", "-o"], captureOutput: true)
        return outcome.status == 0 ? outcome.output.unsafeStringCopy() : nil
    }

    /// Another program (the user) takes the clipboard.
    public func userCopies(_ text: String) throws {
        let outcome = try ChildProcess.run(
            "xclip", arguments: ["-display", display, "-selection", "clipboard", "-i"], input: .secret(SecretBytes(utf8: text))
        )
        guard outcome.status == 0 else { throw PAMError(.configuration, "xclip exited with status \(outcome.status)") }
        // xclip's parent exits before its forked child owns the selection: wait until it does.
        let deadline = ContinuousClock.now.advanced(by: .seconds(5))
        while try clipboard() != text {
            guard ContinuousClock.now < deadline else { throw PAMError(.timeout, "xclip never took the clipboard") }
            usleep(5_000)
        }
    }
}
