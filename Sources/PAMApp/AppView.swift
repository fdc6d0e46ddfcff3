import Foundation
import PAMCore
import PAMScreen

/// Draws the whole app from state into a cell grid. Pure: the same state gives the same grid.
public struct AppView {
    public var glyphs: Glyphs
    /// Below this size only a "too small" message is drawn.
    public static let minimumSize = Size(width: 60, height: 16)

    public init(glyphs: Glyphs = .unicode) { self.glyphs = glyphs }

    /// The screen for `state`. `secret` gives the bytes of a revealed lease for the detail pane.
    public func render(_ state: AppState, secret: (String) -> String? = { _ in nil }) -> CellGrid {
        if let tooSmall = MinimumSize.screen(for: state.size, minimum: Self.minimumSize) { return tooSmall }
        var grid = CellGrid(state.size)
        let layout = AppLayout(state)
        drawHeader(state, into: &grid, in: layout.header)
        for (pane, rect) in layout.panes { PaneView(glyphs: glyphs).render(pane, state, into: &grid, in: rect) }
        DetailView(glyphs: glyphs).render(state, into: &grid, in: layout.detail, secret: secret)
        drawStatus(state, into: &grid, in: layout.status)
        let body = Rect(x: 0, y: layout.header.maxY, width: state.size.width, height: layout.status.y - layout.header.maxY)
        OverlayView(glyphs: glyphs).render(state, into: &grid, in: body)
        if let prompt = state.prompts.first { PromptView(glyphs: glyphs).render(prompt, waiting: state.prompts.count - 1, into: &grid, in: body) }
        return grid
    }

    private func drawHeader(_ state: AppState, into grid: inout CellGrid, in rect: Rect) {
        grid.fill(rect, with: Cell(" ", role: .title))
        let clock = ISODateTime.format(state.now, zone: false).dropFirst(11).prefix(5) + " UTC "
        var x = rect.x
        for segment in HeaderView.segments(state, width: rect.width - clock.count - 1) {
            x += grid.put(segment.text, x: x, y: rect.y, role: segment.role)
        }
        _ = grid.put(String(clock), x: rect.x, y: rect.y, width: rect.width, alignment: .right, role: .title)
    }

    private func drawStatus(_ state: AppState, into grid: inout CellGrid, in rect: Rect) {
        var message = state.flash?.text ?? ""
        // The filter input takes the message's place: blanks reserve its room from the hints.
        let filterWidth = max(12, rect.width / 2 - 2)
        if state.filterEditing { message = String(repeating: " ", count: filterWidth) }
        StatusLine(message: message, messageRole: state.flash?.isError == true ? .flashError : .flash, hints: KeyHints.hints(state),
                   more: state.filterEditing ? nil : KeyHints.more(state), glyphs: glyphs)
            .render(into: &grid, in: rect)
        if state.filterEditing {
            grid.put("/", x: rect.x + 1, y: rect.y, role: .statusKey)
            TextFieldView(state.pane(state.focus).filterInput, focused: true, glyphs: glyphs)
                .render(into: &grid, x: rect.x + 2, y: rect.y, width: filterWidth - 1)
        }
    }
}
