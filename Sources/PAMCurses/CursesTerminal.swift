import CNCurses
import Glibc
import PAMCore
import PAMScreen

/// The real terminal through ncurses: presents cell grids and reads keys.
///
/// Confined to the thread that created it (ncurses is not thread-safe), which is why it is not
/// `Sendable`. The one thing other threads may do is `waker.wake()`.
///
/// It draws on `/dev/tty` (through `newterm`), not on stdout, so `pamtui > file` or a redirected
/// stdin still gets a working UI; it falls back to stdin/stdout when there is no controlling tty.
public final class CursesTerminal {
    /// Start-up choices; the defaults suit an interactive session.
    public struct Options: Sendable {
        /// Forces a colour depth instead of detecting it.
        public var colorDepth: ColorDepth?
        /// Forces ASCII-only output (true) or UTF-8 (false) instead of following the locale.
        public var asciiOnly: Bool?
        /// Reports the mouse from the start; off by default so terminal text selection works.
        public var mouse: Bool
        /// How long a lone Esc waits for the rest of an escape sequence.
        public var escapeDelay: Duration
        /// Wraps each frame in synchronized-output marks (DEC mode 2026) against flicker.
        public var synchronizedOutput: Bool
        /// Installs `TerminalGuard` with its defaults, if the app has not installed it already.
        public var guardSignals: Bool
        /// The environment colour detection reads (`NO_COLOR`).
        public var environment: [String: String]

        public init(
            colorDepth: ColorDepth? = nil, asciiOnly: Bool? = nil, mouse: Bool = false,
            escapeDelay: Duration = .milliseconds(25), synchronizedOutput: Bool = false, guardSignals: Bool = true,
            environment: [String: String] = CursesTerminal.processEnvironment()
        ) {
            self.colorDepth = colorDepth
            self.asciiOnly = asciiOnly
            self.mouse = mouse
            self.escapeDelay = escapeDelay
            self.synchronizedOutput = synchronizedOutput
            self.guardSignals = guardSignals
            self.environment = environment
        }
    }

    /// The colour depth frames are drawn with.
    public let colorDepth: ColorDepth
    /// Whether the locale is UTF-8; when not, cells are drawn through `ASCIIFallback`.
    public let isUTF8: Bool
    /// Wakes `readEvents` from any thread.
    public let waker: Waker
    /// Whether mouse events are reported.
    public private(set) var isMouseOn = false

    let options: Options
    let screen: OpaquePointer
    let window: UnsafeMutablePointer<WINDOW>
    let inputDescriptor: Int32
    let outputDescriptor: Int32
    let ownedFile: UnsafeMutablePointer<FILE>?
    let outputFile: UnsafeMutablePointer<FILE>
    var pairTable: ColorPairTable
    var lastGrid: CellGrid?
    var lastTheme: Theme?
    var needsFullRedraw = true
    var isShutDown = false
    var isSuspended = false
    var characterBuffer: [wchar_t] = []

    /// Sets up curses on the terminal; throws when there is no usable terminal.
    public init(options: Options = Options()) throws(PAMError) {
        self.options = options
        setlocale(LC_ALL, "")
        let codeset = cn_codeset().map { String(cString: $0) } ?? ""
        let localeIsUTF8 = codeset.uppercased().replacingOccurrences(of: "-", with: "") == "UTF8"
        isUTF8 = options.asciiOnly.map { !$0 } ?? localeIsUTF8
        if options.guardSignals { TerminalGuard.install() }
        waker = try Waker()

        let tty = Self.openTTY()
        ownedFile = tty
        let inputFile = tty ?? cn_stdin()
        let output = tty ?? cn_stdout()
        guard let inputFile, let output else { throw PAMError(.unsupported, "no terminal to draw on") }
        outputFile = output
        inputDescriptor = fileno(inputFile)
        outputDescriptor = fileno(output)
        var shellModes = termios()
        let hasShellModes = tcgetattr(inputDescriptor, &shellModes) == 0

        guard isatty(inputDescriptor) == 1, let screen = newterm(nil, output, inputFile) else {
            if let tty { fclose(tty) }
            let term = options.environment["TERM"] ?? "unset"
            throw PAMError(.unsupported, "cannot start the terminal UI (TERM=\(term)); is this an interactive terminal?")
        }
        self.screen = screen
        set_term(screen)
        guard let window = cn_stdscr() else {
            endwin()
            delscreen(screen)
            if let tty { fclose(tty) }
            throw PAMError(.unsupported, "curses has no screen")
        }
        self.window = window
        cbreak()
        noecho()
        nonl()
        keypad(window, true)
        intrflush(window, false)
        leaveok(window, true)
        curs_set(0)
        // Ctrl-S submits a dialog: flow control (IXON) would freeze the terminal on it instead.
        var programModes = termios()
        if tcgetattr(inputDescriptor, &programModes) == 0 {
            programModes.c_iflag &= ~tcflag_t(IXON)
            _ = tcsetattr(inputDescriptor, TCSANOW, &programModes)
        }
        def_prog_mode()
        cn_set_escdelay(Int32(clamping: options.escapeDelay.components.seconds * 1000
            + options.escapeDelay.components.attoseconds / 1_000_000_000_000_000))

        var defaultColors = false
        if has_colors() {
            start_color()
            defaultColors = use_default_colors() == OK
        }
        let colors = has_colors() ? Int(cn_colors()) : 0
        let hasDirectColor = tigetflag("RGB") > 0
        colorDepth = options.colorDepth
            ?? ColorDepthDetection.detect(environment: options.environment, colors: colors, hasDirectColor: hasDirectColor)
        pairTable = ColorPairTable(
            depth: has_colors() ? colorDepth : .monochrome, maxPairs: has_colors() ? Int(cn_color_pairs()) : 1,
            defaultColors: defaultColors, colors: colors
        )
        mousemask(0, nil)

        TerminalGuard.activate(descriptor: outputDescriptor, modes: hasShellModes ? shellModes : nil, bytes: restoreSequence())
        TerminalGuard.chainResize(wake: waker.writeDescriptor)
        if options.mouse { setMouse(true) }
    }

    deinit { shutdown() }

    /// The terminal's size now.
    public var size: Size {
        Size(width: Int(getmaxx(window)), height: Int(getmaxy(window)))
    }

    /// Wakes `readEvents`; the same as `waker.wake()`.
    public func wake() { waker.wake() }

    /// Signals the app has to act on (see `TerminalGuard`), oldest first.
    public func pendingSignals() -> [Int32] { TerminalGuard.pendingSignals() }

    /// Rings the terminal bell (or flashes, where the terminal has no bell).
    public func bell() {
        guard !isShutDown, !isSuspended else { return }
        beep()
    }

    /// Turns mouse reporting on or off.
    public func setMouse(_ on: Bool) {
        guard !isShutDown else { return }
        if on {
            mousemask(MouseDecoder.reportedMask, nil)
            mouseinterval(0)
        } else {
            mousemask(0, nil)
        }
        isMouseOn = on
        TerminalGuard.setRestoreBytes(restoreSequence())
    }

    /// Restores the terminal (normal screen, cursor, modes); safe to call more than once.
    public func shutdown() {
        guard !isShutDown else { return }
        isShutDown = true
        TerminalGuard.deactivate()
        TerminalGuard.unchainResize()
        if !isSuspended {
            if isMouseOn { mousemask(0, nil) }
            curs_set(1)
            endwin()
        }
        delscreen(screen)
        if let ownedFile { fclose(ownedFile) }
    }

    /// Leaves curses mode to run another program on the terminal; `resume()` comes back.
    public func suspend() {
        guard !isShutDown, !isSuspended else { return }
        TerminalGuard.deactivate()
        if isMouseOn { mousemask(0, nil) }
        curs_set(1)
        endwin()
        isSuspended = true
    }

    /// Returns to curses mode after `suspend()` and redraws everything on the next present.
    public func resume() {
        guard !isShutDown, isSuspended else { return }
        isSuspended = false
        reset_prog_mode()
        curs_set(0)
        if isMouseOn { mousemask(MouseDecoder.reportedMask, nil) }
        clearok(window, true)
        needsFullRedraw = true
        TerminalGuard.activate(descriptor: outputDescriptor, modes: nil, bytes: restoreSequence())
    }

    /// Writes bytes straight to the terminal after curses' own output, e.g. an OSC 52 clipboard
    /// sequence. Wrapping for tmux or screen (DCS passthrough) is the caller's job.
    public func writeRaw(_ bytes: [UInt8]) {
        fflush(outputFile)
        Self.writeAll(outputDescriptor, bytes)
    }

    static func writeAll(_ descriptor: Int32, _ bytes: [UInt8]) {
        bytes.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress else { return }
            var written = 0
            while written < buffer.count {
                let result = write(descriptor, base + written, buffer.count - written)
                if result > 0 {
                    written += result
                } else if result < 0, errno == EINTR || errno == EAGAIN {
                    continue
                } else {
                    return
                }
            }
        }
    }

    /// The variables colour detection and error messages read, from this process's environment.
    public static func processEnvironment() -> [String: String] {
        var result: [String: String] = [:]
        for name in ["NO_COLOR", "COLORTERM", "TERM"] {
            if let value = getenv(name) { result[name] = String(cString: value) }
        }
        return result
    }

    private static func openTTY() -> UnsafeMutablePointer<FILE>? {
        let descriptor = open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        guard let file = fdopen(descriptor, "r+") else {
            close(descriptor)
            return nil
        }
        return file
    }

    /// What a signal handler writes to leave curses mode without calling curses.
    func restoreSequence() -> [UInt8] {
        var bytes: [UInt8] = []
        if options.synchronizedOutput { bytes += Array("\u{1B}[?2026l".utf8) }
        if isMouseOn { bytes += Array("\u{1B}[?1006l\u{1B}[?1002l\u{1B}[?1000l".utf8) }
        for capability in ["sgr0", "cnorm", "rmkx", "rmcup"] { bytes += Self.terminfoString(capability) }
        return bytes
    }

    static func terminfoString(_ capability: String) -> [UInt8] {
        guard let value = capability.withCString({ tigetstr($0) }), Int(bitPattern: value) != -1 else { return [] }
        return Array(String(cString: value).utf8)
    }
}
