/// One entry of a `ListPicker`: a key column (a binding, a command name) and a description.
public struct ListPickerItem: Sendable, Equatable {
    public var key: String
    public var description: String
    /// Character ranges of fuzzy hits in `key` and in `description`.
    public var keyMatches: [Range<Int>]
    public var descriptionMatches: [Range<Int>]
    /// Overrides the description's role, e.g. `.muted` for an action the read-only mode disables.
    public var role: StyleRole?

    public init(
        key: String, description: String, keyMatches: [Range<Int>] = [], descriptionMatches: [Range<Int>] = [],
        role: StyleRole? = nil
    ) {
        self.key = key
        self.description = description
        self.keyMatches = keyMatches
        self.descriptionMatches = descriptionMatches
        self.role = role
    }
}

/// A centred searchable list: the `?` help overlay and the `:` command palette. A query line
/// with an optional completion on top, a separator, then the items.
public struct ListPicker: Sendable, Equatable {
    public var title: String
    /// Typed before the query: `/` for help search, `:` for commands.
    public var prompt: String
    public var query: String
    /// The query as an editable field (its cursor is drawn where it is); else `query`, cursor at the end.
    public var input: TextField
    /// The rest of the completed word, drawn muted after the cursor.
    public var completion: String
    public var items: [ListPickerItem]
    public var selected: Int?
    /// The first visible item from the previous frame.
    public var offset: Int
    /// The preferred outer size; shrinks to fit the screen.
    public var size: Size
    public var emptyText: String
    public var glyphs: Glyphs

    public init(
        title: String, prompt: String = "/", query: String = "", input: TextField? = nil, completion: String = "", items: [ListPickerItem],
        selected: Int? = 0, offset: Int = 0, size: Size = Size(width: 64, height: 20), emptyText: String = "no matches",
        glyphs: Glyphs = .unicode
    ) {
        self.title = title
        self.prompt = prompt
        self.query = input?.text ?? query
        self.input = input ?? TextField(query)
        self.completion = completion
        self.items = items
        self.selected = selected
        self.offset = offset
        self.size = size
        self.emptyText = emptyText
        self.glyphs = glyphs
    }

    /// Draws the picker centred in `rect`; returns the offset to pass back next frame.
    @discardableResult
    public func render(into grid: inout CellGrid, in rect: Rect) -> Int {
        let box = rect.centered(size)
        let frame = Frame(
            title: title, badge: "\(items.count)", focused: true, glyphs: glyphs, borderRole: .dialogBorder, fillRole: .dialog
        )
        let inner = frame.render(into: &grid, in: box)
        guard inner.height >= 1, inner.width >= 2 else { return offset }
        drawQuery(into: &grid, y: inner.y, in: inner)
        guard inner.height >= 3 else { return offset }
        let separatorY = inner.y + 1
        grid.put(String(glyphs.teeLeft), x: box.x, y: separatorY, role: .dialogBorder)
        grid.repeatCharacter(glyphs.horizontal, x: inner.x, y: separatorY, count: inner.width, role: .dialogBorder)
        grid.put(String(glyphs.teeRight), x: box.maxX - 1, y: separatorY, role: .dialogBorder)
        let list = Rect(x: inner.x + 1, y: inner.y + 2, width: inner.width - 2, height: inner.height - 2)
        return drawItems(into: &grid, in: list)
    }

    private func drawQuery(into grid: inout CellGrid, y: Int, in inner: Rect) {
        var x = inner.x + 1
        let end = inner.maxX - 1
        x += grid.put(prompt + " ", x: x, y: y, role: .dialogBorder, limit: max(0, end - x))
        // A cursor inside the query: the text field draws it; at the end, the completion follows.
        guard !completion.isEmpty, input.cursor == input.count else {
            TextFieldView(input, focused: true, glyphs: glyphs).render(into: &grid, x: x, y: y, width: max(0, end - x))
            return
        }
        // Show the end of a long query: the cursor is there.
        let space = max(0, end - x - 1)
        var shown = query
        while TextWidth.of(shown) > space, !shown.isEmpty { shown.removeFirst() }
        x += grid.put(shown, x: x, y: y, role: .input, limit: max(0, end - x))
        guard x < end else { return }
        let cursorText = completion.first.map(String.init) ?? " "
        grid.put(cursorText, x: x, y: y, role: .cursor, limit: end - x)
        x += max(1, TextWidth.of(cursorText))
        if completion.count > 1 { grid.put(String(completion.dropFirst()), x: x, y: y, role: .muted, limit: max(0, end - x)) }
    }

    private func drawItems(into grid: inout CellGrid, in list: Rect) -> Int {
        guard !list.isEmpty else { return offset }
        if items.isEmpty {
            grid.put(emptyText, x: list.x, y: list.y, width: list.width, alignment: .center, role: .muted, ellipsis: glyphs.ellipsis)
            return 0
        }
        let range = Table.visibleRange(selected: selected, count: items.count, height: list.height, previousOffset: offset)
        let keyWidth = min(items.map { TextWidth.of($0.key) }.max() ?? 0, list.width / 2)
        for index in range {
            let item = items[index]
            let y = list.y + index - range.lowerBound
            let isSelected = index == selected
            if isSelected { grid.fill(Rect(x: list.x - 1, y: y, width: list.width + 2, height: 1), with: Cell(" ", role: .selection)) }
            let keyRole: StyleRole = isSelected ? .selection : .title
            let textRole: StyleRole = isSelected ? .selection : item.role ?? .dialog
            grid.put(
                item.key, x: list.x, y: y, width: keyWidth, alignment: .left, role: keyRole,
                highlights: isSelected ? [] : item.keyMatches, ellipsis: glyphs.ellipsis
            )
            let descriptionX = list.x + keyWidth + 2
            grid.put(
                item.description, x: descriptionX, y: y, width: list.maxX - descriptionX, alignment: .left, role: textRole,
                highlights: isSelected ? [] : item.descriptionMatches, ellipsis: glyphs.ellipsis
            )
        }
        return range.lowerBound
    }
}
