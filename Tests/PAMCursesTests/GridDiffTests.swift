import PAMScreen
import Testing

@testable import PAMCurses

@Suite struct GridDiffTests {
    @Test func everythingWithoutAPreviousGridOrAfterAResize() {
        let grid = CellGrid(Size(width: 3, height: 2))
        #expect(GridDiff.changedCells(from: nil, to: grid).count == 6)
        #expect(GridDiff.changedCells(from: CellGrid(Size(width: 2, height: 2)), to: grid).count == 6)
        #expect(GridDiff.changedCells(from: nil, to: grid).first == CellPosition(x: 0, y: 0))
        #expect(GridDiff.changedCells(from: nil, to: grid).last == CellPosition(x: 2, y: 1))
    }

    @Test func onlyChangedTextOrRole() {
        let old = CellGrid(Size(width: 10, height: 3))
        var new = old
        #expect(GridDiff.changedCells(from: old, to: new).isEmpty)
        new.put("ab", x: 2, y: 1, role: .normal)
        new.restyle(Rect(x: 9, y: 2, width: 1, height: 1), role: .danger)
        #expect(GridDiff.changedCells(from: old, to: new) == [
            CellPosition(x: 2, y: 1), CellPosition(x: 3, y: 1), CellPosition(x: 9, y: 2),
        ])
    }

    @Test func wideCharactersReportBothHalves() {
        var old = CellGrid(Size(width: 6, height: 1))
        old.put("abcd", x: 0, y: 0, role: .normal)
        var new = old
        new.put("日", x: 1, y: 0, role: .normal)
        #expect(GridDiff.changedCells(from: old, to: new) == [CellPosition(x: 1, y: 0), CellPosition(x: 2, y: 0)])
    }
}
