import Foundation
import PAMCore

/// Writes to stdout and stderr. Every `String` written here goes through
/// `TerminalText.sanitized(_:keepingLineBreaks:)`, so server, config or user text cannot send
/// escape sequences to the terminal; line breaks the program composes are kept. JSON and
/// secrets are bytes, written with `writeAll` and `writeSecret`, and are not touched.
enum Console {
    static func out(_ text: String) {
        write(text + "\n", to: 1)
    }

    static func err(_ text: String) {
        write(ShellCommand.completing(text) + "\n", to: 2)
    }

    static func warn(_ text: String) {
        err("pamtui: warning: \(text)")
    }

    /// Writes a secret's bytes to stdout, then a newline unless asked not to: as they are, on purpose.
    static func writeSecret(_ secret: SecretBytes, newline: Bool) {
        secret.withUnsafeBytes { writeAll($0, to: 1) }
        if newline { write("\n", to: 1) }
    }

    /// True when stdout is a terminal.
    static var stdoutIsTerminal: Bool { isatty(1) == 1 }

    /// Writes human-readable text, sanitised (line breaks kept).
    static func write(_ text: String, to fd: Int32) {
        var bytes = Array(TerminalText.sanitized(text, keepingLineBreaks: true).utf8)
        bytes.withUnsafeBytes { writeAll($0, to: fd) }
        bytes.removeAll()
    }

    /// Writes bytes as they are (JSON documents, secrets).
    static func writeAll(_ bytes: UnsafeRawBufferPointer, to fd: Int32) {
        FileDescriptor.writeAll(bytes, to: fd)
    }
}
