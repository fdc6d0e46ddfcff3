import Foundation
import TOMLKit

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `$XDG_STATE_HOME/pamtui/history.toml`: one array of strings per field kind, newest first, at
/// most `InputHistory.limit` each; mode 0600, replaced whole by an atomic rename. Secret fields
/// never reach it (`InputHistory.record` refuses them).
public struct InputHistoryFile: Sendable {
    public let path: String

    public init(path: String) { self.path = path }

    /// `$XDG_STATE_HOME/pamtui/history.toml`, else `~/.local/state/pamtui/history.toml`.
    public static func standardPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        let base = environment["XDG_STATE_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (environment["HOME"] ?? NSHomeDirectory()) + "/.local/state"
        return "\(base)/pamtui/history.toml"
    }

    /// The history on file; empty when there is none. A damaged file is an error (and is left
    /// alone until the next save replaces it).
    public func load() throws -> InputHistory {
        guard let data = FileManager.default.contents(atPath: path) else { return InputHistory() }
        guard let text = String(data: data, encoding: .utf8) else { throw HistoryFileError("\(path) is not UTF-8") }
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch {
            throw HistoryFileError("\(path): \(error)")
        }
        var entries: [String: [String]] = [:]
        for (key, value) in table {
            guard let array = value.array else { continue }
            entries[key] = array.compactMap { $0.string }
        }
        return InputHistory(entries: entries)
    }

    /// Writes `history` to a temporary file (0600) beside the real one, syncs it and renames it
    /// over, so a crash leaves the old file or the new one, never half of one.
    public func save(_ history: InputHistory) throws {
        let directory = (path as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let table = TOMLTable()
        for key in history.entries.keys.sorted() {
            table[key] = TOMLArray(history.values(key))
        }
        let text = "# pamtui: recent values of text fields, newest first (no secrets)\n" + table.convert(to: .toml) + "\n"
        let temporary = "\(path).\(getpid()).tmp"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw HistoryFileError("cannot write \(temporary): \(String(cString: strerror(errno)))") }
        var bytes = Array(text.utf8)
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + written, $0.count - written) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else {
                close(fd)
                unlink(temporary)
                throw HistoryFileError("cannot write \(temporary): \(String(cString: strerror(errno)))")
            }
            written += count
        }
        bytes.removeAll()
        // The mode of an existing temporary file is not changed by open.
        fchmod(fd, 0o600)
        fsync(fd)
        close(fd)
        guard rename(temporary, path) == 0 else {
            unlink(temporary)
            throw HistoryFileError("cannot replace \(path): \(String(cString: strerror(errno)))")
        }
    }
}

/// Why the history file could not be read or written (the UI shows it as a notice).
public struct HistoryFileError: Error, Sendable, Equatable, CustomStringConvertible {
    public var description: String
    init(_ description: String) { self.description = description }
}
