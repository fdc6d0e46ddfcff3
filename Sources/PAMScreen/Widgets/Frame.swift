/// A bordered pane with a title on the top border and an optional badge on the right of it
/// (a count, `loading…`).
public struct Frame: Sendable, Equatable {
    public var title: String
    public var badge: String?
    public var focused: Bool
    public var glyphs: Glyphs
    /// The border's role; nil picks `.borderFocused` or `.border` from `focused`.
    public var borderRole: StyleRole?
    /// The role of the blank interior.
    public var fillRole: StyleRole

    public init(
        title: String = "", badge: String? = nil, focused: Bool = false, glyphs: Glyphs = .unicode,
        borderRole: StyleRole? = nil, fillRole: StyleRole = .normal
    ) {
        self.title = title
        self.badge = badge
        self.focused = focused
        self.glyphs = glyphs
        self.borderRole = borderRole
        self.fillRole = fillRole
    }

    /// Draws the border and clears the interior; returns the interior.
    @discardableResult
    public func render(into grid: inout CellGrid, in rect: Rect) -> Rect {
        let inner = rect.inset(by: 1)
        guard rect.width >= 2, rect.height >= 2 else { return inner }
        let role = borderRole ?? (focused ? .borderFocused : .border)
        grid.fill(inner, with: Cell(" ", role: fillRole))
        grid.put(String(glyphs.topLeft), x: rect.x, y: rect.y, role: role)
        grid.repeatCharacter(glyphs.horizontal, x: rect.x + 1, y: rect.y, count: rect.width - 2, role: role)
        grid.put(String(glyphs.topRight), x: rect.maxX - 1, y: rect.y, role: role)
        grid.put(String(glyphs.bottomLeft), x: rect.x, y: rect.maxY - 1, role: role)
        grid.repeatCharacter(glyphs.horizontal, x: rect.x + 1, y: rect.maxY - 1, count: rect.width - 2, role: role)
        grid.put(String(glyphs.bottomRight), x: rect.maxX - 1, y: rect.maxY - 1, role: role)
        for y in (rect.y + 1)..<(rect.maxY - 1) {
            grid.put(String(glyphs.vertical), x: rect.x, y: y, role: role)
            grid.put(String(glyphs.vertical), x: rect.maxX - 1, y: y, role: role)
        }
        drawLabels(into: &grid, in: rect)
        return inner
    }

    /// Title from the left and badge from the right, each padded by a space; the badge goes first
    /// when both do not fit, so the title stays readable.
    private func drawLabels(into grid: inout CellGrid, in rect: Rect) {
        // Corners plus one border cell on each side stay visible.
        let available = rect.width - 4
        guard available >= 3 else { return }
        let titleWidth = TextWidth.of(title)
        var badgeText = badge.map { " \($0) " }
        if let text = badgeText {
            let titleNeeds = title.isEmpty ? 0 : min(titleWidth, 8) + 3
            if TextWidth.of(text) + titleNeeds > available { badgeText = nil }
        }
        var titleSpace = available
        if let text = badgeText {
            let width = TextWidth.of(text)
            grid.put(text, x: rect.maxX - 2 - width, y: rect.y, role: .badge)
            titleSpace -= width + 1
        }
        guard !title.isEmpty, titleSpace >= 3 else { return }
        let shown = " " + TextWidth.truncate(title, to: titleSpace - 2, ellipsis: glyphs.ellipsis) + " "
        grid.put(shown, x: rect.x + 2, y: rect.y, role: .title)
    }
}
