import Foundation
import PAMCurses
import PAMScreen
import Testing

/// The program the real-terminal tests run inside tmux: this test binary, filtered to this test,
/// with `PAMTUI_CURSES_CHILD=1`. In a normal test run it returns at once.
///
/// It draws a fixed screen plus the last event, quits on `q` or on the first signal, and prints
/// `CHILD-EXIT <reason>` after restoring the terminal. `PAMTUI_CURSES_CHILD_MODE=stubborn`
/// ignores signals (to test the fallback); `PAMTUI_CURSES_CHILD_GRACE=<s>` sets the grace period.
@Suite struct CursesChildProgram {
    static let theme = Theme(name: "child", styles: [
        .normal: ThemeStyle(), .danger: ThemeStyle(foreground: .ansi(1), bold: true), .title: ThemeStyle(reverse: true),
    ])

    @Test func childMain() throws {
        let environment = ProcessInfo.processInfo.environment
        guard environment["PAMTUI_CURSES_CHILD"] == "1" else { return }
        let stubborn = environment["PAMTUI_CURSES_CHILD_MODE"] == "stubborn"
        let grace = environment["PAMTUI_CURSES_CHILD_GRACE"].flatMap(Int.init).map { Duration.seconds($0) }
        TerminalGuard.install(graceful: true, gracePeriod: grace ?? .seconds(30))

        let terminal = try CursesTerminal()
        var last = "none"
        var resizes = 0
        var reason: String?
        while reason == nil {
            var grid = Self.screen(size: terminal.size, last: last, resizes: resizes)
            grid.put("depth=\(terminal.colorDepth.rawValue) utf8=\(terminal.isUTF8)", x: 0, y: 5, role: .normal)
            terminal.present(grid, theme: Self.theme)
            for event in terminal.readEvents(timeout: nil) {
                if case .resize(let size) = event {
                    resizes += 1
                    last = "resize \(size.width)x\(size.height)"
                } else {
                    last = event.name
                }
                if event == .character("q") { reason = "q" }
            }
            for signal in terminal.pendingSignals() {
                if stubborn { last = "ignored signal \(signal)" } else { reason = "signal \(signal)" }
            }
        }
        terminal.shutdown()
        print("CHILD-EXIT \(reason ?? "?")")
    }

    static func screen(size: Size, last: String, resizes: Int) -> CellGrid {
        if let small = MinimumSize.screen(for: size, minimum: Size(width: 30, height: 8)) { return small }
        var grid = CellGrid(size)
        grid.put("pamtui curses child pid=\(getpid())", x: 0, y: 0, role: .title)
        grid.put("wide: 日本語 box: ┌─┐", x: 0, y: 1, role: .normal)
        grid.put("size=\(size.width)x\(size.height) resizes=\(resizes)", x: 0, y: 2, role: .normal)
        grid.put("last=\(last)", x: 0, y: 3, role: .normal)
        grid.put("DANGER", x: 0, y: 4, role: .danger)
        grid.put("BR", x: size.width - 2, y: size.height - 1, role: .normal)
        return grid
    }
}
