import PAMCore

/// Standard base64 (RFC 4648, with padding) from secret bytes into secret bytes, with no
/// `String` of the secret along the way.
public enum SecretBase64 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    /// The encoded length of `count` input bytes.
    public static func encodedCount(_ count: Int) -> Int {
        (count + 2) / 3 * 4
    }

    /// Appends the base64 of `secret` to `output`.
    public static func append(_ secret: SecretBytes, to output: SecretBytes) {
        secret.withUnsafeBytes { append($0, to: output) }
    }

    /// Appends the base64 of `bytes` to `output`.
    public static func append(_ bytes: UnsafeRawBufferPointer, to output: SecretBytes) {
        var quad: (UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0)
        defer { quad = (0, 0, 0, 0) }
        var index = 0
        while index < bytes.count {
            let remaining = bytes.count - index
            let first = UInt32(bytes[index])
            let second = remaining > 1 ? UInt32(bytes[index + 1]) : 0
            let third = remaining > 2 ? UInt32(bytes[index + 2]) : 0
            let group = first << 16 | second << 8 | third
            quad.0 = alphabet[Int(group >> 18 & 0x3f)]
            quad.1 = alphabet[Int(group >> 12 & 0x3f)]
            quad.2 = remaining > 1 ? alphabet[Int(group >> 6 & 0x3f)] : UInt8(ascii: "=")
            quad.3 = remaining > 2 ? alphabet[Int(group & 0x3f)] : UInt8(ascii: "=")
            withUnsafeBytes(of: &quad) { output.append($0) }
            index += 3
        }
    }

    /// The base64 of `secret` as a new secret.
    public static func encode(_ secret: SecretBytes) -> SecretBytes {
        let output = SecretBytes(capacity: encodedCount(secret.count))
        append(secret, to: output)
        return output
    }
}
