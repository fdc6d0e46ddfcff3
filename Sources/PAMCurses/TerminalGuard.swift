import CNCurses
import Glibc
import Synchronization

/// Process-wide signal handling that keeps the terminal restorable.
///
/// - SIGINT, SIGTERM, SIGHUP: the first one becomes an entry in `pendingSignals()` (its pipe wakes
///   `readEvents`), so the app can shut down gracefully (clear the clipboard, ask about leases).
///   A second one, or the app still running `gracePeriod` after the first, restores the terminal
///   and re-raises the first signal with its default action, so the shell sees the right status.
/// - SIGQUIT: restore and re-raise at once.
/// - SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP: restore, then hand the signal to whoever
///   had it before (Swift's backtracer), so a crash report lands on the normal screen.
/// - SIGWINCH stays with ncurses (which turns it into `KEY_RESIZE`); pamtui's handler only calls
///   ncurses' one and then wakes `readEvents`, so a resize is never missed while waiting in `poll`.
/// - `atexit`: restore when the process exits with curses still active.
///
/// The restore from a handler does not call `endwin` (not async-signal-safe: it takes stdio and
/// ncurses' own state, which the interrupted code may hold). It writes bytes prepared at start-up
/// (leave the alternate screen, show the cursor, reset attributes, mouse and keypad off) with
/// `write(2)` and puts back the saved terminal modes with `tcsetattr`, both async-signal-safe.
public enum TerminalGuard {
    /// The signals the app receives once through `pendingSignals()`.
    public static let gracefulSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP]
    static let immediateSignals: [Int32] = [SIGQUIT]
    static let fatalSignals: [Int32] = [SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP]

    static let installed = Atomic<Bool>(false)
    static let graceful = Atomic<Bool>(true)
    static let graceSeconds = Atomic<UInt32>(0)
    static let received = Atomic<Int>(0)
    static let firstSignal = Atomic<Int32>(0)
    static let pipeRead = Atomic<Int32>(-1)
    static let pipeWrite = Atomic<Int32>(-1)
    static let resizeWake = Atomic<Int32>(-1)
    static let resizePending = Atomic<Bool>(false)
    static let active = Atomic<Bool>(false)
    static let ttyDescriptor = Atomic<Int32>(-1)
    static let restoreBytesAddress = Atomic<Int>(0)
    static let restoreCount = Atomic<Int>(0)
    static let savedModesAddress = Atomic<Int>(0)
    static let previousActionsAddress = Atomic<Int>(0)
    static let restoreCapacity = 512

    // Pointers are not Sendable, so the three buffers allocated at install are kept as addresses.
    static var restoreBytes: UnsafeMutableRawPointer? {
        UnsafeMutableRawPointer(bitPattern: restoreBytesAddress.load(ordering: .sequentiallyConsistent))
    }
    static var savedModes: UnsafeMutableRawPointer? {
        UnsafeMutableRawPointer(bitPattern: savedModesAddress.load(ordering: .sequentiallyConsistent))
    }
    static var previousActions: UnsafeMutableRawPointer? {
        UnsafeMutableRawPointer(bitPattern: previousActionsAddress.load(ordering: .sequentiallyConsistent))
    }
    static let actionSlots = 65

    /// Installs the handlers once per process; later calls change nothing.
    /// - Parameters:
    ///   - graceful: deliver the first SIGINT/SIGTERM/SIGHUP to the app instead of exiting.
    ///   - gracePeriod: after a delivered signal, the app has this long (whole seconds) to finish
    ///     before the terminal is restored and the process ends anyway; nil waits for a second signal.
    public static func install(graceful: Bool = true, gracePeriod: Duration? = .seconds(10)) {
        guard !installed.exchange(true, ordering: .sequentiallyConsistent) else { return }
        self.graceful.store(graceful, ordering: .sequentiallyConsistent)
        let seconds = gracePeriod.map { max(1, UInt32(clamping: $0.components.seconds)) } ?? 0
        graceSeconds.store(seconds, ordering: .sequentiallyConsistent)

        var descriptors: [Int32] = [-1, -1]
        if cn_pipe(&descriptors) == 0 {
            pipeRead.store(descriptors[0], ordering: .sequentiallyConsistent)
            pipeWrite.store(descriptors[1], ordering: .sequentiallyConsistent)
        }
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: restoreCapacity, alignment: 8)
        restoreBytesAddress.store(Int(bitPattern: buffer), ordering: .sequentiallyConsistent)
        let modes = UnsafeMutablePointer<termios>.allocate(capacity: 1)
        modes.initialize(to: termios())
        savedModesAddress.store(Int(bitPattern: modes), ordering: .sequentiallyConsistent)
        let previous = UnsafeMutablePointer<sigaction>.allocate(capacity: actionSlots)
        previous.initialize(repeating: sigaction(), count: actionSlots)
        previousActionsAddress.store(Int(bitPattern: previous), ordering: .sequentiallyConsistent)

        for signal in gracefulSignals { _ = cn_set_handler(signal, gracefulHandler) }
        for signal in immediateSignals { _ = cn_set_handler(signal, immediateHandler) }
        for signal in fatalSignals {
            _ = sigaction(signal, nil, previous + Int(signal))
            _ = cn_set_handler(signal, fatalHandler)
        }
        _ = cn_set_handler(SIGALRM, watchdogHandler)
        atexit { TerminalGuard.restoreTerminal() }
    }

    /// The file descriptor that becomes readable when a signal is pending (for `poll`).
    public static var signalDescriptor: Int32 { pipeRead.load(ordering: .sequentiallyConsistent) }

    /// Signals delivered since the last call, oldest first.
    public static func pendingSignals() -> [Int32] {
        let descriptor = signalDescriptor
        guard descriptor >= 0 else { return [] }
        var signals: [Int32] = []
        var buffer = [UInt8](repeating: 0, count: 16)
        while true {
            let count = read(descriptor, &buffer, buffer.count)
            if count <= 0 { break }
            signals.append(contentsOf: buffer[0..<count].map { Int32($0) })
        }
        return signals
    }

    /// The app handled the signal and keeps running (say, the operator declined to quit after
    /// ctrl-c): stop the grace timer and treat the next signal as a first one again.
    public static func acknowledgeSignals() {
        alarm(0)
        firstSignal.store(0, ordering: .sequentiallyConsistent)
        received.store(0, ordering: .sequentiallyConsistent)
    }

    /// Restores the terminal now with the prepared bytes; async-signal-safe and idempotent.
    public static func restoreTerminal() {
        guard active.exchange(false, ordering: .sequentiallyConsistent) else { return }
        let descriptor = ttyDescriptor.load(ordering: .sequentiallyConsistent)
        guard descriptor >= 0 else { return }
        let count = restoreCount.load(ordering: .sequentiallyConsistent)
        if count > 0, let bytes = restoreBytes {
            var written = 0
            while written < count {
                let result = write(descriptor, bytes + written, count - written)
                if result > 0 { written += result } else if result < 0 && errno == EINTR { continue } else { break }
            }
        }
        if let modes = savedModes {
            _ = tcsetattr(descriptor, TCSANOW, modes.assumingMemoryBound(to: termios.self))
        }
    }

    // MARK: - State shared with CursesTerminal

    /// Curses is now drawing on `descriptor`: a restore writes `bytes` and puts back `modes`.
    static func activate(descriptor: Int32, modes: termios?, bytes: [UInt8]) {
        ttyDescriptor.store(descriptor, ordering: .sequentiallyConsistent)
        if let modes, let pointer = savedModes {
            pointer.assumingMemoryBound(to: termios.self).pointee = modes
        }
        setRestoreBytes(bytes)
        active.store(true, ordering: .sequentiallyConsistent)
    }

    /// Replaces the restore bytes (the mouse was turned on or off).
    static func setRestoreBytes(_ bytes: [UInt8]) {
        guard let buffer = restoreBytes else { return }
        let count = min(bytes.count, restoreCapacity)
        // A handler running meanwhile sees a count of 0 and writes nothing rather than half.
        restoreCount.store(0, ordering: .sequentiallyConsistent)
        bytes.withUnsafeBytes { source in
            if let base = source.baseAddress { buffer.copyMemory(from: base, byteCount: count) }
        }
        restoreCount.store(count, ordering: .sequentiallyConsistent)
    }

    /// Curses was ended normally (or suspended): nothing to restore.
    static func deactivate() {
        active.store(false, ordering: .sequentiallyConsistent)
    }

    /// Keeps ncurses' SIGWINCH handler and adds a wake of `descriptor` after it.
    static func chainResize(wake descriptor: Int32) {
        guard let previous = previousActions else { return }
        resizeWake.store(descriptor, ordering: .sequentiallyConsistent)
        let slot = previous.assumingMemoryBound(to: sigaction.self) + Int(SIGWINCH)
        var current = sigaction()
        _ = sigaction(SIGWINCH, nil, &current)
        let currentAddress = current.__sigaction_handler.sa_handler.map { unsafeBitCast($0, to: Int.self) } ?? 0
        if currentAddress != unsafeBitCast(resizeHandler, to: Int.self) {
            slot.pointee = current
            _ = cn_set_handler(SIGWINCH, resizeHandler)
        }
    }

    /// Stops waking `readEvents` on resize (the wake pipe is going away).
    static func unchainResize() {
        resizeWake.store(-1, ordering: .sequentiallyConsistent)
    }

    /// Whether a SIGWINCH arrived since the last call.
    static func takeResize() -> Bool {
        resizePending.exchange(false, ordering: .sequentiallyConsistent)
    }
}
