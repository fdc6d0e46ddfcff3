import PAMScreen

/// Where everything sits on screen for a state: used to draw and to find what a mouse click hit.
struct AppLayout {
    var header: Rect
    var status: Rect
    /// Each shown pane and its framed rectangle.
    var panes: [(pane: Pane, rect: Rect)]
    var detail: Rect

    init(_ state: AppState) {
        let (header, rest) = Rect(state.size).splitTop(1)
        let (body, status) = rest.splitBottom(1)
        self.header = header
        self.status = status
        let columns = body.columns([22, 40, 38])
        let visible = state.visiblePanes
        var leftPanes = visible.filter { PaneCatalog.spec($0).slot == .side }
        // The middle column holds the main list; a profile without one gives it its last side pane.
        let main = visible.first { PaneCatalog.spec($0).slot == .main } ?? leftPanes.popLast()
        let profileHeight = min(max(3, state.profiles.count + 3), columns[0].height / 3)
        var left = columns[0]
        var panes: [(Pane, Rect)] = []
        for pane in leftPanes {
            let height = pane == .profiles ? profileHeight : pane == leftPanes.last ? left.height : max(4, left.height / 2)
            let (top, rest) = left.splitTop(height)
            panes.append((pane, top))
            left = rest
        }
        if let main { panes.append((main, columns[1])) }
        let (detail, leases) = columns[2].splitTop(columns[2].height / 2)
        for pane in visible where PaneCatalog.spec(pane).slot == .aside { panes.append((pane, leases)) }
        self.panes = panes
        self.detail = detail
    }

    /// The pane under a point, with the row index under it when the point is on a row.
    func hit(x: Int, y: Int, state: AppState) -> (pane: Pane, row: Int?)? {
        guard let (pane, rect) = panes.first(where: { $0.rect.contains(x: x, y: y) }) else { return nil }
        return (pane, PaneView.row(atY: y, of: pane, state, in: rect))
    }
}
