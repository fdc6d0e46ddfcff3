/// Draws a `TextField` on one line: the text scrolled so the cursor shows, the cursor as a
/// reverse-video cell, the placeholder only while the field is empty and never under the cursor,
/// and, with `brackets`, `[` `]` around a focused field so focus shows without colour.
public struct TextFieldView: Sendable {
    public var field: TextField
    public var focused: Bool
    public var brackets: Bool
    public var glyphs: Glyphs

    public init(_ field: TextField, focused: Bool, brackets: Bool = false, glyphs: Glyphs = .unicode) {
        self.field = field
        self.focused = focused
        self.brackets = brackets
        self.glyphs = glyphs
    }

    /// Draws into `width` columns from `x` on row `y`.
    public func render(into grid: inout CellGrid, x: Int, y: Int, width: Int) {
        guard width > 0 else { return }
        var x = x
        var width = width
        if brackets, width >= 3 {
            grid.put(focused ? "[" : " ", x: x, y: y, role: .dialog)
            grid.put(focused ? "]" : " ", x: x + width - 1, y: y, role: .dialog)
            x += 1
            width -= 2
        }
        grid.fill(Rect(x: x, y: y, width: width, height: 1), with: Cell(" ", role: .input))
        let characters = field.displayed(mask: glyphs.mask)
        if characters.isEmpty {
            // The cursor sits on the first column; the hint starts after it.
            let hintX = focused ? x + 1 : x
            if focused { grid[x, y] = Cell(" ", role: .cursor) }
            if !field.placeholder.isEmpty, x + width > hintX {
                grid.put(field.placeholder, x: hintX, y: y, width: x + width - hintX, alignment: .left, role: .muted, ellipsis: glyphs.ellipsis)
            }
            return
        }
        let cursor = field.cursor
        // Keep one column for the cursor after the last character.
        var start = 0
        var columns = characters[..<cursor].reduce(0) { $0 + TextWidth.of($1) }
        while columns >= width, start < cursor {
            columns -= TextWidth.of(characters[start])
            start += 1
        }
        var column = x
        for index in start..<characters.count {
            let role: StyleRole = focused && index == cursor ? .cursor : .input
            let used = grid.put(String(characters[index]), x: column, y: y, role: role, limit: x + width - column)
            if used == 0 { break }
            column += used
        }
        if focused, cursor == characters.count, column < x + width {
            grid[column, y] = Cell(" ", role: .cursor)
        }
    }
}
