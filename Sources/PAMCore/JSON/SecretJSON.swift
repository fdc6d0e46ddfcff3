/// Reads secret strings out of JSON bytes straight into `SecretBytes`, so a password in a
/// response never becomes a Swift `String` (which cannot be wiped).
public enum SecretJSON {
    /// Decodes a body that is one JSON string literal, such as `"p@ssw0rd"`.
    public static func stringLiteral(_ body: SecretBytes) throws -> SecretBytes {
        try body.withUnsafeBytes { bytes in
            var scanner = JSONScanner(bytes)
            guard scanner.peek() == UInt8(ascii: "\""), let value = try scanner.secretString() else {
                throw JSONScanner.malformed("expected a JSON string")
            }
            guard scanner.atEnd() else { throw JSONScanner.malformed("trailing data after a JSON string") }
            return value
        }
    }

    /// The string value of a top-level field of a JSON object, matched case-insensitively (ASCII).
    /// Returns nil when the field is absent or null.
    public static func stringField(_ name: String, in body: SecretBytes) throws -> SecretBytes? {
        try field(name, in: body) { try $0.secretString() }
    }

    /// The integer value of a top-level field (such as a token's `expires_in`); nil when absent.
    public static func intField(_ name: String, in body: SecretBytes) throws -> Int? {
        try field(name, in: body) { try $0.int() }
    }

    /// The string value of field `name` in the first object of the top-level array `arrayKey`
    /// whose string field `matchKey` equals `matchValue`, as Delinea Secret Server holds a
    /// secret's fields: `{"items":[{"slug":"username","itemValue":"bob"},
    /// {"slug":"password","itemValue":"S3cr3t"}]}` gives `S3cr3t` for
    /// `stringField("itemValue", inArray: "items", where: "slug", equals: "password", in:)`.
    ///
    /// Keys match ASCII case-insensitively; `matchValue` must equal the unescaped value exactly.
    /// Elements that are not objects are skipped, and only the matching element's value is read
    /// into memory. Returns nil when the array is absent or null, when no element matches, or
    /// when the matching element's `name` is absent or null.
    public static func stringField(
        _ name: String, inArray arrayKey: String, where matchKey: String, equals matchValue: String,
        in body: SecretBytes
    ) throws -> SecretBytes? {
        let wantedArray = lowercasedKey(arrayKey), wantedName = lowercasedKey(name), wantedMatch = lowercasedKey(matchKey)
        let wantedValue = Array(matchValue.utf8)
        return try body.withUnsafeBytes { bytes in
            var scanner = JSONScanner(bytes)
            try scanner.beginObject()
            var first = true
            guard try scanner.next(key: wantedArray, first: &first), !scanner.consumeNull() else { return nil }
            try scanner.beginArray()
            var firstElement = true
            while try scanner.nextElement(first: &firstElement) {
                guard scanner.peek() == UInt8(ascii: "{") else {
                    try scanner.skipValue()
                    continue
                }
                try scanner.beginObject()
                var firstMember = true
                var valueStart: Int?
                var matches: Bool?
                while try scanner.next(closing: UInt8(ascii: "}"), first: &firstMember) {
                    let (isName, isMatch) = try scanner.withRawString { raw in
                        (JSONScanner.keyEquals(raw, wantedName), JSONScanner.keyEquals(raw, wantedMatch))
                    }
                    try scanner.expect(UInt8(ascii: ":"))
                    // The value is only noted here: it is read once the element is known to match.
                    if isName, valueStart == nil, scanner.peek() != nil { valueStart = scanner.index }
                    if isMatch, matches == nil, scanner.peek() == UInt8(ascii: "\"") {
                        matches = try scanner.withRawString { $0.elementsEqual(wantedValue) }
                    } else {
                        if isMatch, matches == nil { matches = false }
                        try scanner.skipValue()
                    }
                }
                guard matches == true else { continue }
                guard let valueStart else { return nil }
                var value = scanner
                value.index = valueStart
                return try value.secretString()
            }
            return nil
        }
    }

    private static func lowercasedKey(_ name: String) -> [UInt8] { Array(name.lowercased().utf8) }

    private static func field<Value>(_ name: String, in body: SecretBytes, _ read: (inout JSONScanner) throws -> Value?) throws -> Value? {
        let wanted = lowercasedKey(name)
        return try body.withUnsafeBytes { bytes in
            var scanner = JSONScanner(bytes)
            try scanner.beginObject()
            var first = true
            while try scanner.next(key: wanted, first: &first) {
                return try read(&scanner)
            }
            return nil
        }
    }
}

extension JSONScanner {
    /// Advances to the member whose key equals `lowercasedKey` (ASCII case-insensitively),
    /// skipping others; false when the object ends first.
    fileprivate mutating func next(key lowercasedKey: [UInt8], first: inout Bool) throws -> Bool {
        while true {
            guard try next(closing: UInt8(ascii: "}"), first: &first) else { return false }
            let matches = try withRawString { Self.keyEquals($0, lowercasedKey) }
            try expect(UInt8(ascii: ":"))
            if matches { return true }
            try skipValue()
        }
    }

    /// True when `raw` equals `lowercasedKey` ASCII case-insensitively.
    fileprivate static func keyEquals(_ raw: UnsafeRawBufferPointer, _ lowercasedKey: [UInt8]) -> Bool {
        raw.count == lowercasedKey.count && zip(raw, lowercasedKey).allSatisfy { lower($0) == $1 }
    }

    private static func lower(_ byte: UInt8) -> UInt8 { (65...90).contains(byte) ? byte + 32 : byte }
}
