import PAMScreen
import PAMTestSupport
import Testing

@Suite struct DialogTests {
    var checkout: Dialog {
        Dialog(
            title: "Check out root@db-prod-02",
            message: ["This system requires a reason and a ticket. The password is rotated at check-in."],
            fields: [
                DialogField("Reason", value: "patching kernel", cursor: 8),
                DialogField("Ticket", placeholder: "CHG-0000"),
            ],
            buttons: ["Cancel", "Check out"],
            focus: 0
        )
    }

    @Test func checkoutDialogAt80x16() {
        var grid = makeGrid(80, 16)
        let box = checkout.render(into: &grid, in: Rect(grid.size))
        #expect(box.width == 56)
        assertSnapshot(grid, named: "dialog-checkout-80x16")
    }

    @Test func narrowWithAButtonFocused() {
        var dialog = checkout
        dialog.focus = 3
        var grid = makeGrid(40, 14)
        dialog.render(into: &grid, in: Rect(grid.size))
        assertSnapshot(grid, named: "dialog-checkout-narrow-40x14")
    }

    @Test func maskedFieldWithTypedConfirmation() {
        let dialog = Dialog(
            title: "Force check-in",
            message: ["Type the account name to confirm."],
            messageRole: .danger,
            fields: [DialogField("Password", value: "hunter2", masked: true), DialogField("Confirm", value: "root")],
            buttons: ["Cancel", "Force"],
            focus: 0,
            width: 40,
            glyphs: .ascii
        )
        var grid = makeGrid(44, 11)
        dialog.render(into: &grid, in: Rect(grid.size))
        #expect(!grid.text.contains("hunter2"))
        assertSnapshot(grid, named: "dialog-masked-ascii-44x11")
    }

    @Test func longValuesScrollToKeepTheCursorVisible() {
        let dialog = Dialog(
            title: "Comment", fields: [DialogField("Note", value: String(repeating: "abcdefghij", count: 8))], buttons: [], width: 30
        )
        var grid = makeGrid(30, 6)
        dialog.render(into: &grid, in: Rect(grid.size))
        let lines = grid.text.split(separator: "\n")
        let styleLines = grid.styles.split(separator: "\n")
        let row = lines.firstIndex { $0.contains("Note:") } ?? 0
        #expect(lines[row].contains("hij "))
        #expect(styleLines[row].contains("C"))
    }
}
