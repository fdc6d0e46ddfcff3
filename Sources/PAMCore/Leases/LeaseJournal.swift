import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The lease journal, `$XDG_STATE_HOME/pamtui/leases.jsonl` (mode 0600): one JSON line per
/// step of a check-out, appended under an exclusive `flock` and synced before the request is
/// sent, so a crash, a signal or a lost answer never makes pamtui forget a request it may hold.
/// Several pamtui processes may share it.
public final class LeaseJournal: Sendable {
    public let path: String
    /// Past this size an append rewrites the file with only the records that may still be open.
    private let compactAbove: Int

    public init(path: String, compactAbove: Int = 256 << 10) {
        self.path = path
        self.compactAbove = compactAbove
    }

    /// `$XDG_STATE_HOME/pamtui/leases.jsonl`, else `~/.local/state/pamtui/leases.jsonl`.
    public static func standardPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        let base = environment["XDG_STATE_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (environment["HOME"] ?? NSHomeDirectory()) + "/.local/state"
        return "\(base)/pamtui/leases.jsonl"
    }

    /// Appends `record` and syncs it to disk.
    public func append(_ record: LeaseRecord) throws {
        try withLockedFile(exclusive: true) { fd in
            // A line torn by a crash must not swallow this one.
            let line = (Self.endsMidLine(fd) ? [UInt8(ascii: "\n")] : []) + record.line
            try line.withUnsafeBytes { try Self.write($0, to: fd, path: path) }
            guard fsync(fd) == 0 else { throw failure("cannot sync") }
            var status = stat()
            if fstat(fd, &status) == 0, Int(status.st_size) > compactAbove { try rewrite(fd) }
        }
    }

    /// The latest record of every check-out on file, oldest first (closed ones included).
    public func records() throws -> [LeaseRecord] {
        guard FileManager.default.fileExists(atPath: path) else { return [] }
        return try withLockedFile(exclusive: false) { fd in Self.latest(try read(fd)) }
    }

    /// The records that may still hold a request at the server.
    public func openRecords() throws -> [LeaseRecord] { try records().filter(\.mayBeOpen) }

    /// The latest record for each token, in the order the tokens first appeared. Lines that do
    /// not parse (a write torn by a crash) are skipped.
    static func latest(_ bytes: [UInt8]) -> [LeaseRecord] {
        var order: [String] = []
        var byToken: [String: LeaseRecord] = [:]
        for line in bytes.split(separator: UInt8(ascii: "\n")) {
            guard let record = LeaseRecord(line: line) else { continue }
            if byToken[record.token] == nil { order.append(record.token) }
            byToken[record.token] = record
        }
        return order.compactMap { byToken[$0] }
    }

    private func withLockedFile<R>(exclusive: Bool, _ body: (Int32) throws -> R) throws -> R {
        let directory = (path as NSString).deletingLastPathComponent
        if exclusive, !FileManager.default.fileExists(atPath: directory) {
            do {
                try FileManager.default.createDirectory(
                    atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            } catch {
                throw failure("cannot create \(directory)")
            }
        }
        let flags = exclusive ? (O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC) : (O_RDONLY | O_CLOEXEC)
        while true {
            let fd = open(path, flags, 0o600)
            guard fd >= 0 else { throw failure("cannot open") }
            defer { close(fd) }
            // The file holds no secret, but which accounts an operator uses is nobody else's business.
            if exclusive { fchmod(fd, 0o600) }
            guard flock(fd, exclusive ? LOCK_EX : LOCK_SH) == 0 else { throw failure("cannot lock") }
            defer { flock(fd, LOCK_UN) }
            // Another process may have compacted the journal while this one waited for the lock:
            // the file it opened is then no longer the journal, so it opens the new one.
            guard isStillTheJournal(fd) else { continue }
            return try body(fd)
        }
    }

    private func isStillTheJournal(_ fd: Int32) -> Bool {
        var opened = stat()
        var current = stat()
        guard fstat(fd, &opened) == 0, stat(path, &current) == 0 else { return false }
        return opened.st_ino == current.st_ino && opened.st_dev == current.st_dev
    }

    private static func endsMidLine(_ fd: Int32) -> Bool {
        var status = stat()
        guard fstat(fd, &status) == 0, status.st_size > 0 else { return false }
        var last: UInt8 = 0
        return pread(fd, &last, 1, status.st_size - 1) == 1 && last != UInt8(ascii: "\n")
    }

    private func read(_ fd: Int32) throws -> [UInt8] {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 << 10)
        guard lseek(fd, 0, SEEK_SET) == 0 else { throw failure("cannot read") }
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count >= 0 else { throw failure("cannot read") }
            if count == 0 { return bytes }
            bytes += chunk[0..<count]
        }
    }

    /// Keeps only what may still be open, through a temporary file renamed over the journal.
    /// The lock stays with the old inode, so this runs while holding it and others re-open after.
    private func rewrite(_ fd: Int32) throws {
        let kept = Self.latest(try read(fd)).filter(\.mayBeOpen)
        let temporary = path + ".tmp"
        let out = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard out >= 0 else { throw failure("cannot compact") }
        defer { close(out) }
        let bytes = kept.flatMap(\.line)
        try bytes.withUnsafeBytes { try Self.write($0, to: out, path: temporary) }
        guard fsync(out) == 0, rename(temporary, path) == 0 else { throw failure("cannot compact") }
    }

    private static func write(_ bytes: UnsafeRawBufferPointer, to fd: Int32, path: String) throws {
        var offset = 0
        while offset < bytes.count {
            let written = Glibc.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0, errno == EINTR { continue }
            guard written > 0 else {
                throw PAMError(.configuration, "cannot write the lease journal \(path): \(String(cString: strerror(errno)))")
            }
            offset += written
        }
    }

    private func failure(_ what: String) -> PAMError {
        PAMError(.configuration, "\(what) the lease journal \(path): \(String(cString: strerror(errno)))")
    }
}
