import PAMScreen
import PAMTestSupport
import Testing

@Suite struct FrameTests {
    @Test func focusedWithTitleAndBadge() {
        var grid = makeGrid(40, 5)
        let inner = Frame(title: "Accounts", badge: "12/100000", focused: true).render(into: &grid, in: Rect(grid.size))
        #expect(inner == Rect(x: 1, y: 1, width: 38, height: 3))
        assertSnapshot(grid, named: "frame-focused-badge-40x5")
    }

    @Test func unfocusedAsciiWithLongTitleTruncated() {
        var grid = makeGrid(20, 4)
        Frame(title: "Managed systems in production", badge: "loading…", glyphs: .ascii).render(into: &grid, in: Rect(grid.size))
        assertSnapshot(grid, named: "frame-ascii-narrow-20x4")
    }

    @Test func dropsTheBadgeBeforeTheTitleWhenNarrow() {
        var grid = makeGrid(16, 3)
        Frame(title: "Systems", badge: "123456", focused: true).render(into: &grid, in: Rect(grid.size))
        #expect(grid.text.split(separator: "\n").first == "┌─ Systems ────┐")
    }

    @Test func tooSmallDrawsNothing() {
        var grid = makeGrid(3, 1)
        let inner = Frame(title: "x").render(into: &grid, in: Rect(grid.size))
        #expect(inner.isEmpty)
        #expect(grid.text == "   ")
    }
}
