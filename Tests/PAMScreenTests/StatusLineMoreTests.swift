import PAMScreen
import Testing

/// A long message never pushes the key hints off: it is cut and says where the rest is.
@Suite struct StatusLineMoreTests {
    let hints = [KeyHint("c", "checkout"), KeyHint("/", "filter"), KeyHint("?", "help"), KeyHint("q", "quit")]
    let long = "bt: check-out: 4031 - User does not have permission to request the account or the account is not valid"

    func render(_ line: StatusLine, width: Int) -> CellGrid {
        var grid = CellGrid(Size(width: width, height: 1))
        line.render(into: &grid, in: Rect(grid.size))
        return grid
    }

    @Test func aLongMessageIsCutBeforeTheHintsAndPointsToM() {
        let grid = render(StatusLine(message: long, messageRole: .flashError, hints: hints, more: KeyHint("M", "more")), width: 80)
        #expect(grid.text == " bt: check-out: 4031 - User do… (M: more)  c:checkout  /:filter  ?:help  q:quit ")
        #expect(grid.styles.filter { $0 == "k" }.count == 5, "four hint keys and M")
    }

    @Test func aShortMessageIsWholeWithoutMore() {
        let grid = render(StatusLine(message: "theme nord", hints: hints, more: KeyHint("M", "more")), width: 80)
        #expect(grid.text.hasPrefix(" theme nord "))
        #expect(!grid.text.contains("more"))
        #expect(grid.text.hasSuffix("c:checkout  /:filter  ?:help  q:quit "))
    }

    @Test func aNarrowLineKeepsRoomForTheMessage() {
        let grid = render(StatusLine(message: long, hints: hints, more: KeyHint("M", "more")), width: 40)
        #expect(grid.text.hasPrefix(" bt: check-out: "))
        #expect(grid.text.contains("c:checkout"))
    }
}
