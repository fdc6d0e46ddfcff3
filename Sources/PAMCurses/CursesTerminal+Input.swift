import CNCurses
import Glibc
import PAMScreen

extension CursesTerminal {
    /// Waits up to `timeout` (nil: until something happens) for input, a wake or a signal, then
    /// returns every key already typed. Empty after a timeout, a wake or a signal alone; call
    /// `pendingSignals()` after each return, since an unread signal keeps waking this.
    public func readEvents(timeout: Duration?) -> [KeyEvent] {
        guard !isShutDown, !isSuspended else { return [] }
        var events = drainInput()
        if !events.isEmpty { return events }
        var descriptors = [
            pollfd(fd: inputDescriptor, events: Int16(POLLIN), revents: 0),
            pollfd(fd: waker.readDescriptor, events: Int16(POLLIN), revents: 0),
            pollfd(fd: TerminalGuard.signalDescriptor, events: Int16(POLLIN), revents: 0),
        ]
        // A negative descriptor is ignored by poll, so a missing signal pipe is harmless.
        _ = poll(&descriptors, nfds_t(descriptors.count), Self.milliseconds(timeout))
        waker.drain()
        events = drainInput()
        return events
    }

    /// Reads keys without waiting until curses has none left.
    func drainInput() -> [KeyEvent] {
        var events: [KeyEvent] = []
        wtimeout(window, 0)
        // A paste storm must not keep the loop from drawing.
        for _ in 0..<4096 {
            var code: wint_t = 0
            let status = wget_wch(window, &code)
            if status == ERR { break }
            if status == KEY_CODE_YES, Int32(code) == KEY_RESIZE {
                appendResize(to: &events)
            } else if status == KEY_CODE_YES, Int32(code) == KEY_MOUSE {
                if let event = mouseEvent() { events.append(event) }
            } else if let event = KeyDecoder.decode(status: status, code: code) {
                // Esc and a word key read together are Alt-B/F/D (the terminal sends them so).
                if case .character(let character) = event, events.last == .escape, KeyDecoder.altKeys.contains(character) {
                    events[events.count - 1] = .alt(character)
                } else {
                    events.append(event)
                }
            }
        }
        if TerminalGuard.takeResize(), !events.contains(where: { if case .resize = $0 { true } else { false } }) {
            resizeIfChanged(into: &events)
        }
        return events
    }

    private func appendResize(to events: inout [KeyEvent]) {
        needsFullRedraw = true
        if case .resize = events.last { events.removeLast() }
        events.append(.resize(size))
    }

    /// Curses missed a SIGWINCH (it had no handler): ask the tty and tell curses.
    private func resizeIfChanged(into events: inout [KeyEvent]) {
        var window = winsize()
        guard ioctl(outputDescriptor, UInt(TIOCGWINSZ), &window) == 0, window.ws_col > 0, window.ws_row > 0 else { return }
        let actual = Size(width: Int(window.ws_col), height: Int(window.ws_row))
        guard actual != size else { return }
        resize_term(Int32(window.ws_row), Int32(window.ws_col))
        appendResize(to: &events)
    }

    private func mouseEvent() -> KeyEvent? {
        var event = MEVENT()
        guard getmouse(&event) == OK else { return nil }
        return MouseDecoder.decode(x: Int(event.x), y: Int(event.y), state: event.bstate)
    }

    /// `timeout` for poll, rounded up so a timer is never woken early.
    static func milliseconds(_ timeout: Duration?) -> Int32 {
        guard let timeout else { return -1 }
        let (seconds, attoseconds) = timeout.components
        if seconds < 0 || (seconds == 0 && attoseconds <= 0) { return 0 }
        let milliseconds = seconds * 1000 + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000
        return Int32(clamping: milliseconds)
    }
}
