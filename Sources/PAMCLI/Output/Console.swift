import Foundation
import PAMCore

/// Writes to stdout and stderr; secrets go straight from their buffer to the descriptor.
enum Console {
    static func out(_ text: String) {
        write(text + "\n", to: 1)
    }

    static func err(_ text: String) {
        write(text + "\n", to: 2)
    }

    static func warn(_ text: String) {
        err("pamtui: warning: \(text)")
    }

    /// Writes a secret's bytes to stdout, then a newline unless asked not to.
    static func writeSecret(_ secret: SecretBytes, newline: Bool) {
        secret.withUnsafeBytes { writeAll($0, to: 1) }
        if newline { write("\n", to: 1) }
    }

    /// True when stdout is a terminal.
    static var stdoutIsTerminal: Bool { isatty(1) == 1 }

    static func write(_ text: String, to fd: Int32) {
        var bytes = Array(text.utf8)
        bytes.withUnsafeBytes { writeAll($0, to: fd) }
        bytes.removeAll()
    }

    static func writeAll(_ bytes: UnsafeRawBufferPointer, to fd: Int32) {
        FileDescriptor.writeAll(bytes, to: fd)
    }
}
