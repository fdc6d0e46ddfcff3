import PAMScreen
import PAMTestSupport
import Testing

@Suite struct ListPickerTests {
    var helpItems: [ListPickerItem] {
        [
            ListPickerItem(key: "c", description: "check out the selected account", descriptionMatches: [0..<2, 6..<7]),
            ListPickerItem(key: "i", description: "check in", descriptionMatches: [0..<2]),
            ListPickerItem(key: "ctrl-c", description: "copy the password to the clipboard", keyMatches: [0..<1, 5..<6]),
            ListPickerItem(key: "r", description: "reveal for 30 seconds"),
            ListPickerItem(key: "x", description: "rotate now (read-only mode)", role: .muted),
            ListPickerItem(key: "/", description: "filter"),
            ListPickerItem(key: "q", description: "quit"),
        ]
    }

    @Test func helpOverlayAt80x16() {
        var grid = makeGrid(80, 16)
        let picker = ListPicker(title: "Help", prompt: "/", query: "ch", items: helpItems, selected: 1, size: Size(width: 56, height: 12))
        #expect(picker.render(into: &grid, in: Rect(grid.size)) == 0)
        assertSnapshot(grid, named: "picker-help-80x16")
    }

    @Test func commandPaletteNarrowWithCompletionAndScrolling() {
        var grid = makeGrid(40, 10)
        let commands = ["accounts", "systems", "folders", "leases", "tasks", "theme", "profile", "quit"].map {
            ListPickerItem(key: $0, description: "go to \($0)")
        }
        let picker = ListPicker(
            title: "Commands", prompt: ":", query: "th", completion: "eme", items: commands, selected: 6,
            size: Size(width: 40, height: 10), glyphs: .ascii
        )
        #expect(picker.render(into: &grid, in: Rect(grid.size)) == 1)
        assertSnapshot(grid, named: "picker-palette-ascii-40x10")
    }

    @Test func noMatches() {
        var grid = makeGrid(30, 7)
        ListPicker(title: "Help", query: "zzz", items: [], size: Size(width: 30, height: 7)).render(into: &grid, in: Rect(grid.size))
        #expect(grid.text.contains("no matches"))
    }
}
