import PAMScreen
import Testing

@Suite struct TextWrapTests {
    @Test func wrapsAtSpaces() {
        #expect(TextWrap.lines("check out the selected account", width: 12) == ["check out", "the selected", "account"])
    }

    @Test func cutsWordsLongerThanALineAndKeepsNewlines() {
        #expect(TextWrap.lines("abcdefghij xy", width: 4) == ["abcd", "efgh", "ij", "xy"])
        #expect(TextWrap.lines("one\n\ntwo", width: 10) == ["one", "", "two"])
        #expect(TextWrap.lines("日本語テキスト", width: 5) == ["日本", "語テ", "キス", "ト"])
        #expect(TextWrap.lines("anything", width: 0) == [])
    }
}
