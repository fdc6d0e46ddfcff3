/// A terminal size in cells.
public struct Size: Sendable, Equatable, Hashable {
    public var width: Int
    public var height: Int

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
    }
}

/// A rectangle of cells; `x`, `y` is the top-left corner.
public struct Rect: Sendable, Equatable, Hashable {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }

    public init(_ size: Size) { self.init(x: 0, y: 0, width: size.width, height: size.height) }

    public var isEmpty: Bool { width == 0 || height == 0 }
    public var maxX: Int { x + width }
    public var maxY: Int { y + height }

    public func contains(x px: Int, y py: Int) -> Bool { px >= x && px < maxX && py >= y && py < maxY }

    /// The rectangle shrunk by `amount` cells on every side.
    public func inset(by amount: Int) -> Rect {
        Rect(x: x + amount, y: y + amount, width: width - 2 * amount, height: height - 2 * amount)
    }

    /// The top `rows` rows, and the rest.
    public func splitTop(_ rows: Int) -> (top: Rect, rest: Rect) {
        let taken = min(max(0, rows), height)
        return (Rect(x: x, y: y, width: width, height: taken), Rect(x: x, y: y + taken, width: width, height: height - taken))
    }

    /// The bottom `rows` rows, and the rest.
    public func splitBottom(_ rows: Int) -> (rest: Rect, bottom: Rect) {
        let taken = min(max(0, rows), height)
        return (Rect(x: x, y: y, width: width, height: height - taken), Rect(x: x, y: maxY - taken, width: width, height: taken))
    }

    /// The left `columns` columns, and the rest.
    public func splitLeft(_ columns: Int) -> (left: Rect, rest: Rect) {
        let taken = min(max(0, columns), width)
        return (Rect(x: x, y: y, width: taken, height: height), Rect(x: x + taken, y: y, width: width - taken, height: height))
    }

    /// Side-by-side columns whose widths follow `weights`; rounding goes to the last column.
    public func columns(_ weights: [Int]) -> [Rect] {
        Self.shares(of: width, weights).map { Rect(x: x + $0.start, y: y, width: $0.length, height: height) }
    }

    /// Stacked rows whose heights follow `weights`; rounding goes to the last row.
    public func rows(_ weights: [Int]) -> [Rect] {
        Self.shares(of: height, weights).map { Rect(x: x, y: y + $0.start, width: width, height: $0.length) }
    }

    /// `length` cut in parts proportional to `weights`, as offsets and lengths; the last part
    /// takes what rounding leaves.
    private static func shares(of length: Int, _ weights: [Int]) -> [(start: Int, length: Int)] {
        let total = max(1, weights.reduce(0, +))
        var start = 0
        return weights.enumerated().map { index, weight in
            let part = index == weights.count - 1 ? length - start : length * weight / total
            defer { start += part }
            return (start, part)
        }
    }

    /// A rectangle of at most `size`, centred in this one.
    public func centered(_ size: Size) -> Rect {
        let w = min(size.width, width)
        let h = min(size.height, height)
        return Rect(x: x + (width - w) / 2, y: y + (height - h) / 2, width: w, height: h)
    }
}
