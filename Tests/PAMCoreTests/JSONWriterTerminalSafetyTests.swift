import Foundation
import PAMCore
import Testing

/// `--json` stays faithful JSON, but nothing in it acts on a terminal when it is shown as it is.
@Suite struct JSONWriterTerminalSafetyTests {
    static let hostile: [String] = [
        "\u{1B}]0;pwned\u{07}", "\u{9B}31m", "\u{80}\u{85}\u{9F}", "abc\u{202E}fed", "\u{202A}\u{202B}\u{202C}\u{202D}",
        "\u{2066}\u{2067}\u{2068}\u{2069}", "del\u{7F}", "mix é\u{85}“x”\u{2069}—…\u{1B}", "\u{2026}\u{2029}\u{202F}\u{2065}\u{206A}",
        "\u{C2}\u{E2}", "end\u{202E}",
    ]

    @Test(arguments: hostile)
    func roundTripsAndLeavesNoControlInTheBytes(value: String) throws {
        let bytes = JSONWriter.stringLiteral(value)
        let parsed = try JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed]) as? String
        #expect(parsed?.unicodeScalars.elementsEqual(value.unicodeScalars) == true)
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(!text.unicodeScalars.contains(where: TerminalText.isControl), "\(text)")
    }

    @Test func escapesAreLowercaseUnicodeEscapes() {
        #expect(JSONWriter.stringLiteral("a\u{85}b\u{202E}c\u{2066}d\u{7F}") == Array(#""a\u0085b\u202ec\u2066d\u007f""#.utf8))
        #expect(JSONWriter.stringLiteral("“—…”") == Array("\"“—…”\"".utf8), "other U+2xxx and U+0080+ text is kept as it is")
        #expect(JSONWriter.stringLiteral("£©") == Array("\"£©\"".utf8))
    }

    @Test func aDocumentWithHostileFieldsDecodes() throws {
        var writer = JSONWriter()
        writer.object { json in
            json.field("name", "DC01\u{1B}[2J")
            json.field("reason", "\u{202E}lanigiro")
        }
        let object = try JSONSerialization.jsonObject(with: Data(writer.bytes)) as? [String: String]
        #expect(object == ["name": "DC01\u{1B}[2J", "reason": "\u{202E}lanigiro"])
    }
}
