import PAMScreen
import Testing

@Suite struct TextFieldViewTests {
    /// One row of `width` cells with the field drawn on it: (text, styles).
    func draw(_ field: TextField, focused: Bool = true, brackets: Bool = false, width: Int = 12) -> (String, String) {
        var grid = CellGrid(Size(width: width, height: 1))
        TextFieldView(field, focused: focused, brackets: brackets).render(into: &grid, x: 0, y: 0, width: width)
        return (grid.text, grid.styles)
    }

    @Test func theCursorIsAReverseVideoCellWhereItIs() {
        var field = TextField("abc")
        field.moveCursor(to: 1)
        let (text, styles) = draw(field)
        #expect(text == "abc         ")
        #expect(styles == "iCiiiiiiiiii")
        #expect(draw(TextField("abc")).1 == "iiiCiiiiiiii", "after the last character")
    }

    @Test func thePlaceholderShowsOnlyWhileEmptyAndNeverUnderTheCursor() {
        let empty = TextField(placeholder: "pamtui demo")
        #expect(draw(empty) == (" pamtui demo", "Cmmmmmmmmmmm"))
        #expect(draw(empty, focused: false) == ("pamtui demo ", "mmmmmmmmmmmi"))
        var typed = empty
        typed.handle(.character("x"))
        #expect(draw(typed).0 == "x           ", "typing replaces the placeholder")
    }

    @Test func focusShowsAsBracketsWithoutColour() {
        #expect(draw(TextField("ab"), brackets: true).0 == "[ab        ]")
        #expect(draw(TextField("ab"), focused: false, brackets: true).0 == " ab         ")
    }

    @Test func aLongTextScrollsToKeepTheCursorInView() {
        let (text, styles) = draw(TextField("abcdefghijklmnop"), width: 6)
        #expect(text == "lmnop ")
        #expect(styles == "iiiiiC")
    }

    @Test func aSecretIsDrawnAsBullets() {
        var field = TextField.secret()
        for character in "hunter2" { field.handle(.character(character)) }
        let (text, _) = draw(field)
        #expect(text == "•••••••     ")
    }
}
