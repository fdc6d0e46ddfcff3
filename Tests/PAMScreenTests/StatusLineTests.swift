import PAMScreen
import PAMTestSupport
import Testing

@Suite struct StatusLineTests {
    let hints = [KeyHint("?", "help"), KeyHint("/", "filter"), KeyHint("c", "checkout"), KeyHint("r", "reveal"), KeyHint("q", "quit")]

    @Test func messageLeftHintsRight() {
        var grid = makeGrid(80, 1)
        StatusLine(message: "checked out root@db-prod-02", hints: hints).render(into: &grid, in: Rect(grid.size))
        assertSnapshot(grid, named: "status-line-80")
    }

    @Test func narrowDropsTrailingHintsAndKeepsTheError() {
        var grid = makeGrid(40, 1)
        StatusLine(message: "conflict: already checked out by alice", messageRole: .flashError, hints: hints)
            .render(into: &grid, in: Rect(grid.size))
        assertSnapshot(grid, named: "status-line-error-40")
    }

    @Test func hintsAloneUseTheWholeLine() {
        var grid = makeGrid(40, 1)
        StatusLine(hints: hints).render(into: &grid, in: Rect(grid.size))
        #expect(grid.text == " ?:help  /:filter  c:checkout  r:reveal ")
        #expect(grid.styles.filter { $0 == "k" }.count == 4)
    }
}
