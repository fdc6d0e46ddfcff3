/// A text input in a dialog: a label, the value typed so far, and the cursor.
public struct DialogField: Sendable, Equatable {
    public var label: String
    public var value: String
    /// The cursor's character index in `value`.
    public var cursor: Int
    /// Draws every character as the mask glyph (passwords, typed confirmations of secrets).
    public var masked: Bool
    /// Shown muted while the value is empty.
    public var placeholder: String

    public init(_ label: String, value: String = "", cursor: Int? = nil, masked: Bool = false, placeholder: String = "") {
        self.label = label
        self.value = value
        self.cursor = min(max(0, cursor ?? value.count), value.count)
        self.masked = masked
        self.placeholder = placeholder
    }

    /// Draws the value into `width` columns from `x`, scrolled so the cursor shows.
    func renderInput(into grid: inout CellGrid, x: Int, y: Int, width: Int, focused: Bool, glyphs: Glyphs) {
        guard width > 0 else { return }
        grid.fill(Rect(x: x, y: y, width: width, height: 1), with: Cell(" ", role: .input))
        if value.isEmpty, !placeholder.isEmpty {
            grid.put(placeholder, x: x, y: y, width: width, alignment: .left, role: .muted, ellipsis: glyphs.ellipsis)
        }
        let characters: [Character] = masked ? Array(repeating: glyphs.mask, count: value.count) : Array(value)
        // Keep one column for the cursor after the last character.
        var start = 0
        var columns = characters[..<cursor].reduce(0) { $0 + TextWidth.of($1) }
        while columns >= width, start < cursor {
            columns -= TextWidth.of(characters[start])
            start += 1
        }
        var column = x
        for index in start..<characters.count {
            let character = characters[index]
            let role: StyleRole = focused && index == cursor ? .cursor : .input
            let used = grid.put(String(character), x: column, y: y, role: role, limit: x + width - column)
            if used == 0 { break }
            column += used
        }
        if focused, cursor == characters.count, column < x + width {
            grid[column, y] = Cell(" ", role: .cursor)
        }
    }
}
