/// Rows and columns with a header, a selected row kept in view, per-row roles, tree indentation
/// and fuzzy-match highlights. Rows come from a provider, so only visible rows are ever built.
public struct Table {
    public var columns: [TableColumn]
    /// How many rows there are.
    public var count: Int
    /// Builds row `index`; called only for the rows on screen.
    public var row: (Int) -> TableRow
    public var selected: Int?
    /// The first visible row from the previous frame; `render` returns the next one.
    public var offset: Int
    public var focused: Bool
    public var showsHeader: Bool
    /// Shown centred when there are no rows.
    public var message: TableMessage?
    public var glyphs: Glyphs
    /// Blank columns between columns.
    public var gap: Int

    public init(
        columns: [TableColumn], count: Int, selected: Int? = nil, offset: Int = 0, focused: Bool = true,
        showsHeader: Bool = true, message: TableMessage? = nil, glyphs: Glyphs = .unicode, gap: Int = 1,
        row: @escaping (Int) -> TableRow
    ) {
        self.columns = columns
        self.count = max(0, count)
        self.row = row
        self.selected = selected
        self.offset = offset
        self.focused = focused
        self.showsHeader = showsHeader
        self.message = message
        self.glyphs = glyphs
        self.gap = gap
    }

    /// A table over rows already in memory.
    public init(
        columns: [TableColumn], rows: [TableRow], selected: Int? = nil, offset: Int = 0, focused: Bool = true,
        message: TableMessage? = nil, glyphs: Glyphs = .unicode
    ) {
        self.init(
            columns: columns, count: rows.count, selected: selected, offset: offset, focused: focused,
            message: message, glyphs: glyphs, row: { rows[$0] }
        )
    }

    /// The rows to show in `height` lines: the previous offset, moved as little as possible to
    /// keep `selected` visible, and never leaving blank lines below the last row.
    public static func visibleRange(selected: Int?, count: Int, height: Int, previousOffset: Int) -> Range<Int> {
        guard count > 0, height > 0 else { return 0..<0 }
        var offset = min(max(0, previousOffset), max(0, count - height))
        if let selected {
            let clamped = min(max(0, selected), count - 1)
            if clamped < offset { offset = clamped }
            if clamped >= offset + height { offset = clamped - height + 1 }
        }
        return offset..<min(count, offset + height)
    }

    /// Draws the table; returns the offset to pass back next frame.
    @discardableResult
    public func render(into grid: inout CellGrid, in rect: Rect) -> Int {
        guard !rect.isEmpty else { return offset }
        grid.fill(rect)
        let (headerRect, body) = showsHeader ? rect.splitTop(1) : (Rect(x: rect.x, y: rect.y, width: 0, height: 0), rect)
        let range = Table.visibleRange(selected: selected, count: count, height: body.height, previousOffset: offset)
        let rows = range.map(row)
        let widths = TableColumn.layout(columns, available: rect.width, gap: gap, contentWidths: contentWidths(rows))
        if showsHeader { drawHeader(into: &grid, in: headerRect, widths: widths) }
        if rows.isEmpty {
            if let message, !body.isEmpty {
                let line = body.centered(Size(width: body.width, height: 1))
                grid.put(
                    message.text, x: line.x, y: line.y, width: line.width, alignment: .center, role: message.role,
                    ellipsis: glyphs.ellipsis
                )
            }
            return range.lowerBound
        }
        for (position, tableRow) in rows.enumerated() {
            let index = range.lowerBound + position
            drawRow(tableRow, selected: index == selected, into: &grid, y: body.y + position, rect: rect, widths: widths)
        }
        return range.lowerBound
    }

    private func contentWidths(_ rows: [TableRow]) -> [Int] {
        columns.indices.map { column in
            var widest = showsHeader ? TextWidth.of(columns[column].title) : 0
            for tableRow in rows where column < tableRow.cells.count {
                let prefix = column == 0 ? tableRow.prefixWidth : 0
                widest = max(widest, prefix + TextWidth.of(tableRow.cells[column]))
            }
            return widest
        }
    }

    private func drawHeader(into grid: inout CellGrid, in rect: Rect, widths: [Int]) {
        grid.fill(rect, with: Cell(" ", role: .header))
        var x = rect.x
        for (index, column) in columns.enumerated() where widths[index] > 0 {
            grid.put(
                column.title, x: x, y: rect.y, width: widths[index], alignment: column.alignment, role: .header,
                ellipsis: glyphs.ellipsis
            )
            x += widths[index] + gap
        }
    }

    private func drawRow(_ tableRow: TableRow, selected isSelected: Bool, into grid: inout CellGrid, y: Int, rect: Rect, widths: [Int]) {
        let selectionRole: StyleRole = focused ? .selection : .selectionUnfocused
        let rowRole = isSelected ? selectionRole : tableRow.role ?? .normal
        if isSelected { grid.fill(Rect(x: rect.x, y: y, width: rect.width, height: 1), with: Cell(" ", role: rowRole)) }
        var x = rect.x
        for (index, column) in columns.enumerated() where widths[index] > 0 {
            var width = widths[index]
            var cellX = x
            if index == 0, tableRow.disclosure != nil {
                let used = grid.put(tableRow.prefix(glyphs: glyphs), x: cellX, y: y, role: rowRole, limit: width)
                cellX += used
                width -= used
            }
            let text = index < tableRow.cells.count ? tableRow.cells[index] : ""
            let role = isSelected ? rowRole : tableRow.cellRoles[index] ?? rowRole
            let highlights = isSelected ? [] : tableRow.matches[index] ?? []
            grid.put(
                text, x: cellX, y: y, width: width, alignment: column.alignment, role: role, highlights: highlights,
                ellipsis: glyphs.ellipsis
            )
            x += widths[index] + gap
        }
    }
}
