import PAMCore
import PAMScreen
import Testing

@Suite struct TextFieldTests {
    /// A field holding `text` with the cursor at `cursor`.
    func field(_ text: String, cursor: Int? = nil) -> TextField {
        var field = TextField(text)
        if let cursor { field.moveCursor(to: cursor) }
        return field
    }

    func pressed(_ start: TextField, _ keys: KeyEvent...) -> TextField {
        var field = start
        for key in keys { field.handle(key) }
        return field
    }

    @Test func typingInsertsAtTheCursor() {
        let edited = pressed(field("ac", cursor: 1), .character("b"))
        #expect(edited.text == "abc" && edited.cursor == 2)
    }

    @Test func ctrlAAndHomeGoToTheStartCtrlEAndEndToTheEnd() {
        #expect(pressed(field("hello"), .control("a")).cursor == 0)
        #expect(pressed(field("hello"), .home).cursor == 0)
        #expect(pressed(field("hello", cursor: 0), .control("e")).cursor == 5)
        #expect(pressed(field("hello", cursor: 0), .end).cursor == 5)
    }

    @Test func ctrlBFAndLeftRightMoveOneCharacterAndStopAtTheEnds() {
        #expect(pressed(field("abc"), .control("b"), .left).cursor == 1)
        #expect(pressed(field("abc", cursor: 0), .control("f"), .right).cursor == 2)
        #expect(pressed(field("abc", cursor: 0), .left).cursor == 0)
        #expect(pressed(field("abc"), .right).cursor == 3)
        let typed = pressed(field("ac"), .left, .character("b"))
        #expect(typed.text == "abc")
    }

    @Test func altBAndAltFMoveByWords() {
        let start = field("check out DC01/admin")
        #expect(pressed(start, .alt("b")).cursor == 15)
        #expect(pressed(start, .alt("b"), .alt("b")).cursor == 10)
        #expect(pressed(start, .alt("b"), .alt("b"), .alt("b"), .alt("b"), .alt("b")).cursor == 0)
        #expect(pressed(field("check out", cursor: 0), .alt("f")).cursor == 5)
        #expect(pressed(field("check out", cursor: 0), .alt("f"), .alt("f")).cursor == 9)
    }

    @Test func ctrlUKillsToTheStartCtrlKToTheEndCtrlWTheWordBefore() {
        let u = pressed(field("pamtui demo", cursor: 7), .control("u"))
        #expect(u.text == "demo" && u.cursor == 0)
        let k = pressed(field("pamtui demo", cursor: 6), .control("k"))
        #expect(k.text == "pamtui" && k.cursor == 6)
        let w = pressed(field("patch INC-4711  "), .control("w"))
        #expect(w.text == "patch " && w.cursor == 6)
        #expect(pressed(field("one two", cursor: 3), .control("w")).text == " two")
    }

    @Test func backspaceDeletesBeforeTheCursorAndDeleteAtIt() {
        let back = pressed(field("abc", cursor: 2), .backspace)
        #expect(back.text == "ac" && back.cursor == 1)
        let delete = pressed(field("abc", cursor: 1), .delete)
        #expect(delete.text == "ac" && delete.cursor == 1)
        var empty = TextField("")
        #expect(empty.handle(.backspace) == .moved && empty.text.isEmpty, "nothing to delete: nothing happens")
        var end = field("abc")
        #expect(end.handle(.delete) == .moved && end.text == "abc")
    }

    @Test func editingKeysReportWhatTheyDidAndOthersAreLeftToTheCaller() {
        var field = TextField("x")
        #expect(field.handle(.character("y")) == .changed)
        #expect(field.handle(.left) == .moved)
        for key in [KeyEvent.enter, .escape, .tab, .backTab, .function(1), .control("s"), .up, .down] {
            #expect(field.handle(key) == .ignored, "\(key)")
        }
    }

    @Test func wideCharactersAreOneCharacterEach() {
        let edited = pressed(field("日本語"), .left, .backspace)
        #expect(edited.text == "日語" && edited.cursor == 1)
    }

    @Test func upAndDownRecallHistoryAndDownPastTheNewestRestoresWhatWasTyped() {
        let history = ["INC-2", "INC-1"]
        var field = TextField("dra", history: "reason")
        #expect(field.handle(.up, history: history) == .changed)
        #expect(field.text == "INC-2" && field.cursor == 5)
        field.handle(.up, history: history)
        #expect(field.text == "INC-1")
        field.handle(.up, history: history)
        #expect(field.text == "INC-1", "stays on the oldest")
        field.handle(.down, history: history)
        #expect(field.text == "INC-2")
        field.handle(.down, history: history)
        #expect(field.text == "dra")
        #expect(field.handle(.down, history: history) == .moved && field.text == "dra")
    }

    @Test func aFieldWithoutHistoryLeavesUpAndDownToTheCaller() {
        var field = TextField("x")
        #expect(field.handle(.up, history: ["a"]) == .ignored && field.text == "x")
    }

    @Test func aSecretFieldHoldsSecretBytesAndNeverAString() throws {
        var field = TextField.secret(placeholder: "one-time code")
        for character in "12é4" { field.handle(.character(character)) }
        field.handle(.left)
        field.handle(.backspace)
        field.handle(.character("3"))
        #expect(field.isSecret && field.count == 4 && field.cursor == 3)
        #expect(field.text.isEmpty, "the text of a secret field is never handed out")
        #expect(field.displayed(mask: "•") == ["•", "•", "•", "•"])
        let value = try #require(field.secretValue())
        #expect(value.withUnsafeBytes { Array($0) } == Array("1234".utf8), "é deleted, 3 typed before the 4")
        #expect(!String(describing: field).contains("123"))
        #expect(!String(reflecting: field).contains("12"))
        #expect(field.historyKey == nil)
        var words = field
        words.handle(.end)
        words.handle(.control("w"))
        #expect(words.isEmpty && words.secretValue()?.count == 0, "Ctrl-W treats a secret as one word")
    }

    @Test func editingASecretNeverChangesACopyTakenBefore() throws {
        var field = TextField.secret()
        field.handle(.character("a"))
        let before = field
        field.handle(.character("b"))
        #expect(try #require(before.secretValue()).withUnsafeBytes { Array($0) } == [UInt8(ascii: "a")])
        #expect(before != field)
    }

    @Test func setTextReplacesAndPutsTheCursorAtTheEnd() {
        var field = TextField("abc")
        field.moveCursor(to: 1)
        field.setText("theme ")
        #expect(field.text == "theme " && field.cursor == 6)
    }
}
