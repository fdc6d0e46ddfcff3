import Foundation
import PAMCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes files and directories with explicit POSIX modes, so that keys are never readable by
/// others, not even for an instant between a write and a later chmod.
enum SecureFile {
    /// Creates `path` (and its parents) if missing; a directory created here gets `mode`.
    static func makeDirectory(_ path: String, mode: mode_t = 0o700) throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw PAMError(.configuration, "\(path) exists and is not a directory")
            }
            return
        }
        do {
            try FileManager.default.createDirectory(
                atPath: path, withIntermediateDirectories: true,
                attributes: [.posixPermissions: NSNumber(value: mode)])
        } catch {
            throw PAMError(.configuration, "cannot create directory \(path): \(error.localizedDescription)")
        }
    }

    /// Replaces the file at `path` with `contents`, created with `mode` from the start.
    static func writeFile(_ contents: String, to path: String, mode: mode_t) throws {
        unlink(path)
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode)
        guard fd >= 0 else {
            throw PAMError(.configuration, "cannot write \(path): \(String(cString: strerror(errno)))")
        }
        defer { close(fd) }
        // The umask may have narrowed the mode; make it exact.
        fchmod(fd, mode)
        let bytes = Array(contents.utf8)
        var written = 0
        while written < bytes.count {
            let result = bytes.withUnsafeBytes { buffer in
                write(fd, buffer.baseAddress.map { $0 + written }, buffer.count - written)
            }
            if result < 0 {
                if errno == EINTR { continue }
                throw PAMError(.configuration, "cannot write \(path): \(String(cString: strerror(errno)))")
            }
            written += result
        }
    }
}
