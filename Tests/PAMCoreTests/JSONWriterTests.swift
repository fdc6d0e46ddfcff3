import Foundation
import PAMCore
import Testing

/// Parses `bytes` with Foundation, which refuses anything that is not valid JSON.
private func foundationParse(_ bytes: [UInt8]) throws -> Any {
    try JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])
}

/// Reads back one string literal with `JSONScanner`.
private func scannedString(_ bytes: [UInt8]) throws -> String? {
    try bytes.withUnsafeBytes { raw in
        var scanner = JSONScanner(raw)
        let value = try scanner.string()
        let atEnd = scanner.atEnd()
        #expect(atEnd)
        return value
    }
}

@Suite struct JSONWriterTests {
    static let awkwardStrings: [String] = [
        "", "plain", "quote \" quote", "back\\slash", "\\\"", "slash / slash", "new\nline", "cr\r", "tab\t",
        "\u{08}\u{0C}", "\u{00}nul", "\u{1F}\u{7F}", String((0..<0x20).map { Character(UnicodeScalar(UInt8($0))) }),
        "café", "🔑 key", "日本語", "\u{2028}\u{2029}", "\u{FFFF}", "e\u{301}", "mixed \"é\"\n\\🔑\u{01}",
    ]

    @Test(arguments: awkwardStrings)
    func stringsRoundTripThroughFoundationAndTheScanner(value: String) throws {
        let bytes = JSONWriter.stringLiteral(value)
        let parsed = try foundationParse(bytes) as? String
        #expect(parsed?.unicodeScalars.elementsEqual(value.unicodeScalars) == true)
        #expect(try scannedString(bytes)?.unicodeScalars.elementsEqual(value.unicodeScalars) == true)
        // No raw control characters are left in the output.
        #expect(!bytes.contains { $0 < 0x20 })
    }

    @Test func controlCharactersAreEscaped() {
        #expect(JSONWriter.stringLiteral("a\"b\\c\nd\re\tf\u{01}\u{1F}") == Array(#""a\"b\\c\nd\re\tf\u0001\u001f""#.utf8))
        #expect(JSONWriter.stringLiteral("é/") == Array("\"é/\"".utf8))
    }

    @Test func documentIsValidJSONWithEveryKindOfValue() throws {
        var writer = JSONWriter()
        writer.object { object in
            object.field("name", "caf\u{E9} \"q\"\n")
            object.field("none", nil as String?)
            object.field("max", Int.max)
            object.field("min", Int.min)
            object.field("zero", 0)
            object.field("yes", true)
            object.field("no", false)
            object.field("nothing", nil as Int?)
            object.optionalField("omitted", nil as String?)
            object.optionalField("omittedInt", nil as Int?)
            object.optionalField("present", "p")
            object.field("list") { list in
                list.array { array in
                    array.int(1)
                    array.string("two")
                    array.null()
                    array.bool(true)
                    array.object { _ in }
                    array.array { _ in }
                    array.rawValue(Array(#"{"raw":[1]}"#.utf8))
                }
            }
            object.key("last")
            object.int(5)
        }
        let parsed = try #require(try foundationParse(writer.bytes) as? [String: Any])
        #expect(parsed["name"] as? String == "café \"q\"\n")
        #expect(parsed["none"] is NSNull)
        #expect((parsed["max"] as? NSNumber)?.int64Value == Int64.max)
        #expect((parsed["min"] as? NSNumber)?.int64Value == Int64.min)
        #expect(parsed["zero"] as? Int == 0)
        #expect(parsed["yes"] as? Bool == true)
        #expect(parsed["no"] as? Bool == false)
        #expect(parsed["nothing"] is NSNull)
        #expect(parsed["omitted"] == nil)
        #expect(parsed["omittedInt"] == nil)
        #expect(parsed["present"] as? String == "p")
        #expect(parsed["last"] as? Int == 5)
        let list = try #require(parsed["list"] as? [Any])
        #expect(list.count == 7)
        #expect(list[0] as? Int == 1)
        #expect(list[1] as? String == "two")
        #expect(list[2] is NSNull)
        #expect((list[4] as? [String: Any])?.isEmpty == true)
        #expect((list[5] as? [Any])?.isEmpty == true)
        #expect(((list[6] as? [String: Any])?["raw"] as? [Int]) == [1])

        // The scanner reads back what the writer wrote.
        try writer.bytes.withUnsafeBytes { raw in
            var scanner = JSONScanner(raw)
            var min: Int?, max: Int?
            try JSONScanner.readObject(&scanner) { key, scanner in
                switch key {
                case JSONKey("min"): min = try scanner.int()
                case JSONKey("max"): max = try scanner.int()
                default: return false
                }
                return true
            }
            let atEnd = scanner.atEnd()
            #expect(atEnd)
            #expect(min == Int.min)
            #expect(max == Int.max)
        }
    }

    @Test func streamingWithFlushKeepsSeparators() throws {
        var writer = JSONWriter()
        var output: [UInt8] = []
        writer.beginArray()
        for index in 0..<5 {
            writer.object { $0.field("i", index) }
            writer.flush { output.append(contentsOf: $0) }
        }
        writer.endArray()
        writer.flush { output.append(contentsOf: $0) }
        #expect(writer.bytes.isEmpty)
        let parsed = try #require(try foundationParse(output) as? [[String: Int]])
        #expect(parsed.map { $0["i"] } == [0, 1, 2, 3, 4])
    }
}
