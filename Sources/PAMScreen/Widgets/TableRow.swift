/// A folder marker in a tree-shaped table.
public enum Disclosure: Sendable, Equatable {
    case expanded, collapsed
    /// An item without children, indented like its siblings.
    case leaf
}

/// One row of a `Table`: cell strings plus how to draw them.
public struct TableRow: Sendable, Equatable {
    public var cells: [String]
    /// Overrides the row's text role (e.g. `.leaseExpiring`, `.muted`); selection still wins.
    public var role: StyleRole?
    /// Per-column role overrides, e.g. a status column in `.ok` or `.danger`.
    public var cellRoles: [Int: StyleRole]
    /// Character ranges per column to draw as `.match` (fuzzy-filter hits); the selected row
    /// shows its selection colour instead.
    public var matches: [Int: [Range<Int>]]
    /// Tree depth of the first column; each level indents two columns.
    public var indent: Int
    /// A tree marker before the first column; nil draws a plain row.
    public var disclosure: Disclosure?

    public init(
        _ cells: [String], role: StyleRole? = nil, cellRoles: [Int: StyleRole] = [:],
        matches: [Int: [Range<Int>]] = [:], indent: Int = 0, disclosure: Disclosure? = nil
    ) {
        self.cells = cells
        self.role = role
        self.cellRoles = cellRoles
        self.matches = matches
        self.indent = indent
        self.disclosure = disclosure
    }

    /// Columns taken before the first cell's text by indentation and the tree marker.
    public var prefixWidth: Int { disclosure == nil ? 0 : indent * 2 + 2 }

    /// The prefix text: indentation, then `▾ `, `▸ ` or two spaces.
    func prefix(glyphs: Glyphs) -> String {
        guard let disclosure else { return "" }
        let marker: String = switch disclosure {
        case .expanded: "\(glyphs.expanded) "
        case .collapsed: "\(glyphs.collapsed) "
        case .leaf: "  "
        }
        return String(repeating: " ", count: indent * 2) + marker
    }

    /// Sorted character indexes merged into ranges (`[0, 1, 2, 5]` → `[0..<3, 5..<6]`).
    public static func ranges(_ indexes: [Int]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        for index in indexes.sorted() {
            if let last = result.last, last.upperBound == index {
                result[result.count - 1] = last.lowerBound..<(index + 1)
            } else if result.last?.contains(index) != true {
                result.append(index..<(index + 1))
            }
        }
        return result
    }
}

/// What a table shows instead of rows: `no accounts`, `loading…`, or an error.
public struct TableMessage: Sendable, Equatable {
    public var text: String
    public var role: StyleRole

    public init(_ text: String, role: StyleRole = .muted) {
        self.text = text
        self.role = role
    }

    /// A quiet empty-state line.
    public static func empty(_ text: String) -> TableMessage { TableMessage(text, role: .muted) }
    /// The loading line.
    public static let loading = TableMessage("loading…", role: .muted)
    /// A failure, drawn in `.flashError`.
    public static func error(_ text: String) -> TableMessage { TableMessage(text, role: .flashError) }
}
