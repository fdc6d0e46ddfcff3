import Foundation
import PAMCore

/// Where a secret value comes from. Resolved only when the profile is used.
public enum SecretSource: Sendable, CustomStringConvertible {
    /// The name of an environment variable.
    case environment(String)
    /// A `/bin/sh` command whose stdout is the value (one trailing newline removed).
    case command(String)
    /// Written in the config file itself.
    case inline(SecretBytes)

    /// Reads the value. Errors name the config key but never contain the value.
    public func resolve(key: String) throws -> SecretBytes {
        switch self {
        case .environment(let name):
            guard let pointer = getenv(name) else {
                throw PAMError(.configuration, "\(key)_env: environment variable \(name) is not set")
            }
            let value = SecretBytes(copying: UnsafeRawBufferPointer(start: pointer, count: strlen(pointer)))
            guard !value.isEmpty else {
                throw PAMError(.configuration, "\(key)_env: environment variable \(name) is empty")
            }
            return value
        case .command(let command):
            let outcome = try ChildProcess.shell(command)
            guard outcome.status == 0 else {
                throw PAMError(.configuration, "\(key)_command exited with status \(outcome.status)")
            }
            let value = Self.trimmingFinalNewline(outcome.output)
            guard !value.isEmpty else { throw PAMError(.configuration, "\(key)_command printed nothing") }
            return value
        case .inline(let secret):
            return secret
        }
    }

    /// How the value is sourced, without the value.
    public var description: String {
        switch self {
        case .environment(let name): "environment variable \(name)"
        case .command: "command"
        case .inline: "inline value"
        }
    }

    private static func trimmingFinalNewline(_ secret: SecretBytes) -> SecretBytes {
        secret.withUnsafeBytes { bytes in
            var end = bytes.count
            if end > 0 && bytes[end - 1] == 0x0A { end -= 1 }
            if end > 0 && bytes[end - 1] == 0x0D { end -= 1 }
            return SecretBytes(copying: UnsafeRawBufferPointer(rebasing: bytes[0..<end]))
        }
    }
}
