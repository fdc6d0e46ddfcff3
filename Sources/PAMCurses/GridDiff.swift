import PAMScreen

/// A cell's column and row.
public struct CellPosition: Sendable, Hashable {
    public var x: Int
    public var y: Int

    public init(x: Int, y: Int) {
        self.x = x
        self.y = y
    }
}

/// Which cells a present has to draw.
public enum GridDiff {
    /// Cells of `new` that differ from `old`, row by row; every cell when there is no `old` or
    /// its size differs.
    public static func changedCells(from old: CellGrid?, to new: CellGrid) -> [CellPosition] {
        let width = new.size.width
        guard let old, old.size == new.size else {
            return (0..<new.size.height).flatMap { y in (0..<width).map { CellPosition(x: $0, y: y) } }
        }
        var changed: [CellPosition] = []
        for (index, cell) in new.cells.enumerated() where old.cells[index] != cell {
            changed.append(CellPosition(x: index % width, y: index / width))
        }
        return changed
    }
}
