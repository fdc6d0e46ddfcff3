/// A centred box with a title, message lines, input fields and buttons. The app owns the state
/// (values, cursor, focus); this only draws it.
public struct Dialog: Sendable, Equatable {
    public var title: String
    /// Paragraphs, wrapped to the dialog's width.
    public var message: [String]
    public var messageRole: StyleRole
    public var fields: [DialogField]
    /// Labels, left to right. Put Cancel first and focus it by default for privileged actions.
    public var buttons: [String]
    /// The focused element: fields first (0..<fields.count), then buttons.
    public var focus: Int
    /// The preferred outer width; the dialog shrinks to fit the screen.
    public var width: Int
    public var glyphs: Glyphs

    public init(
        title: String, message: [String] = [], messageRole: StyleRole = .dialog, fields: [DialogField] = [],
        buttons: [String] = ["OK"], focus: Int = 0, width: Int = 56, glyphs: Glyphs = .unicode
    ) {
        self.title = title
        self.message = message
        self.messageRole = messageRole
        self.fields = fields
        self.buttons = buttons
        self.focus = focus
        self.width = width
        self.glyphs = glyphs
    }

    /// Draws the dialog centred in `rect`; returns the box.
    @discardableResult
    public func render(into grid: inout CellGrid, in rect: Rect) -> Rect {
        let boxWidth = min(max(width, 20), rect.width)
        let contentWidth = max(1, boxWidth - 4)
        let lines = message.flatMap { TextWrap.lines($0, width: contentWidth) }
        var height = 2 + 1 + lines.count + 1 + (buttons.isEmpty ? 0 : 2)
        if !fields.isEmpty { height += fields.count + (lines.isEmpty ? 0 : 1) }
        let box = rect.centered(Size(width: boxWidth, height: height))
        let frame = Frame(title: title, focused: true, glyphs: glyphs, borderRole: .dialogBorder, fillRole: .dialog)
        let inner = frame.render(into: &grid, in: box)
        let content = Rect(x: inner.x + 1, y: inner.y, width: max(0, inner.width - 2), height: inner.height)
        var y = content.y + 1
        for line in lines where y < content.maxY {
            grid.put(line, x: content.x, y: y, width: content.width, alignment: .left, role: messageRole, ellipsis: glyphs.ellipsis)
            y += 1
        }
        if !fields.isEmpty, !lines.isEmpty { y += 1 }
        let labelWidth = min((fields.map { TextWidth.of($0.label) }.max() ?? 0) + 1, content.width / 2)
        for (index, field) in fields.enumerated() where y < content.maxY {
            grid.put(field.label + ":", x: content.x, y: y, width: labelWidth, alignment: .left, role: .dialog, ellipsis: glyphs.ellipsis)
            let inputX = content.x + labelWidth + 1
            field.renderInput(into: &grid, x: inputX, y: y, width: content.maxX - inputX, focused: focus == index, glyphs: glyphs)
            y += 1
        }
        if !buttons.isEmpty, y + 1 < content.maxY { drawButtons(into: &grid, y: y + 1, in: content) }
        return box
    }

    /// Buttons right-aligned, two columns apart; the focused one as `[ Label ]` in its focused
    /// role, the rest as `  Label  `, so focus shows without colour.
    private func drawButtons(into grid: inout CellGrid, y: Int, in content: Rect) {
        let labels = buttons.enumerated().map { focus == fields.count + $0.offset ? "[ \($0.element) ]" : "  \($0.element)  " }
        let total = labels.reduce(0) { $0 + TextWidth.of($1) } + 2 * (labels.count - 1)
        var x = content.x + max(0, content.width - total)
        for (index, label) in labels.enumerated() {
            let role: StyleRole = focus == fields.count + index ? .buttonFocused : .button
            x += grid.put(label, x: x, y: y, role: role, limit: max(0, content.maxX - x)) + 2
        }
    }
}
