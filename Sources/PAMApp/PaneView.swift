import Foundation
import PAMCore
import PAMScreen

/// One pane: a framed table of its filtered rows, with loading and error states.
struct PaneView {
    var glyphs: Glyphs

    func render(_ pane: Pane, _ state: AppState, into grid: inout CellGrid, in rect: Rect) {
        let focused = state.focus == pane
        let paneState = state.pane(pane)
        let number = Pane.allCases.firstIndex(of: pane).map { $0 + 1 } ?? 0
        var title = "\(number) \(pane.title(state))"
        if !paneState.filter.isEmpty { title += "  /\(paneState.filter)" }
        var content = rows(pane, state)
        if let sort = paneState.sort, content.columns.indices.contains(sort.column), !Sorting.columns(pane, state).isEmpty {
            content.columns[sort.column].title += String(sort.descending ? glyphs.sortDescending : glyphs.sortAscending)
        }
        let frame = Frame(title: title, badge: content.badge, focused: focused, glyphs: glyphs)
        let inner = frame.render(into: &grid, in: rect)
        // Rows are built lazily: only the ones on screen, even with 100,000 in the list.
        let table = Table(
            columns: content.columns, count: content.count, selected: content.count == 0 ? nil : paneState.selected,
            offset: Self.offset(selected: paneState.selected, inner: inner), focused: focused, message: content.message,
            glyphs: glyphs, row: content.row
        )
        _ = table.render(into: &grid, in: inner)
    }

    /// The first row shown: the table scrolls just enough to keep the selection in view.
    static func offset(selected: Int, inner: Rect) -> Int { max(0, selected - inner.height + 2) }

    /// The row index drawn at line `y` of a pane framed in `rect`; nil on the frame, the column
    /// header, or below the last row.
    static func row(atY y: Int, of pane: Pane, _ state: AppState, in rect: Rect) -> Int? {
        let inner = rect.inset(by: 1)
        let bodyTop = inner.y + 1
        guard y >= bodyTop, y < inner.maxY else { return nil }
        let count = Presentation.rowCount(state, pane)
        let selected = state.pane(pane).selected
        let range = Table.visibleRange(selected: selected, count: count, height: inner.height - 1,
                                       previousOffset: offset(selected: selected, inner: inner))
        let index = range.lowerBound + (y - bodyTop)
        return range.contains(index) ? index : nil
    }

    struct Content {
        var columns: [TableColumn]
        var count: Int
        var row: (Int) -> TableRow
        var message: TableMessage?
        var badge: String?

        init(columns: [TableColumn], rows: [TableRow], message: TableMessage?, badge: String?) {
            self.init(columns: columns, count: rows.count, message: message, badge: badge) { rows[$0] }
        }

        init(columns: [TableColumn], count: Int, message: TableMessage?, badge: String?, row: @escaping (Int) -> TableRow) {
            self.columns = columns
            self.count = count
            self.row = row
            self.message = message
            self.badge = badge
        }
    }

    private func rows(_ pane: Pane, _ state: AppState) -> Content {
        PaneCatalog.spec(pane).rows(state, PaneCells(filter: state.pane(pane)))
    }
}

/// What a pane's rows are made with: cells highlighted by its filter, and the words for a list
/// that is loading, failed or empty.
struct PaneCells {
    /// Parsed once per frame, not per cell.
    var query: FilterQuery

    init(filter: PaneState) { query = FilterQuery(filter.filter) }

    func row(_ cells: [String], role: StyleRole? = nil) -> TableRow {
        var matches: [Int: [Range<Int>]] = [:]
        for (index, cell) in cells.enumerated() where !query.isEmpty {
            let ranges = query.highlights(cell)
            if !ranges.isEmpty { matches[index] = ranges }
        }
        return TableRow(cells, role: role, matches: matches)
    }

    func message<T>(_ load: LoadState<T>, _ empty: String) -> TableMessage {
        switch load {
        case .loading, .partial: TableMessage("loading…")
        case .failed(let error): .error(error)
        case .idle, .loaded: .empty(empty)
        }
    }

    func badge<T>(_ load: LoadState<T>, _ count: Int) -> String? {
        switch load {
        case .loading: "loading…"
        case .partial: "\(count)…"
        case .failed: "error"
        case .loaded: String(count)
        case .idle: nil
        }
    }
}
