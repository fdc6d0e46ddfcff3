import CNCurses
import Glibc

// The handlers only touch atomics, write(2), tcsetattr, sigaction, alarm and raise: all
// async-signal-safe. They are non-capturing closures, so they convert to C function pointers.
extension TerminalGuard {
    static let gracefulHandler: @convention(c) (Int32) -> Void = { signal in
        let savedErrno = errno
        defer { errno = savedErrno }
        let isFirst = TerminalGuard.received.wrappingAdd(1, ordering: .sequentiallyConsistent).oldValue == 0
        guard TerminalGuard.graceful.load(ordering: .sequentiallyConsistent), isFirst else {
            let first = TerminalGuard.firstSignal.load(ordering: .sequentiallyConsistent)
            TerminalGuard.restoreAndReraise(first != 0 ? first : signal)
            return
        }
        TerminalGuard.firstSignal.store(signal, ordering: .sequentiallyConsistent)
        var byte = UInt8(truncatingIfNeeded: signal)
        _ = write(TerminalGuard.pipeWrite.load(ordering: .sequentiallyConsistent), &byte, 1)
        let grace = TerminalGuard.graceSeconds.load(ordering: .sequentiallyConsistent)
        if grace > 0 { alarm(grace) }
    }

    static let immediateHandler: @convention(c) (Int32) -> Void = { signal in
        TerminalGuard.restoreAndReraise(signal)
    }

    /// The grace period after a delivered signal ran out: the app is stuck.
    static let watchdogHandler: @convention(c) (Int32) -> Void = { signal in
        let first = TerminalGuard.firstSignal.load(ordering: .sequentiallyConsistent)
        guard first != 0 else { return }
        TerminalGuard.restoreAndReraise(first)
    }

    static let fatalHandler: @convention(c) (Int32) -> Void = { signal in
        TerminalGuard.restoreTerminal()
        if let previous = TerminalGuard.previousActions, signal > 0,
            signal < TerminalGuard.actionSlots
        {
            _ = sigaction(signal, previous.assumingMemoryBound(to: sigaction.self) + Int(signal), nil)
        } else {
            _ = cn_set_default(signal)
        }
        // A fault re-runs the faulting instruction on return and reaches the previous handler;
        // a raised signal (abort) has to be raised again.
        if signal == SIGABRT {
            _ = cn_unblock(signal)
            raise(signal)
        }
    }

    static let resizeHandler: @convention(c) (Int32) -> Void = { signal in
        let savedErrno = errno
        defer { errno = savedErrno }
        if let previous = TerminalGuard.previousActions {
            let action = (previous.assumingMemoryBound(to: sigaction.self) + Int(SIGWINCH)).pointee
            if action.sa_flags & SA_SIGINFO == 0, let handler = action.__sigaction_handler.sa_handler,
                unsafeBitCast(handler, to: Int.self) > 1
            {
                handler(signal)
            }
        }
        TerminalGuard.resizePending.store(true, ordering: .sequentiallyConsistent)
        let descriptor = TerminalGuard.resizeWake.load(ordering: .sequentiallyConsistent)
        if descriptor >= 0 {
            var byte: UInt8 = 1
            _ = write(descriptor, &byte, 1)
        }
    }

    /// Restores the terminal, then ends the process the way `signal` would have by default.
    static func restoreAndReraise(_ signal: Int32) {
        restoreTerminal()
        _ = cn_set_default(signal)
        _ = cn_unblock(signal)
        raise(signal)
        _exit(128 + signal)
    }
}
