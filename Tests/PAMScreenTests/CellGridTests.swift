import PAMScreen
import Testing

@Suite struct CellGridTests {
    @Test func wideCharactersTakeTwoCells() {
        var grid = makeGrid(6, 1)
        #expect(grid.put("a日b", x: 0, y: 0, role: .title) == 4)
        #expect(grid.text == "a日b  ")
        #expect(grid[1, 0].text == "日")
        #expect(grid[2, 0].text == "")
        #expect(grid.styles == "TTTT..")
    }

    @Test func aWideCharacterThatDoesNotFitAtTheEdgeIsLeftOut() {
        var grid = makeGrid(4, 1)
        #expect(grid.put("ab日", x: 2, y: 0, role: .normal) == 2)
        #expect(grid.text == "  ab")
        var second = makeGrid(4, 1)
        #expect(second.put("a日", x: 2, y: 0, role: .muted) == 1)
        #expect(second.text == "  a ")
        #expect(second.styles == "..m.")
    }

    @Test func limitStopsBeforeTheGridEdge() {
        var grid = makeGrid(8, 1)
        #expect(grid.put("abcdef", x: 1, y: 0, role: .normal, limit: 3) == 3)
        #expect(grid.text == " abc    ")
    }

    /// Plain ASCII takes a faster path than other text; both must clip the same way.
    @Test(arguments: ["abcdef", "abcdé"])
    func textStartingOffTheLeftEdgeOrRunningOffTheRightIsClipped(_ text: String) {
        var left = makeGrid(4, 1)
        // The default limit is the grid's width counted from x, so two columns show.
        #expect(left.put(text, x: -2, y: 0, role: .normal) == 4, "columns off the edge count as used")
        #expect(left.text == "cd  ")
        var right = makeGrid(4, 1)
        #expect(right.put(text, x: 2, y: 0, role: .normal) == 2)
        #expect(right.text == "  ab")
        var outside = makeGrid(4, 1)
        #expect(outside.put(text, x: 5, y: 0, role: .normal) == 0 && outside.text == "    ")
        #expect(TextWidth.of(text) == 6 - (text.utf8.count - text.count))
    }

    @Test func highlightsTakeTheMatchRole() {
        var grid = makeGrid(8, 1)
        grid.put("account", x: 0, y: 0, role: .normal, limit: 8, highlights: [0..<2, 4..<5])
        #expect(grid.styles == "MM..M...")
    }

    @Test func fillRestyleAndSnapshot() {
        var grid = makeGrid(3, 2)
        grid.fill(Rect(x: 0, y: 0, width: 2, height: 2), with: Cell("x", role: .danger))
        grid.restyle(Rect(x: 1, y: 1, width: 5, height: 5), role: .ok)
        #expect(grid.snapshot == "xx \nxx \n--- styles ---\ndd.\ndoo\n")
    }
}
