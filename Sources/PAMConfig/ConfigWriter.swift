import Foundation
import PAMCore

/// Writes a config file (used by `pamtui simulate --write-config`).
public enum ConfigWriter {
    /// One profile to write: its name, vendor, URL and key/value fields.
    public struct Entry: Sendable {
        public var name: String
        public var vendor: VendorID
        public var url: String
        public var fields: [(key: String, value: String)]

        public init(name: String, vendor: VendorID, url: String, fields: [(key: String, value: String)]) {
            self.name = name
            self.vendor = vendor
            self.url = url
            self.fields = fields
        }
    }

    /// TOML text for the entries.
    public static func render(_ entries: [Entry], header: String) -> String {
        var lines = header.split(separator: "\n", omittingEmptySubsequences: false).map { "# \($0)" }
        for entry in entries {
            lines.append("")
            lines.append("[profiles.\(entry.name)]")
            lines.append("vendor = \(quote(entry.vendor.rawValue))")
            lines.append("url = \(quote(entry.url))")
            for field in entry.fields { lines.append("\(field.key) = \(quote(field.value))") }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Writes text to `path` with mode 0600, replacing the file atomically.
    public static func write(_ text: String, to path: String) throws {
        let temporary = path + ".tmp-\(getpid())"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard fd >= 0 else { throw PAMError(.configuration, "cannot write \(path): \(String(cString: strerror(errno)))") }
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
        close(fd)
        guard written == bytes.count, rename(temporary, path) == 0 else {
            unlink(temporary)
            throw PAMError(.configuration, "cannot write \(path): \(String(cString: strerror(errno)))")
        }
    }

    /// A TOML basic string.
    static func quote(_ value: String) -> String {
        var escaped = ""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": escaped += "\\\""
            case "\\": escaped += "\\\\"
            case "\n": escaped += "\\n"
            case "\t": escaped += "\\t"
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return "\"\(escaped)\""
    }
}
