/// One line of a detail pane: a label and a value with its own role, or a section heading.
public struct KeyValueItem: Sendable, Equatable {
    public var label: String
    public var value: String
    /// The value's role: `.masked` for `••••••••`, `.secret` when revealed, `.danger`…
    public var role: StyleRole
    /// A heading line across the pane instead of a label and value.
    public var isSection: Bool

    public init(_ label: String, _ value: String, role: StyleRole = .normal) {
        self.label = label
        self.value = value
        self.role = role
        self.isSection = false
    }

    /// A heading such as `Lease`.
    public static func section(_ title: String) -> KeyValueItem {
        var item = KeyValueItem(title, "", role: .title)
        item.isSection = true
        return item
    }

    /// A hidden secret: `length` mask characters in `.masked`.
    public static func masked(_ label: String, length: Int = 8, glyphs: Glyphs = .unicode) -> KeyValueItem {
        KeyValueItem(label, String(repeating: glyphs.mask, count: max(0, length)), role: .masked)
    }
}

/// Aligned `Label  value` lines for the detail pane.
public struct KeyValueList: Sendable, Equatable {
    public var items: [KeyValueItem]
    /// The label column; nil fits the widest label, up to a third of the width.
    public var labelWidth: Int?
    /// The first item shown.
    public var offset: Int
    public var glyphs: Glyphs

    public init(items: [KeyValueItem], labelWidth: Int? = nil, offset: Int = 0, glyphs: Glyphs = .unicode) {
        self.glyphs = glyphs
        self.items = items
        self.labelWidth = labelWidth
        self.offset = offset
    }

    /// Draws as many items as fit, from `offset`.
    public func render(into grid: inout CellGrid, in rect: Rect) {
        guard !rect.isEmpty else { return }
        grid.fill(rect)
        let widest = items.filter { !$0.isSection }.map { TextWidth.of($0.label) + 1 }.max() ?? 0
        // Labels are short words: up to 12 columns, or half a narrow pane, before they are cut.
        let labels = min(labelWidth ?? widest, max(1, min(12, rect.width / 2)))
        let start = min(max(0, offset), items.count)
        for (line, item) in items[start...].prefix(rect.height).enumerated() {
            let y = rect.y + line
            if item.isSection {
                grid.put(item.label, x: rect.x, y: y, width: rect.width, alignment: .left, role: item.role, ellipsis: glyphs.ellipsis)
                continue
            }
            grid.put(item.label + ":", x: rect.x, y: y, width: labels, alignment: .left, role: .muted, ellipsis: glyphs.ellipsis)
            let valueX = rect.x + labels + 1
            grid.put(item.value, x: valueX, y: y, width: rect.maxX - valueX, alignment: .left, role: item.role, ellipsis: glyphs.ellipsis)
        }
    }
}
