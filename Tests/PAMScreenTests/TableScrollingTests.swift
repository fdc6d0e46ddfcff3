import PAMScreen
import Testing

@Suite struct TableScrollingTests {
    @Test func keepsThePreviousOffsetWhileTheSelectionIsVisible() {
        #expect(Table.visibleRange(selected: 12, count: 100, height: 10, previousOffset: 5) == 5..<15)
    }

    @Test func scrollsDownJustEnough() {
        #expect(Table.visibleRange(selected: 15, count: 100, height: 10, previousOffset: 5) == 6..<16)
    }

    @Test func scrollsUpJustEnough() {
        #expect(Table.visibleRange(selected: 3, count: 100, height: 10, previousOffset: 5) == 3..<13)
    }

    @Test func jumpsToTheEnd() {
        #expect(Table.visibleRange(selected: 99_999, count: 100_000, height: 20, previousOffset: 0) == 99_980..<100_000)
    }

    @Test func neverLeavesBlankLinesAfterShrinking() {
        #expect(Table.visibleRange(selected: 2, count: 8, height: 10, previousOffset: 5) == 0..<8)
        #expect(Table.visibleRange(selected: nil, count: 30, height: 10, previousOffset: 25) == 20..<30)
    }

    @Test func clampsOutOfRangeSelectionAndEmptyTables() {
        #expect(Table.visibleRange(selected: 50, count: 20, height: 5, previousOffset: 0) == 15..<20)
        #expect(Table.visibleRange(selected: -4, count: 20, height: 5, previousOffset: 7) == 0..<5)
        #expect(Table.visibleRange(selected: 0, count: 0, height: 5, previousOffset: 3) == 0..<0)
        #expect(Table.visibleRange(selected: 0, count: 10, height: 0, previousOffset: 3) == 0..<0)
    }

    @Test func columnLayoutSharesSpaceByWeight() {
        let columns = [
            TableColumn("A", width: .fixed(4)), TableColumn("B", width: .flexible(weight: 1)),
            TableColumn("C", width: .flexible(weight: 3)), TableColumn("D", width: .fit(min: 2, max: 6)),
        ]
        // 40 - 3 gaps = 37; fixed 4, fit 6, flexible minimums 1 + 1; the spare 25 splits 6:18, and
        // the one left over goes to the first flexible column.
        #expect(TableColumn.layout(columns, available: 40, gap: 1, contentWidths: [1, 1, 1, 9]) == [4, 8, 19, 6])
    }

    @Test func columnLayoutShrinksFitThenCutsFromTheRight() {
        let columns = [
            TableColumn("A", width: .flexible(min: 6)), TableColumn("B", width: .fit(min: 3, max: 20)),
            TableColumn("C", width: .fixed(5)),
        ]
        #expect(TableColumn.layout(columns, available: 20, gap: 1, contentWidths: [0, 12, 0]) == [6, 7, 5])
        #expect(TableColumn.layout(columns, available: 12, gap: 1, contentWidths: [0, 12, 0]) == [6, 3, 1])
        #expect(TableColumn.layout(columns, available: 8, gap: 1, contentWidths: [0, 12, 0]) == [6, 1, 0])
    }

    /// A second column that may vanish (flexible, minimum 0) never pushes the row past its width.
    @Test func aHiddenFlexibleColumnCountsItsGapWhenItAppears() {
        let columns = [TableColumn("NAME", width: .fit(min: 8)), TableColumn("KIND", width: .flexible(min: 0))]
        for available in 8...14 {
            let widths = TableColumn.layout(columns, available: available, gap: 1, contentWidths: [8, 11])
            let used = widths.reduce(0, +) + (widths.filter { $0 > 0 }.count - 1)
            #expect(used <= available, "\(widths) in \(available)")
            #expect(widths[0] == 8)
        }
        #expect(TableColumn.layout(columns, available: 9, gap: 1, contentWidths: [8, 11]) == [8, 0])
        #expect(TableColumn.layout(columns, available: 14, gap: 1, contentWidths: [8, 11]) == [8, 5])
    }

    @Test func rangesFromIndexes() {
        #expect(TableRow.ranges([5, 0, 1, 2, 2]) == [0..<3, 5..<6])
        #expect(TableRow.ranges([]) == [])
    }
}
