import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads key material and other secret files straight into wiping memory.
public enum SecretFile {
    /// Largest file read as a secret.
    public static let limit = 4 << 20

    /// Writes `value` to a new file of mode 0600; `replacing` truncates one that exists (and
    /// makes it 0600 too). Errors name the file, never the content.
    public static func write(_ value: SecretBytes, to path: String, replacing: Bool) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_CLOEXEC | (replacing ? O_TRUNC : O_EXCL), 0o600)
        guard fd >= 0 else {
            let reason = errno == EEXIST ? "it exists (use --force)" : String(cString: strerror(errno))
            throw PAMError(.usage, "cannot write \(path): \(reason)")
        }
        defer { close(fd) }
        guard fchmod(fd, 0o600) == 0 else { throw PAMError(.usage, "cannot write \(path): \(String(cString: strerror(errno)))") }
        value.withUnsafeBytes { FileDescriptor.writeAll($0, to: fd) }
    }

    /// The file's bytes; errors name the file, never its content.
    public static func read(_ path: String) throws -> SecretBytes {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            throw PAMError(.configuration, "cannot read \(path): \(String(cString: strerror(errno)))")
        }
        defer { close(fd) }
        let result = SecretBytes(capacity: 4096)
        var chunk = [UInt8](repeating: 0, count: 4096)
        defer { SecretBytes.wipe(&chunk) }
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count >= 0 else {
                throw PAMError(.configuration, "cannot read \(path): \(String(cString: strerror(errno)))")
            }
            if count == 0 { return result }
            chunk.withUnsafeBytes { result.append(UnsafeRawBufferPointer(rebasing: $0[0..<count])) }
            guard result.count <= limit else { throw PAMError(.configuration, "\(path) is larger than \(limit) bytes") }
        }
    }
}
