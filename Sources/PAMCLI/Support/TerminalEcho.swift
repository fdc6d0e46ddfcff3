import Foundation
import PAMCore
import Synchronization

/// Turns the terminal's echo off while a secret is typed, and puts it back on every way out: the
/// normal return, an error, cancellation, and a signal. Commands that handle signals themselves
/// (`GracefulOnSignal`) stop the prompt and call `restore()` before a hard exit; for the others a
/// handler is installed for the prompt's length that restores the modes (`tcsetattr` is
/// async-signal-safe) and re-raises the signal with its default action.
enum TerminalEcho {
    static let signals: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGQUIT]

    private static let descriptor = Atomic<Int32>(-1)
    /// The modes to put back, allocated once (a handler cannot allocate).
    nonisolated(unsafe) private static let saved: UnsafeMutablePointer<termios> = {
        let modes = UnsafeMutablePointer<termios>.allocate(capacity: 1)
        modes.initialize(to: termios())
        return modes
    }()

    /// Puts the saved modes back if echo is off now; async-signal-safe and idempotent.
    static func restore() {
        let fd = descriptor.exchange(-1, ordering: .sequentiallyConsistent)
        guard fd >= 0 else { return }
        _ = tcsetattr(fd, TCSANOW, saved)
    }

    private static let handler: @convention(c) (Int32) -> Void = { signal in
        TerminalEcho.restore()
        var action = sigaction()
        action.__sigaction_handler.sa_handler = SIG_DFL
        _ = sigaction(signal, &action, nil)
        _ = raise(signal)
    }

    /// Runs `body` with echo off on `fd` (a newline typed is still shown).
    static func hidden<R>(_ fd: Int32, _ body: () throws -> R) throws -> R {
        var modes = termios()
        guard tcgetattr(fd, &modes) == 0 else { throw PAMError(.configuration, "cannot read the terminal's modes") }
        saved.pointee = modes
        var quiet = modes
        quiet.c_lflag &= ~tcflag_t(ECHO)
        quiet.c_lflag |= tcflag_t(ECHONL)
        let previous = installHandlers()
        descriptor.store(fd, ordering: .sequentiallyConsistent)
        defer {
            restore()
            uninstall(previous)
        }
        guard tcsetattr(fd, TCSAFLUSH, &quiet) == 0 else { throw PAMError(.configuration, "cannot turn the terminal's echo off") }
        return try body()
    }

    /// Handlers for the signals whose action is the default (which would leave echo off); the
    /// ones a command already handles are left alone.
    private static func installHandlers() -> [(Int32, sigaction)] {
        var replaced: [(Int32, sigaction)] = []
        for number in signals {
            var current = sigaction()
            // SIG_DFL is a nil handler.
            guard sigaction(number, nil, &current) == 0, current.sa_flags & SA_SIGINFO == 0, current.__sigaction_handler.sa_handler == nil
            else { continue }
            var action = sigaction()
            action.__sigaction_handler.sa_handler = handler
            sigemptyset(&action.sa_mask)
            if sigaction(number, &action, nil) == 0 { replaced.append((number, current)) }
        }
        return replaced
    }

    private static func uninstall(_ previous: [(Int32, sigaction)]) {
        for (number, action) in previous {
            var action = action
            _ = sigaction(number, &action, nil)
        }
    }
}
