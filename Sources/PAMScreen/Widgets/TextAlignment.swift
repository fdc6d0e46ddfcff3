/// Where text sits in a column.
public enum TextAlignment: Sendable, Equatable {
    case left, right, center

    /// The column offset of text `textWidth` wide inside `width` columns.
    func offset(textWidth: Int, in width: Int) -> Int {
        let spare = max(0, width - textWidth)
        switch self {
        case .left: return 0
        case .right: return spare
        case .center: return spare / 2
        }
    }
}
