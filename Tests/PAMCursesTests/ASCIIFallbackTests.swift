import PAMScreen
import Testing

@testable import PAMCurses

@Suite struct ASCIIFallbackTests {
    @Test(arguments: [
        ("a", "a"), (" ", " "), ("┌", "+"), ("─", "-"), ("┐", "+"), ("│", "|"), ("└", "+"), ("┘", "+"), ("├", "+"),
        ("┤", "+"), ("╔", "+"), ("═", "-"), ("║", "|"), ("╭", "+"), ("…", "~"), ("•", "*"), ("█", "#"), ("░", "."),
        ("—", "-"), ("×", "x"), ("日", "?"), ("", "?"), ("é", "?"), ("\u{7}", "?"), ("→", ">"),
    ])
    func mapping(text: String, expected: String) {
        #expect(ASCIIFallback.map(text) == expected)
    }

    @Test func everyBoxDrawingCharacterHasAnASCIIStandIn() {
        for value in UInt32(0x2500)...0x257F {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let mapped = ASCIIFallback.map(String(scalar))
            #expect(mapped.count == 1 && mapped.unicodeScalars.allSatisfy(\.isASCII))
        }
    }
}

@Suite struct MinimumSizeTests {
    @Test func bigEnoughGivesNothing() {
        #expect(MinimumSize.screen(for: Size(width: 80, height: 24), minimum: Size(width: 80, height: 24)) == nil)
        #expect(MinimumSize.screen(for: Size(width: 200, height: 60), minimum: Size(width: 80, height: 24)) == nil)
    }

    @Test func tooSmallShowsTheCentredMessage() throws {
        let grid = try #require(MinimumSize.screen(for: Size(width: 40, height: 5), minimum: Size(width: 80, height: 24)))
        #expect(grid.size == Size(width: 40, height: 5))
        func padded(_ text: String, at x: Int) -> String {
            String(repeating: " ", count: x) + text + String(repeating: " ", count: 40 - x - text.count)
        }
        let blank = String(repeating: " ", count: 40)
        let expected = [blank, padded("terminal too small — need 80×24", at: 4), padded("(now 40×5)", at: 15), blank, blank]
        #expect(grid.text == expected.joined(separator: "\n"))
        #expect(grid[4, 1].role == .warn)
    }

    @Test func narrowTerminalsGetShorterMessages() throws {
        let narrow = try #require(MinimumSize.screen(for: Size(width: 20, height: 3), minimum: Size(width: 80, height: 24)))
        #expect(narrow.text.contains("terminal too small"))
        #expect(narrow.text.contains("need 80×24"))
        let tiny = try #require(MinimumSize.screen(for: Size(width: 5, height: 1), minimum: Size(width: 80, height: 24)))
        #expect(tiny.text == "80×24")
        let oneRow = try #require(MinimumSize.screen(for: Size(width: 60, height: 1), minimum: Size(width: 80, height: 24)))
        #expect(oneRow.text.contains("terminal too small — need 80×24"))
    }
}
