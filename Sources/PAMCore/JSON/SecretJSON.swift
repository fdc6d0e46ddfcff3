/// Reads secret strings out of JSON bytes straight into `SecretBytes`, so a password in a
/// response never becomes a Swift `String` (which cannot be wiped).
public enum SecretJSON {
    /// Decodes a body that is one JSON string literal, such as `"p@ssw0rd"`.
    public static func stringLiteral(_ body: SecretBytes) throws -> SecretBytes {
        try body.withUnsafeBytes { bytes in
            var scanner = Scanner(bytes: bytes)
            scanner.skipWhitespace()
            let value = try scanner.readString()
            scanner.skipWhitespace()
            guard scanner.atEnd else { throw malformed("trailing data after a JSON string") }
            return value
        }
    }

    /// The string value of a top-level field of a JSON object, matched case-insensitively (ASCII).
    /// Returns nil when the field is absent or null.
    public static func stringField(_ name: String, in body: SecretBytes) throws -> SecretBytes? {
        let wanted = Array(name.lowercased().utf8)
        return try body.withUnsafeBytes { bytes in
            var scanner = Scanner(bytes: bytes)
            scanner.skipWhitespace()
            try scanner.expect(UInt8(ascii: "{"))
            scanner.skipWhitespace()
            if scanner.peek == UInt8(ascii: "}") { return nil }
            while true {
                scanner.skipWhitespace()
                let key = try scanner.readString()
                let matches = key.withUnsafeBytes { $0.map(lowercaseASCII) == wanted }
                scanner.skipWhitespace()
                try scanner.expect(UInt8(ascii: ":"))
                scanner.skipWhitespace()
                if matches {
                    if scanner.peek == UInt8(ascii: "n") { return nil }
                    return try scanner.readString()
                }
                try scanner.skipValue()
                scanner.skipWhitespace()
                if scanner.peek == UInt8(ascii: ",") {
                    scanner.advance()
                    continue
                }
                try scanner.expect(UInt8(ascii: "}"))
                return nil
            }
        }
    }

    static func malformed(_ message: String) -> PAMError {
        PAMError(.malformed, "malformed JSON: \(message)")
    }

    private static func lowercaseASCII(_ byte: UInt8) -> UInt8 {
        (65...90).contains(byte) ? byte + 32 : byte
    }
}

/// A forward-only reader over JSON bytes.
private struct Scanner {
    let bytes: UnsafeRawBufferPointer
    var index = 0

    init(bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    var atEnd: Bool { index >= bytes.count }
    var peek: UInt8? { atEnd ? nil : bytes[index] }

    mutating func advance() { index += 1 }

    mutating func skipWhitespace() {
        while let byte = peek, byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { advance() }
    }

    mutating func expect(_ byte: UInt8) throws {
        guard peek == byte else {
            throw SecretJSON.malformed("expected '\(Character(UnicodeScalar(byte)))' at byte \(index)")
        }
        advance()
    }

    /// Reads a string literal, decoding escapes into wiping memory.
    mutating func readString() throws -> SecretBytes {
        try expect(UInt8(ascii: "\""))
        let output = SecretBytes(capacity: 64)
        while let byte = peek {
            advance()
            switch byte {
            case UInt8(ascii: "\""):
                return output
            case UInt8(ascii: "\\"):
                try appendEscape(to: output)
            default:
                withUnsafeBytes(of: byte) { output.append($0) }
            }
        }
        throw SecretJSON.malformed("unterminated string")
    }

    private mutating func appendEscape(to output: SecretBytes) throws {
        guard let escape = peek else { throw SecretJSON.malformed("unterminated escape") }
        advance()
        let simple: UInt8? = switch escape {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): escape
        case UInt8(ascii: "b"): 0x08
        case UInt8(ascii: "f"): 0x0C
        case UInt8(ascii: "n"): 0x0A
        case UInt8(ascii: "r"): 0x0D
        case UInt8(ascii: "t"): 0x09
        default: nil
        }
        if let simple {
            withUnsafeBytes(of: simple) { output.append($0) }
            return
        }
        guard escape == UInt8(ascii: "u") else { throw SecretJSON.malformed("bad escape at byte \(index)") }
        var scalar = try readHex4()
        if (0xD800..<0xDC00).contains(scalar) {
            try expect(UInt8(ascii: "\\"))
            try expect(UInt8(ascii: "u"))
            let low = try readHex4()
            guard (0xDC00..<0xE000).contains(low) else { throw SecretJSON.malformed("bad surrogate pair") }
            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
        }
        guard let unicode = Unicode.Scalar(scalar) else { throw SecretJSON.malformed("bad \\u escape") }
        var encoded = Array(UTF8.encode(unicode).map { Array($0) } ?? [])
        encoded.withUnsafeBytes { output.append($0) }
        SecretBytes.wipe(&encoded)
    }

    private mutating func readHex4() throws -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let byte = peek, let digit = hexValue(byte) else { throw SecretJSON.malformed("bad \\u escape") }
            value = value << 4 | digit
            advance()
        }
        return value
    }

    private func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case 48...57: UInt32(byte - 48)
        case 65...70: UInt32(byte - 55)
        case 97...102: UInt32(byte - 87)
        default: nil
        }
    }

    /// Skips any JSON value, including nested objects and arrays.
    mutating func skipValue() throws {
        guard let byte = peek else { throw SecretJSON.malformed("missing value") }
        switch byte {
        case UInt8(ascii: "\""):
            _ = try readString()
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            try skipContainer()
        default:
            while let next = peek, next != UInt8(ascii: ","), next != UInt8(ascii: "}"), next != UInt8(ascii: "]") {
                advance()
            }
        }
    }

    private mutating func skipContainer() throws {
        var depth = 0
        while let byte = peek {
            switch byte {
            case UInt8(ascii: "\""):
                _ = try readString()
                continue
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                depth += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                depth -= 1
            default:
                break
            }
            advance()
            if depth == 0 { return }
        }
        throw SecretJSON.malformed("unterminated container")
    }
}
