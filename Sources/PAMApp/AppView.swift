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
        let (header, rest) = Rect(state.size).splitTop(1)
        let (body, status) = rest.splitBottom(1)
        drawHeader(state, into: &grid, in: header)
        drawPanes(state, into: &grid, in: body, secret: secret)
        drawStatus(state, into: &grid, in: status)
        OverlayView(glyphs: glyphs).render(state, into: &grid, in: body)
        return grid
    }

    private func drawHeader(_ state: AppState, into grid: inout CellGrid, in rect: Rect) {
        grid.fill(rect, with: Cell(" ", role: .title))
        let clock = ISODateTime.format(state.now, zone: false).dropFirst(11).prefix(5) + " UTC "
        var x = rect.x
        for segment in HeaderView.segments(state, width: rect.width - clock.count) {
            x += grid.put(segment.text, x: x, y: rect.y, role: segment.role)
        }
        _ = grid.put(String(clock), x: rect.x, y: rect.y, width: rect.width, alignment: .right, role: .title)
    }

    private func drawStatus(_ state: AppState, into grid: inout CellGrid, in rect: Rect) {
        let keymap = state.settings.keymap
        let hints = (keymap.tables[.panes] ?? []).filter(\.hint).compactMap { binding -> KeyHint? in
            guard let key = binding.keys.first, !(state.settings.readonly && binding.command.isPrivileged) else { return nil }
            return KeyHint(key.name, binding.command.hintLabel)
        }
        var message = state.flash?.text ?? ""
        if state.filterEditing { message = "/\(state.pane(state.focus).filter)█" }
        StatusLine(message: message, messageRole: state.flash?.isError == true ? .flashError : .flash, hints: hints, glyphs: glyphs)
            .render(into: &grid, in: rect)
    }

    private func drawPanes(_ state: AppState, into grid: inout CellGrid, in rect: Rect, secret: (String) -> String?) {
        let columns = rect.columns([22, 40, 38])
        let visible = state.visiblePanes
        let leftPanes = [Pane.profiles, .systems, .folders].filter(visible.contains)
        let profileHeight = min(max(3, state.profiles.count + 3), columns[0].height / 3)
        var left = columns[0]
        for pane in leftPanes {
            let isLast = pane == leftPanes.last
            let height = pane == .profiles ? profileHeight : isLast ? left.height : max(4, (left.height) / 2)
            let (top, rest) = left.splitTop(height)
            PaneView(glyphs: glyphs).render(pane, state, into: &grid, in: top)
            left = rest
        }
        PaneView(glyphs: glyphs).render(.accounts, state, into: &grid, in: columns[1])
        let (detail, leases) = columns[2].splitTop(columns[2].height / 2)
        DetailView(glyphs: glyphs).render(state, into: &grid, in: detail, secret: secret)
        PaneView(glyphs: glyphs).render(.leases, state, into: &grid, in: leases)
    }
}

extension Command {
    /// The short label in the status line.
    var hintLabel: String {
        switch self {
        case .filter: "filter"
        case .checkout: "checkout"
        case .checkin: "checkin"
        case .reveal: "reveal"
        case .copy: "copy"
        case .help: "help"
        case .quit: "quit"
        default: rawValue
        }
    }
}
