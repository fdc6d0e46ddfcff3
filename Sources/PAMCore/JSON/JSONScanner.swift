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
        let key = try withRawString(plain: true) { JSONKey(bytes: $0) }
        try expect(UInt8(ascii: ":"))
        return key
    }

    /// Reads an object, handing each member's key to `read` with the scanner placed on its value;
    /// members `read` does not take (it returns false) are skipped.
    @inlinable @inline(__always)
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
        peek() == UInt8(ascii: "n") && match("null")
    }

    /// A string, or nil for null.
    @inlinable
    public mutating func string() throws -> String? {
        if consumeNull() { return nil }
        return try withRawString(plain: true) { String(decoding: $0, as: UTF8.self) }
    }

    /// A string into wiping memory, or nil for null.
    public mutating func secretString() throws -> SecretBytes? {
        if consumeNull() { return nil }
        return try withRawString { SecretBytes(copying: $0) }
    }

    /// An integer, or nil for null. Fractions, exponents, leading zeros and numbers outside
    /// `Int.min...Int.max` are refused.
    @inlinable
    public mutating func int() throws -> Int? {
        if consumeNull() { return nil }
        guard let first = peek() else { throw Self.malformed("missing number") }
        let start = index
        let negative = first == UInt8(ascii: "-")
        if negative { index += 1 }
        // Accumulated as a negative number, whose range reaches Int.min.
        var value = 0
        var digits = 0
        while index < bytes.count, (48...57).contains(bytes[index]) {
            let (product, overflow) = value.multipliedReportingOverflow(by: 10)
            let (sum, underflow) = product.subtractingReportingOverflow(Int(bytes[index] - 48))
            guard !overflow, !underflow else { throw Self.malformed("number out of range at byte \(start)") }
            value = sum
            digits += 1
            index += 1
        }
        guard digits > 0 else { throw Self.malformed("expected a number at byte \(index)") }
        guard digits == 1 || bytes[index - digits] != UInt8(ascii: "0") else {
            throw Self.malformed("leading zero in number at byte \(start)")
        }
        if index < bytes.count, [UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E")].contains(bytes[index]) {
            throw Self.malformed("expected a whole number at byte \(index)")
        }
        if negative { return value }
        guard value != .min else { throw Self.malformed("number out of range at byte \(start)") }
        return -value
    }

    /// A boolean, or nil for null.
    @inlinable
    public mutating func bool() throws -> Bool? {
        if consumeNull() { return nil }
        if match("true") { return true }
        if match("false") { return false }
        throw Self.malformed("expected true or false at byte \(index)")
    }

    /// Skips any value, including nested objects and arrays, checking that it is well-formed.
    /// Iterative, so nesting depth is bounded only by memory (one bit per level), never by the stack.
    public mutating func skipValue() throws {
        var open = ContainerStack()
        while true {
            // A value is expected here.
            guard let byte = peek() else { throw Self.malformed("missing value at byte \(index)") }
            switch byte {
            case UInt8(ascii: "{"):
                index += 1
                if peek() == UInt8(ascii: "}") {
                    index += 1
                } else {
                    open.push(object: true)
                    try skipMemberKey()
                    continue
                }
            case UInt8(ascii: "["):
                index += 1
                if peek() == UInt8(ascii: "]") {
                    index += 1
                } else {
                    open.push(object: false)
                    continue
                }
            case UInt8(ascii: "\""):
                try skipString()
            case UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "n"):
                guard match("true") || match("false") || match("null") else {
                    throw Self.malformed("unexpected '\(Character(UnicodeScalar(byte)))' at byte \(index)")
                }
            case UInt8(ascii: "-"), 48...57:
                try skipNumber()
            default:
                throw Self.malformed("unexpected '\(Character(UnicodeScalar(byte)))' at byte \(index)")
            }
            // A value has ended: close the containers it ends, then go on to the next element.
            while let inObject = open.top {
                let closing = inObject ? UInt8(ascii: "}") : UInt8(ascii: "]")
                guard let next = peek() else { throw Self.malformed("unterminated container") }
                if next == closing {
                    index += 1
                    open.pop()
                } else if next == UInt8(ascii: ",") {
                    index += 1
                    if inObject { try skipMemberKey() }
                    break
                } else {
                    throw Self.malformed("expected ',' or '\(Character(UnicodeScalar(closing)))' at byte \(index)")
                }
            }
            if open.isEmpty { return }
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

    /// A member's key and its colon, unread.
    mutating func skipMemberKey() throws {
        guard peek() == UInt8(ascii: "\"") else { throw Self.malformed("expected a key at byte \(index)") }
        try skipString()
        try expect(UInt8(ascii: ":"))
    }

    /// A string literal, with its escapes checked but not decoded (nothing is allocated).
    mutating func skipString() throws {
        try expect(UInt8(ascii: "\""))
        if let base = bytes.baseAddress, let quote = memchr(base + index, Int32(UInt8(ascii: "\"")), bytes.count - index) {
            let end = base.distance(to: UnsafeRawPointer(quote))
            if memchr(base + index, Int32(UInt8(ascii: "\\")), end - index) == nil {
                index = end + 1
                return
            }
        }
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if byte == UInt8(ascii: "\"") { return }
            if byte == UInt8(ascii: "\\") { try appendEscape { _ in } }
        }
        throw Self.malformed("unterminated string")
    }

    /// A number by the JSON grammar: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
    mutating func skipNumber() throws {
        let start = index
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") { index += 1 }
        let integer = skipDigits()
        guard integer > 0 else { throw Self.malformed("expected a number at byte \(start)") }
        guard integer == 1 || bytes[index - integer] != UInt8(ascii: "0") else {
            throw Self.malformed("leading zero in number at byte \(start)")
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard skipDigits() > 0 else { throw Self.malformed("expected digits after '.' at byte \(index)") }
        }
        if index < bytes.count, bytes[index] | 0x20 == UInt8(ascii: "e") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard skipDigits() > 0 else { throw Self.malformed("expected an exponent at byte \(index)") }
        }
    }

    private mutating func skipDigits() -> Int {
        let start = index
        while index < bytes.count, (48...57).contains(bytes[index]) { index += 1 }
        return index - start
    }

    /// Reads a string literal and hands its unescaped bytes to `body`. Strings without escapes
    /// are passed in place, with no copy.
    @inlinable @discardableResult
    /// The string's bytes, unescaped. Escaped text is decoded into wiping memory unless `plain`
    /// says it is no secret (a key, a name): locking a buffer per string costs two system calls,
    /// which dominated listing 100,000 secrets whose paths hold backslashes.
    mutating func withRawString<R>(plain: Bool = false, _ body: (UnsafeRawBufferPointer) throws -> R) throws -> R {
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
        if plain {
            var decoded: [UInt8] = []
            decoded.reserveCapacity(end - start)
            try unescape { decoded.append($0) }
            return try decoded.withUnsafeBytes(body)
        }
        let decoded = SecretBytes(capacity: 64)
        try unescape { decoded.appendByte($0) }
        return try decoded.withUnsafeBytes(body)
    }

    /// Decodes the rest of a string up to its closing quote, byte by byte into `output`.
    @usableFromInline
    mutating func unescape(into output: (UInt8) -> Void) throws {
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            switch byte {
            case UInt8(ascii: "\""):
                return
            case UInt8(ascii: "\\"):
                try appendEscape(to: output)
            default:
                output(byte)
            }
        }
        throw Self.malformed("unterminated string")
    }

    /// Decodes the escape after a backslash into `output` (which drops the bytes when only
    /// checking). Lone or mismatched UTF-16 surrogates are refused.
    private mutating func appendEscape(to output: (UInt8) -> Void) throws {
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
        if let simple {
            output(simple)
            return
        }
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
        UTF8.encode(unicode) { output($0) }
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

    @usableFromInline
    static func malformed(_ message: String) -> PAMError {
        PAMError(.malformed, "malformed JSON: \(message)")
    }
}

/// Which containers `skipValue` is inside: one bit a level (set for an object), the first 64
/// levels inline and deeper ones in an array, so skipping allocates nothing for ordinary JSON.
struct ContainerStack {
    private var depth = 0
    private var inline: UInt64 = 0
    private var spilled: [UInt64] = []

    var isEmpty: Bool { depth == 0 }

    /// True for an object, false for an array, nil when no container is open.
    var top: Bool? {
        guard depth > 0 else { return nil }
        let level = depth - 1
        let word = level < 64 ? inline : spilled[(level - 64) / 64]
        return word & (1 << UInt64(level % 64)) != 0
    }

    mutating func push(object: Bool) {
        let level = depth
        depth += 1
        let bit: UInt64 = 1 << UInt64(level % 64)
        if level < 64 {
            if object { inline |= bit } else { inline &= ~bit }
            return
        }
        let word = (level - 64) / 64
        if word == spilled.count { spilled.append(0) }
        if object { spilled[word] |= bit } else { spilled[word] &= ~bit }
    }

    mutating func pop() { depth -= 1 }
}

/// An object key, compared by its exact bytes (it once compared only a length and a 64-bit hash,
/// so two keys that collided read each other's fields). The first 32 bytes are held inline: two
/// keys nearly always differ in their length or first 8 bytes, so rejecting one takes two integer
/// compares, as fast as a hash and exact. Only keys longer than 32 bytes allocate, for the rest.
public struct JSONKey: Hashable, Sendable {
    @usableFromInline let length: Int
    /// Bytes 0..<32, zero-padded (the length tells padding from NUL bytes).
    @usableFromInline let head: (UInt64, UInt64, UInt64, UInt64)
    /// Bytes from 32 on; nil for keys of up to 32 bytes.
    @usableFromInline let tail: [UInt8]?

    @inlinable static var inlineCount: Int { 32 }

    public init(_ name: StaticString) {
        self = name.withUTF8Buffer { JSONKey(bytes: UnsafeRawBufferPointer($0)) }
    }

    /// A key with these UTF-8 bytes (as they read once unescaped).
    @inlinable @inline(__always)
    public init(bytes: UnsafeRawBufferPointer) {
        var head: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        let inlined = Swift.min(bytes.count, Self.inlineCount)
        if inlined > 0, let source = bytes.baseAddress {
            withUnsafeMutableBytes(of: &head) { $0.baseAddress?.copyMemory(from: source, byteCount: inlined) }
        }
        self.length = bytes.count
        self.head = head
        self.tail = bytes.count > Self.inlineCount ? Array(bytes[Self.inlineCount...]) : nil
    }

    @inlinable @inline(__always)
    public static func == (lhs: JSONKey, rhs: JSONKey) -> Bool {
        lhs.length == rhs.length && lhs.head.0 == rhs.head.0 && lhs.head.1 == rhs.head.1
            && lhs.head.2 == rhs.head.2 && lhs.head.3 == rhs.head.3
            && (lhs.length <= inlineCount || lhs.tail == rhs.tail)
    }

    @inlinable
    public func hash(into hasher: inout Hasher) {
        hasher.combine(length)
        hasher.combine(head.0)
        hasher.combine(head.1)
        hasher.combine(head.2)
        hasher.combine(head.3)
        if let tail { hasher.combine(tail) }
    }
}
