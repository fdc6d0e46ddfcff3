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

    private static func field<Value>(_ name: String, in body: SecretBytes, _ read: (inout JSONScanner) throws -> Value?) throws -> Value? {
        let wanted = Array(name.lowercased().utf8)
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
            let matches = try withRawString { raw in
                raw.count == lowercasedKey.count && zip(raw, lowercasedKey).allSatisfy { Self.lower($0) == $1 }
            }
            try expect(UInt8(ascii: ":"))
            if matches { return true }
            try skipValue()
        }
    }

    private static func lower(_ byte: UInt8) -> UInt8 { (65...90).contains(byte) ? byte + 32 : byte }
}
