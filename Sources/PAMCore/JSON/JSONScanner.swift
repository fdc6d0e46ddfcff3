#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A forward-only JSON reader over bytes, for the hot paths (lists of 100,000 rows) where
/// `JSONDecoder` is several times too slow, and for secrets that must not become `String`s.
public struct JSONScanner {
    @usableFromInline let bytes: UnsafeRawBufferPointer
    @usableFromInline var index = 0

    @inlinable
    public init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    /// True when only whitespace is left.
    @inlinable
    public mutating func atEnd() -> Bool {
        skipWhitespace()
        return index >= bytes.count
    }

    /// The next significant byte, without consuming it.
    @inlinable @inline(__always)
    public mutating func peek() -> UInt8? {
        skipWhitespace()
        return index < bytes.count ? bytes[index] : nil
    }

    /// Consumes `[`; then call `nextElement` before each element.
    @inlinable
    public mutating func beginArray() throws { try expect(UInt8(ascii: "[")) }

    /// True when another element follows (consuming its comma); false after consuming `]`.
    @inlinable
    public mutating func nextElement(first: inout Bool) throws -> Bool {
        try next(closing: UInt8(ascii: "]"), first: &first)
    }

    /// Consumes `{`; then call `nextKey` for each member.
    @inlinable
    public mutating func beginObject() throws { try expect(UInt8(ascii: "{")) }

    /// The next member's key (consuming it and its colon), or nil after consuming `}`.
    @inlinable @inline(__always)
    public mutating func nextKey(first: inout Bool) throws -> JSONKey? {
        guard try next(closing: UInt8(ascii: "}"), first: &first) else { return nil }
        let key = try withRawString { JSONKey(bytes: $0) }
        try expect(UInt8(ascii: ":"))
        return key
    }

    /// Reads an object, handing each member's key to `read` with the scanner placed on its value;
    /// members `read` does not take (it returns false) are skipped.
    @inlinable
    public static func readObject(_ scanner: inout JSONScanner, _ read: (JSONKey, inout JSONScanner) throws -> Bool) throws {
        try scanner.beginObject()
        var first = true
        while let member = try scanner.nextKey(first: &first) {
            if try !read(member, &scanner) { try scanner.skipValue() }
        }
    }

    /// Consumes `null` if it is next.
    @inlinable @inline(__always)
    public mutating func consumeNull() -> Bool {
        guard peek() == UInt8(ascii: "n"), index + 4 <= bytes.count, bytes[index + 1] == UInt8(ascii: "u") else { return false }
        index += 4
        return true
    }

    /// A string, or nil for null.
    @inlinable
    public mutating func string() throws -> String? {
        if consumeNull() { return nil }
        return try withRawString { String(decoding: $0, as: UTF8.self) }
    }

    /// A string into wiping memory, or nil for null.
    public mutating func secretString() throws -> SecretBytes? {
        if consumeNull() { return nil }
        return try withRawString { SecretBytes(copying: $0) }
    }

    /// An integer, or nil for null. Fractions and exponents are refused.
    @inlinable
    public mutating func int() throws -> Int? {
        if consumeNull() { return nil }
        guard let first = peek() else { throw Self.malformed("missing number") }
        let negative = first == UInt8(ascii: "-")
        if negative { index += 1 }
        var value = 0
        var digits = 0
        while index < bytes.count, (48...57).contains(bytes[index]) {
            let (product, overflow) = value.multipliedReportingOverflow(by: 10)
            guard !overflow else { throw Self.malformed("number too large at byte \(index)") }
            value = product + Int(bytes[index] - 48)
            digits += 1
            index += 1
        }
        guard digits > 0 else { throw Self.malformed("expected a number at byte \(index)") }
        if index < bytes.count, [UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E")].contains(bytes[index]) {
            throw Self.malformed("expected a whole number at byte \(index)")
        }
        return negative ? -value : value
    }

    /// A boolean, or nil for null.
    @inlinable
    public mutating func bool() throws -> Bool? {
        if consumeNull() { return nil }
        if match("true") { return true }
        if match("false") { return false }
        throw Self.malformed("expected true or false at byte \(index)")
    }

    /// Skips any value, including nested objects and arrays.
    @inlinable
    public mutating func skipValue() throws {
        guard let byte = peek() else { throw Self.malformed("missing value") }
        switch byte {
        case UInt8(ascii: "\""):
            try withRawString { _ in }
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            var depth = 0
            repeat {
                guard let next = peek() else { throw Self.malformed("unterminated container") }
                switch next {
                case UInt8(ascii: "\""): try withRawString { _ in }; continue
                case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"): depth -= 1
                default: break
                }
                index += 1
            } while depth > 0
        default:
            let start = index
            while index < bytes.count, !Self.isDelimiter(bytes[index]) { index += 1 }
            guard index > start else { throw Self.malformed("unexpected '\(Character(UnicodeScalar(byte)))' at byte \(start)") }
        }
    }

    // MARK: Internals

    @inlinable @inline(__always)
    mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x0A, 0x0D, 0x09: index += 1
            default: return
            }
        }
    }

    @inlinable @inline(__always)
    mutating func expect(_ byte: UInt8) throws {
        guard peek() == byte else {
            throw Self.malformed("expected '\(Character(UnicodeScalar(byte)))' at byte \(index)")
        }
        index += 1
    }

    @inlinable @inline(__always)
    mutating func next(closing: UInt8, first: inout Bool) throws -> Bool {
        guard let byte = peek() else { throw Self.malformed("unterminated container") }
        if byte == closing {
            index += 1
            return false
        }
        if !first { try expect(UInt8(ascii: ",")) }
        first = false
        return true
    }

    @inlinable
    mutating func match(_ literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard index + count <= bytes.count else { return false }
        let matches = literal.withUTF8Buffer { expected in
            (0..<count).allSatisfy { bytes[index + $0] == expected[$0] }
        }
        if matches { index += count }
        return matches
    }

    /// Reads a string literal and hands its unescaped bytes to `body`. Strings without escapes
    /// are passed in place, with no copy.
    @inlinable @discardableResult
    mutating func withRawString<R>(_ body: (UnsafeRawBufferPointer) throws -> R) throws -> R {
        try expect(UInt8(ascii: "\""))
        guard let base = bytes.baseAddress else { throw Self.malformed("unterminated string") }
        let start = index
        // memchr finds the closing quote many bytes at a time; a backslash before it means escapes.
        guard let quote = memchr(base + start, Int32(UInt8(ascii: "\"")), bytes.count - start) else {
            throw Self.malformed("unterminated string")
        }
        let end = base.distance(to: UnsafeRawPointer(quote))
        if memchr(base + start, Int32(UInt8(ascii: "\\")), end - start) == nil {
            index = end + 1
            return try body(UnsafeRawBufferPointer(start: base + start, count: end - start))
        }
        return try withEscapedString(body)
    }

    @usableFromInline
    mutating func withEscapedString<R>(_ body: (UnsafeRawBufferPointer) throws -> R) throws -> R {
        let decoded = SecretBytes(capacity: 64)
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            switch byte {
            case UInt8(ascii: "\""):
                return try decoded.withUnsafeBytes(body)
            case UInt8(ascii: "\\"):
                try appendEscape(to: decoded)
            default:
                decoded.appendByte(byte)
            }
        }
        throw Self.malformed("unterminated string")
    }

    private mutating func appendEscape(to output: SecretBytes) throws {
        guard index < bytes.count else { throw Self.malformed("unterminated escape") }
        let escape = bytes[index]
        index += 1
        let simple: UInt8? = switch escape {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): escape
        case UInt8(ascii: "b"): 0x08
        case UInt8(ascii: "f"): 0x0C
        case UInt8(ascii: "n"): 0x0A
        case UInt8(ascii: "r"): 0x0D
        case UInt8(ascii: "t"): 0x09
        default: nil
        }
        if let simple { return output.appendByte(simple) }
        guard escape == UInt8(ascii: "u") else { throw Self.malformed("bad escape at byte \(index)") }
        var scalar = try readHex4()
        if (0xD800..<0xDC00).contains(scalar) {
            guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
                throw Self.malformed("bad surrogate pair")
            }
            index += 2
            let low = try readHex4()
            guard (0xDC00..<0xE000).contains(low) else { throw Self.malformed("bad surrogate pair") }
            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
        }
        guard let unicode = Unicode.Scalar(scalar) else { throw Self.malformed("bad \\u escape") }
        UTF8.encode(unicode) { output.appendByte($0) }
    }

    private mutating func readHex4() throws -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard index < bytes.count, let digit = Self.hexValue(bytes[index]) else { throw Self.malformed("bad \\u escape") }
            value = value << 4 | digit
            index += 1
        }
        return value
    }

    private static func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case 48...57: UInt32(byte - 48)
        case 65...70: UInt32(byte - 55)
        case 97...102: UInt32(byte - 87)
        default: nil
        }
    }

    @inlinable
    static func isDelimiter(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: ","), UInt8(ascii: "}"), UInt8(ascii: "]"), 0x20, 0x0A, 0x0D, 0x09: true
        default: false
        }
    }

    @usableFromInline
    static func malformed(_ message: String) -> PAMError {
        PAMError(.malformed, "malformed JSON: \(message)")
    }
}

/// An object key, compared by length and a 64-bit FNV-1a hash of its bytes.
public struct JSONKey: Hashable, Sendable {
    @usableFromInline let length: Int
    @usableFromInline let hash: UInt64

    public init(_ name: StaticString) {
        self = name.withUTF8Buffer { JSONKey(bytes: UnsafeRawBufferPointer($0)) }
    }

    @inlinable
    init(bytes: UnsafeRawBufferPointer) {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        self.length = bytes.count
        self.hash = hash
    }
}
