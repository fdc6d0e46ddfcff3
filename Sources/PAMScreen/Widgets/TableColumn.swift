/// How wide a table column is.
public enum ColumnWidth: Sendable, Equatable {
    /// Exactly this many columns.
    case fixed(Int)
    /// A share of the space left after fixed and fitted columns, never below `min`.
    case flexible(weight: Int = 1, min: Int = 1)
    /// As wide as the widest visible cell or the title, within `min`…`max`.
    case fit(min: Int = 1, max: Int = Int.max)
}

/// One column of a `Table`.
public struct TableColumn: Sendable, Equatable {
    public var title: String
    public var width: ColumnWidth
    public var alignment: TextAlignment

    public init(_ title: String, width: ColumnWidth = .flexible(), alignment: TextAlignment = .left) {
        self.title = title
        self.width = width
        self.alignment = alignment
    }

    /// Widths for `columns` sharing `available` columns with `gap` between them. `contentWidths`
    /// gives the widest cell of each column (title included). When space runs out, fitted columns
    /// shrink to their minimum first, then columns are cut from the right (a width of 0 hides one).
    public static func layout(_ columns: [TableColumn], available: Int, gap: Int, contentWidths: [Int]) -> [Int] {
        var widths = columns.enumerated().map { index, column -> Int in
            switch column.width {
            case .fixed(let width): return max(0, width)
            case .flexible(_, let minimum): return max(0, minimum)
            case .fit(let minimum, let maximum):
                let content = index < contentWidths.count ? contentWidths[index] : 0
                return max(0, min(max(content, minimum), maximum))
            }
        }
        func overflow() -> Int {
            let shown = widths.filter { $0 > 0 }.count
            return widths.reduce(0, +) + gap * max(0, shown - 1) - available
        }
        var spare = -overflow()
        if spare > 0 {
            // A flexible column that is hidden so far (minimum 0) takes a gap too once it gets space.
            let appearing = columns.indices.filter { index in
                if case .flexible = columns[index].width { return widths[index] == 0 }
                return false
            }.count
            if spare - gap * appearing > 0 { distribute(spare - gap * appearing, to: columns, widths: &widths) }
            return widths
        }
        for index in columns.indices.reversed() where spare < 0 {
            guard case .fit(let minimum, _) = columns[index].width else { continue }
            let cut = min(widths[index] - max(0, minimum), -spare)
            widths[index] -= max(0, cut)
            spare = -overflow()
        }
        for index in columns.indices.reversed() where overflow() > 0 {
            let excess = overflow()
            // Removing a column also frees its gap.
            widths[index] = widths[index] > excess ? widths[index] - excess : 0
        }
        return widths
    }

    private static func distribute(_ spare: Int, to columns: [TableColumn], widths: inout [Int]) {
        let weights = columns.map { column -> Int in
            if case .flexible(let weight, _) = column.width { return max(0, weight) }
            return 0
        }
        let total = weights.reduce(0, +)
        guard total > 0 else { return }
        var given = 0
        for index in columns.indices where weights[index] > 0 {
            let share = spare * weights[index] / total
            widths[index] += share
            given += share
        }
        // Rounding leftovers go one by one to the flexible columns from the left.
        var left = spare - given
        for index in columns.indices where weights[index] > 0 && left > 0 {
            widths[index] += 1
            left -= 1
        }
    }
}
