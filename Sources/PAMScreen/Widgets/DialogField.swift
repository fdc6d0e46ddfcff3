import PAMCore

/// A labelled input in a dialog: the label and the `TextField` it edits.
public struct DialogField: Sendable, Equatable {
    public var label: String
    public var field: TextField

    public init(_ label: String, field: TextField) {
        self.label = label
        self.field = field
    }

    /// A field holding `value` with the cursor at `cursor` (the end by default); `masked` makes a
    /// secret field.
    public init(_ label: String, value: String = "", cursor: Int? = nil, masked: Bool = false, placeholder: String = "") {
        var field = masked ? TextField.secret(SecretBytes(utf8: value), placeholder: placeholder) : TextField(value, placeholder: placeholder)
        if let cursor { field.moveCursor(to: cursor) }
        self.init(label, field: field)
    }

    /// Draws the input into `width` columns from `x`, with focus brackets.
    func renderInput(into grid: inout CellGrid, x: Int, y: Int, width: Int, focused: Bool, glyphs: Glyphs) {
        TextFieldView(field, focused: focused, brackets: true, glyphs: glyphs).render(into: &grid, x: x, y: y, width: width)
    }
}
