/// Building secrets (headers, form bodies) from plain pieces and other secrets.
extension SecretBytes {
    /// Appends the UTF-8 of non-secret text.
    public func append(_ text: String) {
        var bytes = Array(text.utf8)
        bytes.withUnsafeBytes { append($0) }
        Self.wipe(&bytes)
    }

    /// Appends one byte.
    public func appendByte(_ byte: UInt8) {
        Swift.withUnsafeBytes(of: byte) { append($0) }
    }

    /// Appends the percent-encoded form of another secret.
    public func appendPercentEncoded(_ other: SecretBytes) {
        other.withUnsafeBytes { source in
            PercentEncoding.forEachEncodedByte(of: source) { appendByte($0) }
        }
    }

    /// A new secret made of `pieces` in order.
    public static func joined(_ pieces: [SecretPiece]) -> SecretBytes {
        let result = SecretBytes(capacity: 128)
        for piece in pieces {
            switch piece {
            case .text(let text): result.append(text)
            case .secret(let secret): result.append(secret)
            case .percentEncoded(let secret): result.appendPercentEncoded(secret)
            }
        }
        return result
    }
}

/// A part of a composed secret.
public enum SecretPiece: Sendable {
    case text(String)
    case secret(SecretBytes)
    case percentEncoded(SecretBytes)
}
