import PAMCore
import Testing

/// Runs `body` on a scanner over `bytes`.
private func scan<R>(_ bytes: [UInt8], _ body: (inout JSONScanner) throws -> R) throws -> R {
    try bytes.withUnsafeBytes { raw in
        var scanner = JSONScanner(raw)
        return try body(&scanner)
    }
}

private func scan<R>(_ json: String, _ body: (inout JSONScanner) throws -> R) throws -> R {
    try scan(Array(json.utf8), body)
}

private func isMalformed(_ error: any Error) -> Bool {
    (error as? PAMError)?.kind == .malformed
}

/// Skips one whole document and checks that nothing follows it.
private func skipDocument(_ scanner: inout JSONScanner) throws {
    try scanner.skipValue()
    guard scanner.atEnd() else { throw PAMError(.malformed, "trailing data") }
}

@Suite struct JSONScannerTests {
    // MARK: Strings

    @Test(arguments: [
        (#""plain""#, "plain"),
        (#""""#, ""),
        (#""\"""#, "\""),
        (#""\\""#, "\\"),
        (#""\/""#, "/"),
        (#""\b\f\n\r\t""#, "\u{08}\u{0C}\n\r\t"),
        (#""a\"b\\c\/d""#, "a\"b\\c/d"),
        (#""\u0000\u001f""#, "\u{00}\u{1F}"),
        (#""caf\u00e9 caf\u00E9""#, "café café"),
        (#""\u20ac\uFFFF""#, "€\u{FFFF}"),
        (#""\ud83d\udd11""#, "🔑"),
        (#""\uD83D\uDD11 key""#, "🔑 key"),
        (#""raw é 🔑""#, "raw é 🔑"),
    ])
    func decodesEscapes(json: String, expected: String) throws {
        #expect(try scan(json) { try $0.string() } == expected)
        #expect(try scan(json) { try $0.secretString()?.unsafeStringCopy() } == expected)
        // Skipping checks the same escapes without decoding them.
        try scan(json) { try skipDocument(&$0) }
    }

    @Test(arguments: [
        #""\ud83d""#,             // lone high surrogate at the end
        #""\ud83d alone""#,       // lone high surrogate before text
        #""\ud83d\u0041""#,       // high surrogate followed by a non-surrogate
        #""\ud83d\ud83d""#,       // two high surrogates
        #""\ud83d\n""#,           // high surrogate followed by another escape
        #""\udd11""#,             // lone low surrogate
        #""\udd11\ud83d""#,       // a pair in the wrong order
        #""\x""#, #""\u12""#, #""\u12G4""#, #""\U0041""#, #""\""#, #""abc"#, #""a\"#,
    ])
    func refusesBadEscapesAndLoneSurrogates(json: String) {
        #expect { try scan(json) { try $0.string() } } throws: { isMalformed($0) }
        #expect { try scan(json) { try $0.secretString() } } throws: { isMalformed($0) }
        #expect { try scan(json) { try skipDocument(&$0) } } throws: { isMalformed($0) }
    }

    @Test func invalidUTF8IsReplacedInStringsAndKeptAsIsInSecrets() throws {
        // "a" 0xFF "b" 0xE2 0x82 (a truncated euro sign) "c"
        let json: [UInt8] = [0x22, 0x61, 0xFF, 0x62, 0xE2, 0x82, 0x63, 0x22]
        let text = try scan(json) { try $0.string() }
        #expect(text?.unicodeScalars.first == "a")
        #expect(text?.contains("\u{FFFD}") == true)
        #expect(text?.hasSuffix("c") == true)
        let secret = try scan(json) { try $0.secretString() }
        #expect(secret?.withUnsafeBytes { Array($0) } == Array(json.dropFirst().dropLast()))
        try scan(json) { try skipDocument(&$0) }

        // Invalid UTF-8 in a key just fails to match anything.
        let object: [UInt8] = Array(#"{""#.utf8) + [0xC3, 0x28] + Array(#"":1,"id":2}"#.utf8)
        let id = try scan(object) { scanner -> Int? in
            var id: Int?
            try JSONScanner.readObject(&scanner) { key, scanner in
                guard key == JSONKey("id") else { return false }
                id = try scanner.int()
                return true
            }
            return id
        }
        #expect(id == 2)
    }

    @Test func nullAndLiterals() throws {
        #expect(try scan(" null ") { try $0.string() } == nil)
        #expect(try scan("null") { try $0.int() } == nil)
        #expect(try scan("null") { try $0.bool() } == nil)
        #expect(try scan("true") { try $0.bool() } == true)
        #expect(try scan("false") { try $0.bool() } == false)
        for json in ["nul", "nulx", "nuxx", "nope"] {
            #expect { try scan(json) { try $0.string() } } throws: { isMalformed($0) }
            #expect { try scan(json) { try skipDocument(&$0) } } throws: { isMalformed($0) }
        }
        #expect { try scan("tru") { try $0.bool() } } throws: { isMalformed($0) }
    }

    // MARK: Numbers

    @Test(arguments: [
        ("0", 0), ("-0", 0), ("7", 7), ("-7", -7), ("  42  ", 42), ("1234567890", 1_234_567_890),
        ("9223372036854775807", Int.max), ("-9223372036854775808", Int.min),
        ("9223372036854775806", Int.max - 1), ("-9223372036854775807", Int.min + 1),
    ])
    func readsIntegersUpToTheirLimits(json: String, expected: Int) throws {
        #expect(try scan(json) { try $0.int() } == expected)
        try scan(json) { try skipDocument(&$0) }
    }

    @Test(arguments: [
        "9223372036854775808", "-9223372036854775809", "9223372036854775810", "92233720368547758070",
        "99999999999999999999", "-99999999999999999999",
    ])
    func refusesIntegersOutOfRange(json: String) throws {
        #expect { try scan(json) { try $0.int() } } throws: { isMalformed($0) }
        // Skipping does not need the value, so any length of number is fine.
        try scan(json) { try skipDocument(&$0) }
    }

    @Test(arguments: ["1.5", "1.0", "-0.5", "1e3", "1E3", "1e+3", "-2e-3", "0.0e0"])
    func refusesFractionsAndExponentsAsIntegersButSkipsThem(json: String) throws {
        #expect { try scan(json) { try $0.int() } } throws: { isMalformed($0) }
        try scan(json) { try skipDocument(&$0) }
    }

    @Test(arguments: ["-", "+1", "01", "-01", "00", ".5", "\"1\"", "x", ""])
    func refusesNonNumbersAsIntegers(json: String) {
        #expect { try scan(json) { try $0.int() } } throws: { isMalformed($0) }
    }

    @Test(arguments: ["-", "+1", "01", "-01", "1.", "1.e3", "1e", "1e+", ".5", "- 1", "0x10", "NaN", "Infinity"])
    func refusesMalformedNumbersWhenSkipping(json: String) {
        #expect { try scan(json) { try skipDocument(&$0) } } throws: { isMalformed($0) }
    }

    // MARK: Skipping and nesting

    @Test(arguments: [
        "{}", "[]", " [ ] ", "{ }", #"{"a":1}"#, #"[1,"two",true,false,null,{},[],-1.5e3]"#,
        #"{"a":{"b":[1,{"c":"}"}]},"d":"]\"["}"#, #"[[[[]]],[{}],{"x":[{"y":{}}]}]"#,
        " {\n\t\"a\" :\r [ 1 , 2 ] \n} ",
    ])
    func skipsWellFormedValues(json: String) throws {
        try scan(json) { try skipDocument(&$0) }
    }

    @Test(arguments: [
        "[", "{", "[1", "[1,", #"{"a""#, #"{"a":"#, #"{"a":1"#, "[1 2]", "[1,]", "[,1]", "[,]",
        #"{"a" 1}"#, #"{"a":}"#, #"{"a":1,}"#, "{,}", "{1:2}", #"{"a":1 "b":2}"#, "[}", "{]",
        #"{"a":[}"#, "[[]", "]", "}", ",", ":", #"["a":1]"#, "[tru]", "[nul]",
    ])
    func refusesMalformedContainersWhenSkipping(json: String) {
        #expect { try scan(json) { try skipDocument(&$0) } } throws: { isMalformed($0) }
    }

    @Test(arguments: [10_000, 100_000])
    func skipsDeeplyNestedArraysWithoutRecursion(depth: Int) throws {
        let json = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        try scan(json) { try skipDocument(&$0) }
        // The same depth mixed with objects, so the container stack spills past its inline word.
        let mixed = String(repeating: #"[{"a":"#, count: depth / 2) + "1" + String(repeating: "}]", count: depth / 2)
        try scan(mixed) { try skipDocument(&$0) }
    }

    @Test func refusesDeeplyNestedContainersThatAreUnbalanced() {
        let depth = 10_000
        let open = String(repeating: "[", count: depth)
        #expect { try scan(open) { try skipDocument(&$0) } } throws: { isMalformed($0) }
        #expect { try scan(open + String(repeating: "]", count: depth - 1)) { try skipDocument(&$0) } } throws: { isMalformed($0) }
        // Mismatched closers deep down, past the inline part of the stack, and at the top.
        let arrayClosedAsObject = String(repeating: #"{"a":["#, count: 100) + "}" + String(repeating: "]}", count: 100)
        let objectClosedAsArray = String(repeating: #"[{"a":"#, count: 100) + "1]" + String(repeating: "}]", count: 100)
        let outermostMismatched = String(repeating: #"{"a":["#, count: 100) + String(repeating: "]}", count: 99) + "}}"
        for json in [arrayClosedAsObject, objectClosedAsArray, outermostMismatched] {
            #expect { try scan(json) { try skipDocument(&$0) } } throws: { isMalformed($0) }
        }
    }

    @Test func readObjectSkipsMembersItDoesNotTake() throws {
        let json = #"{"skip":{"deep":[1,[2,{"id":99}]]},"id":7,"more":"\"id\"","name":"n\u00e9"}"#
        let (id, name) = try scan(json) { scanner -> (Int?, String?) in
            var id: Int?, name: String?
            try JSONScanner.readObject(&scanner) { key, scanner in
                switch key {
                case JSONKey("id"): id = try scanner.int()
                case JSONKey("name"): name = try scanner.string()
                default: return false
                }
                return true
            }
            let atEnd = scanner.atEnd()
            #expect(atEnd)
            return (id, name)
        }
        #expect(id == 7)
        #expect(name == "né")
    }

    // MARK: Truncation

    static let sample = #"""
    {"TotalCount": 2, "Data": [
      {"Id": 1, "Name": "caf\u00e9 \ud83d\udd11", "Ok": true, "Gone": null, "Nested": {"a": [1.5e-3, -0, "x\"y"]}},
      {"Id": -9223372036854775808, "Name": "tab\there", "Ok": false, "Gone": null, "Nested": {}}
    ]}
    """#

    struct Row: Equatable {
        var id: Int?, name: String?, ok: Bool?, gone: String?
    }

    /// A typed reader in the style of the vendor DTOs, reading every member.
    static func readSample(_ scanner: inout JSONScanner) throws -> (Int?, [Row]) {
        var total: Int?
        var rows: [Row] = []
        try JSONScanner.readObject(&scanner) { key, scanner in
            switch key {
            case JSONKey("TotalCount"): total = try scanner.int()
            case JSONKey("Data"):
                try scanner.beginArray()
                var first = true
                while try scanner.nextElement(first: &first) {
                    var row = Row()
                    try JSONScanner.readObject(&scanner) { key, scanner in
                        switch key {
                        case JSONKey("Id"): row.id = try scanner.int()
                        case JSONKey("Name"): row.name = try scanner.string()
                        case JSONKey("Ok"): row.ok = try scanner.bool()
                        case JSONKey("Gone"): row.gone = try scanner.string()
                        default: return false
                        }
                        return true
                    }
                    rows.append(row)
                }
            default: return false
            }
            return true
        }
        guard scanner.atEnd() else { throw PAMError(.malformed, "trailing data") }
        return (total, rows)
    }

    @Test func readsTheWholeSample() throws {
        let (total, rows) = try scan(Self.sample) { try Self.readSample(&$0) }
        #expect(total == 2)
        #expect(rows == [
            Row(id: 1, name: "café 🔑", ok: true, gone: nil),
            Row(id: Int.min, name: "tab\there", ok: false, gone: nil),
        ])
        try scan(Self.sample) { try skipDocument(&$0) }
    }

    @Test func everyTruncationOfTheSampleThrows() {
        let bytes = Array(Self.sample.utf8)
        for length in 0..<bytes.count {
            let prefix = Array(bytes[0..<length])
            #expect(throws: PAMError.self, "prefix of \(length) bytes") { try scan(prefix) { try Self.readSample(&$0) } }
            #expect(throws: PAMError.self, "prefix of \(length) bytes") { try scan(prefix) { try skipDocument(&$0) } }
        }
    }

    @Test func everyTruncationOfAStringOrNumberThrows() {
        for document in [#""a\u00e9\ud83d\udd11\"\\\/\b\f\n\r\tz""#, "[-12.5e+3]", "[true,false,null]"] {
            let bytes = Array(document.utf8)
            for length in 0..<bytes.count {
                let prefix = Array(bytes[0..<length])
                #expect(throws: PAMError.self) { try scan(prefix) { try skipDocument(&$0) } }
                if document.hasPrefix("\"") {
                    #expect(throws: PAMError.self) { try scan(prefix) { try $0.secretString() } }
                }
            }
        }
    }
}
