import Crypto
import Foundation
import PAMCore

/// A keyed SHA-256 (HMAC) of copied bytes: enough to tell whether the clipboard still holds our
/// copy, useless for guessing the secret offline because the key never leaves this process.
public struct ClipboardFingerprint: Sendable, Equatable, CustomStringConvertible {
    private let digest: [UInt8]

    init(digest: [UInt8]) {
        self.digest = digest
    }

    /// Compares in constant time.
    public static func == (lhs: Self, rhs: Self) -> Bool {
        guard lhs.digest.count == rhs.digest.count else { return false }
        var difference: UInt8 = 0
        for index in lhs.digest.indices { difference |= lhs.digest[index] ^ rhs.digest[index] }
        return difference == 0
    }

    /// The first four bytes in hex, for logs.
    public var description: String {
        "fingerprint(" + digest.prefix(4).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined() + "…)"
    }
}

/// Makes fingerprints under one random key.
public struct ClipboardFingerprinter: Sendable {
    private let key: SymmetricKey

    /// A fingerprinter with a fresh random key.
    public init() {
        key = SymmetricKey(size: .bits256)
    }

    /// The fingerprint of `secret`, after dropping one trailing newline.
    public func fingerprint(of secret: SecretBytes) -> ClipboardFingerprint {
        secret.withUnsafeBytes { fingerprint(of: $0) }
    }

    /// The fingerprint of `bytes`, after dropping one trailing newline.
    public func fingerprint(of bytes: UnsafeRawBufferPointer) -> ClipboardFingerprint {
        let code = HMAC<SHA256>.authenticationCode(for: Self.withoutTrailingNewline(bytes), using: key)
        return ClipboardFingerprint(digest: Array(code))
    }

    /// `bytes` without one final `\n` (and a `\r` before it): helpers such as `wl-paste` add one.
    public static func withoutTrailingNewline(_ bytes: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer {
        var end = bytes.count
        if end > 0, bytes[end - 1] == UInt8(ascii: "\n") {
            end -= 1
            if end > 0, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        }
        return UnsafeRawBufferPointer(rebasing: bytes[0..<end])
    }
}
