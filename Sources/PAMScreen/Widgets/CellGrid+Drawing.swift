extension CellGrid {
    /// Writes `text` like `put`, giving characters whose index falls in `highlights` the role
    /// `highlightRole` (fuzzy-filter matches), in any order; returns the columns used.
    @discardableResult
    public mutating func put(
        _ text: String, x: Int, y: Int, role: StyleRole, limit: Int, highlights: [Range<Int>],
        highlightRole: StyleRole = .match
    ) -> Int {
        guard !highlights.isEmpty else { return put(text, x: x, y: y, role: role, limit: limit) }
        let highlights = highlights.count > 1 ? highlights.sorted { $0.lowerBound < $1.lowerBound } : highlights
        guard y >= 0, y < size.height else { return 0 }
        let end = min(size.width, x + limit)
        var column = x
        var rangeIndex = 0
        for (index, character) in text.enumerated() {
            let width = TextWidth.of(character)
            if width == 0 { continue }
            if column + width > end { break }
            while rangeIndex < highlights.count, highlights[rangeIndex].upperBound <= index { rangeIndex += 1 }
            let highlighted = rangeIndex < highlights.count && highlights[rangeIndex].contains(index)
            let cellRole = highlighted ? highlightRole : role
            if column >= 0 {
                self[column, y] = Cell(String(character), role: cellRole)
                if width == 2 { self[column + 1, y] = Cell("", role: cellRole) }
            }
            column += width
        }
        return column - x
    }

    /// Writes `text` truncated with `ellipsis` to `width` columns and aligned inside them.
    @discardableResult
    public mutating func put(
        _ text: String, x: Int, y: Int, width: Int, alignment: TextAlignment, role: StyleRole,
        highlights: [Range<Int>] = [], ellipsis: String = "…"
    ) -> Int {
        guard width > 0 else { return 0 }
        let shown = TextWidth.truncate(text, to: width, ellipsis: ellipsis)
        let offset = alignment.offset(textWidth: TextWidth.of(shown), in: width)
        return put(shown, x: x + offset, y: y, role: role, limit: width - offset, highlights: highlights)
    }

    /// Draws a horizontal run of `character` from `x` for `count` columns.
    mutating func repeatCharacter(_ character: Character, x: Int, y: Int, count: Int, role: StyleRole) {
        guard count > 0 else { return }
        let text = String(character)
        for column in x..<(x + count) { self[column, y] = Cell(text, role: role) }
    }
}
