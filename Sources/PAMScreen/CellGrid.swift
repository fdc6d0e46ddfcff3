/// One terminal cell: a grapheme and its role. The second column of a wide grapheme holds an
/// empty `text` so that every row has exactly `width` cells.
public struct Cell: Sendable, Equatable, Hashable {
    public var text: String
    public var role: StyleRole

    public init(_ text: String = " ", role: StyleRole = .normal) {
        self.text = text
        self.role = role
    }

    public static let blank = Cell()
}

/// The whole screen in memory. Everything draws here; the curses backend only presents it, and
/// tests compare it as text.
public struct CellGrid: Sendable, Equatable {
    public private(set) var size: Size
    public private(set) var cells: [Cell]

    public init(_ size: Size, fill: Cell = .blank) {
        self.size = size
        self.cells = Array(repeating: fill, count: size.width * size.height)
    }

    public subscript(x: Int, y: Int) -> Cell {
        get { contains(x: x, y: y) ? cells[y * size.width + x] : .blank }
        set { if contains(x: x, y: y) { cells[y * size.width + x] = newValue } }
    }

    public func contains(x: Int, y: Int) -> Bool {
        x >= 0 && y >= 0 && x < size.width && y < size.height
    }

    /// Writes `text` from `x`, `y` within `limit` columns (to the grid's edge by default);
    /// returns the columns used. A wide grapheme that would not fit whole is left out.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, role: StyleRole, limit: Int? = nil) -> Int {
        guard y >= 0, y < size.height else { return 0 }
        let end = min(size.width, x + (limit ?? size.width))
        if let written = putPrintableASCII(text, x: x, y: y, end: end, role: role) { return written }
        var column = x
        for character in text {
            let width = TextWidth.of(character)
            if width == 0 { continue }
            if column + width > end { break }
            if column >= 0 {
                self[column, y] = Cell(String(character), role: role)
                if width == 2 { self[column + 1, y] = Cell("", role: role) }
            }
            column += width
        }
        return column - x
    }

    /// Most of a screen is printable ASCII (names, numbers, hints): one cell a byte, with no
    /// grapheme breaking. Nil when `text` holds anything else.
    private mutating func putPrintableASCII(_ text: String, x: Int, y: Int, end: Int, role: StyleRole) -> Int? {
        let width = size.width
        return text.utf8.withContiguousStorageIfAvailable { bytes -> Int? in
            guard TextWidth.isPrintableASCII(bytes) else { return nil }
            let stop = min(end, x + bytes.count)
            guard stop > x else { return 0 }
            let row = y * width
            cells.withUnsafeMutableBufferPointer { cells in
                for column in max(x, 0)..<max(stop, max(x, 0)) {
                    cells[row + column] = Cell(String(UnicodeScalar(bytes[column - x])), role: role)
                }
            }
            return stop - x
        } ?? nil
    }

    /// Sets every cell of `rect` to `cell`.
    public mutating func fill(_ rect: Rect, with cell: Cell = .blank) {
        let xs = max(0, rect.x)..<min(size.width, rect.maxX)
        guard !xs.isEmpty else { return }
        let width = size.width
        cells.withUnsafeMutableBufferPointer { cells in
            for y in max(0, rect.y)..<min(size.height, rect.maxY) {
                let row = y * width
                for x in xs { cells[row + x] = cell }
            }
        }
    }

    /// Changes the role of every cell in `rect`, keeping the text.
    public mutating func restyle(_ rect: Rect, role: StyleRole) {
        for y in max(0, rect.y)..<min(size.height, rect.maxY) {
            for x in max(0, rect.x)..<min(size.width, rect.maxX) { self[x, y].role = role }
        }
    }

    /// The text layer, one line per row, trailing blanks kept so widths show.
    public var text: String {
        (0..<size.height).map { y in
            (0..<size.width).map { cells[y * size.width + $0].text }.joined()
        }.joined(separator: "\n")
    }

    /// The style layer: one letter per cell (see `StyleRole.letter`).
    public var styles: String {
        (0..<size.height).map { y in
            String((0..<size.width).map { cells[y * size.width + $0].role.letter })
        }.joined(separator: "\n")
    }

    /// Text and style layers together, as stored in snapshot files.
    public var snapshot: String { "\(text)\n--- styles ---\n\(styles)\n" }
}
