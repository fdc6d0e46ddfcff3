import PAMCore

/// How an OSC 52 sequence is wrapped for a terminal multiplexer in between.
public enum OSC52Wrapping: String, Sendable, Equatable {
    /// The plain sequence: the terminal itself, or tmux with `set-clipboard on`.
    case none
    /// tmux DCS passthrough (needs `allow-passthrough on`).
    case tmux
    /// GNU screen DCS passthrough, in short chunks.
    case screen
}

/// Builds `ESC ] 52 ; c ; <base64> BEL` in secret memory, wrapped as needed.
public enum OSC52Encoder {
    /// Largest base64 payload sent (the cap k9s uses); terminals drop or truncate longer ones.
    public static let payloadLimit = 74_994
    /// Largest body of one DCS string for GNU screen, whose passthrough breaks on long strings.
    public static let screenChunkLimit = 76

    private static let escape: UInt8 = 0x1b
    private static let bell: UInt8 = 0x07

    /// The full sequence for `secret`; throws when its base64 exceeds `payloadLimit`.
    public static func sequence(for secret: SecretBytes, wrapping: OSC52Wrapping) throws -> SecretBytes {
        let encodedCount = SecretBase64.encodedCount(secret.count)
        guard encodedCount <= payloadLimit else {
            throw PAMError(
                .unsupported,
                "too long for OSC 52: \(encodedCount) bytes of base64, the limit is \(payloadLimit)"
            )
        }
        let plain = SecretBytes(capacity: encodedCount + 16)
        plain.append("\u{1b}]52;c;")
        SecretBase64.append(secret, to: plain)
        plain.appendByte(bell)
        switch wrapping {
        case .none:
            return plain
        case .tmux:
            defer { plain.wipe() }
            return tmuxWrapped(plain)
        case .screen:
            defer { plain.wipe() }
            return screenWrapped(plain)
        }
    }

    /// `ESC P tmux; <sequence with each ESC doubled> ESC \`.
    static func tmuxWrapped(_ plain: SecretBytes) -> SecretBytes {
        let output = SecretBytes(capacity: plain.count + 16)
        output.append("\u{1b}Ptmux;")
        plain.withUnsafeBytes { bytes in
            for byte in bytes {
                if byte == escape { output.appendByte(escape) }
                output.appendByte(byte)
            }
        }
        output.append("\u{1b}\\")
        return output
    }

    /// The sequence cut into pieces of at most `screenChunkLimit` bytes, each in `ESC P … ESC \`;
    /// screen passes each body through, so the terminal sees the pieces joined.
    static func screenWrapped(_ plain: SecretBytes) -> SecretBytes {
        let chunks = (plain.count + screenChunkLimit - 1) / screenChunkLimit
        let output = SecretBytes(capacity: plain.count + chunks * 4)
        plain.withUnsafeBytes { bytes in
            var start = 0
            while start < bytes.count {
                let end = min(start + screenChunkLimit, bytes.count)
                output.append("\u{1b}P")
                output.append(UnsafeRawBufferPointer(rebasing: bytes[start..<end]))
                output.append("\u{1b}\\")
                start = end
            }
        }
        return output
    }
}
