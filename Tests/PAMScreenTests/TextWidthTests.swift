import PAMScreen
import Testing

@Suite struct TextWidthTests {
    @Test(arguments: [
        ("abc", 3), ("é", 1), ("e\u{301}", 1), ("日本語", 6), ("🔑", 2), ("👍🏽", 2), ("👨‍👩‍👧", 2), ("한국", 4), ("", 0), ("a\u{200B}b", 2),
    ])
    func columns(text: String, width: Int) {
        #expect(TextWidth.of(text) == width)
    }

    @Test func truncatesWithAnEllipsis() {
        #expect(TextWidth.truncate("abcdef", to: 4) == "abc…")
        #expect(TextWidth.truncate("abcd", to: 4) == "abcd")
        #expect(TextWidth.truncate("日本語テキスト", to: 5) == "日本…")
        #expect(TextWidth.truncate("日本語", to: 4) == "日…")
        #expect(TextWidth.truncate("cafe\u{301}s", to: 4) == "caf…")
        #expect(TextWidth.truncate("abc", to: 0) == "")
    }
}

@Suite struct EllipsisTests {
    @Test func asciiMark() {
        #expect(TextWidth.truncate("abcdef", to: 4, ellipsis: "~") == "abc~")
        #expect(TextWidth.truncate("abcdef", to: 4, ellipsis: "...") == "a...")
        #expect(TextWidth.truncate("abcdef", to: 2, ellipsis: "...") == "ab")
        #expect(TextWidth.truncate("abc", to: 4, ellipsis: "~") == "abc")
        #expect(TextWidth.truncate("abcdef", to: 4, ellipsis: "…") == TextWidth.truncate("abcdef", to: 4))
    }

    @Test func unsortedHighlights() {
        var grid = makeGrid(6, 1)
        grid.put("abcdef", x: 0, y: 0, role: .normal, limit: 6, highlights: [4..<5, 0..<1])
        #expect(grid.styles == "M...M.")
    }
}
