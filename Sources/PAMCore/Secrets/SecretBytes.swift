#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Bytes of a password, key, token or other secret: kept out of swap where the system allows,
/// wiped when released, and never printed.
///
/// It is a class so that the one copy is shared, not duplicated by value semantics.
/// It deliberately does not conform to `Codable`, `Hashable` or `CustomStringConvertible` in a way
/// that could leak its contents.
public final class SecretBytes: @unchecked Sendable {
    private var storage: UnsafeMutableRawBufferPointer
    private var locked: Bool
    private let lock = PosixLock()
    /// Number of secret bytes held.
    public private(set) var count: Int

    /// Above this size, memory is not locked: `RLIMIT_MEMLOCK` is small on most systems and large
    /// buffers are bulk responses rather than single credentials.
    static let lockLimit = 64 * 1024

    /// An empty secret with room for `capacity` bytes.
    public init(capacity: Int = 0) {
        storage = Self.allocate(max(capacity, 16))
        locked = Self.lockIfSmall(storage)
        count = 0
    }

    /// Copies `bytes` into a new secret. The caller should wipe its own copy.
    public convenience init(copying bytes: UnsafeRawBufferPointer) {
        self.init(capacity: bytes.count)
        append(bytes)
    }

    /// Copies `bytes` and wipes the caller's array in place.
    public convenience init(consuming bytes: inout [UInt8]) {
        self.init(capacity: bytes.count)
        bytes.withUnsafeBytes { append($0) }
        Self.wipe(&bytes)
    }

    /// Copies the UTF-8 of a string. Strings cannot be wiped, so use this only where the value
    /// already arrived as a `String` (an inline config value, a test literal).
    public convenience init(utf8 string: String) {
        var bytes = Array(string.utf8)
        self.init(consuming: &bytes)
    }

    deinit {
        Self.release(storage, written: count, locked: locked)
    }

    /// Appends bytes, growing the storage; the old storage is wiped before it is freed.
    public func append(_ bytes: UnsafeRawBufferPointer) {
        guard !bytes.isEmpty, let source = bytes.baseAddress else { return }
        lock.withLock {
            if count + bytes.count > storage.count {
                let grown = Self.allocate(max(storage.count * 2, count + bytes.count))
                if count > 0, let old = storage.baseAddress, let new = grown.baseAddress {
                    new.copyMemory(from: old, byteCount: count)
                }
                Self.release(storage, written: count, locked: locked)
                storage = grown
                locked = Self.lockIfSmall(grown)
            }
            if let base = storage.baseAddress {
                (base + count).copyMemory(from: source, byteCount: bytes.count)
            }
            count += bytes.count
        }
    }

    /// Appends the bytes of another secret.
    public func append(_ other: SecretBytes) {
        other.withUnsafeBytes { append($0) }
    }

    /// Gives read access to the secret bytes for the duration of `body`.
    public func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try lock.withLock {
            try body(UnsafeRawBufferPointer(rebasing: storage[0..<count]))
        }
    }

    /// Zeroes the bytes and empties the secret.
    public func wipe() {
        lock.withLock {
            if let base = storage.baseAddress { explicit_bzero(base, count) }
            count = 0
        }
    }

    /// True when no bytes are held.
    public var isEmpty: Bool { count == 0 }

    /// Constant-time comparison of contents.
    public func constantTimeEquals(_ other: SecretBytes) -> Bool {
        withUnsafeBytes { mine in
            other.withUnsafeBytes { theirs in
                guard mine.count == theirs.count else { return false }
                var difference: UInt8 = 0
                for index in 0..<mine.count { difference |= mine[index] ^ theirs[index] }
                return difference == 0
            }
        }
    }

    /// A copy that can be released independently.
    public func copy() -> SecretBytes {
        withUnsafeBytes { SecretBytes(copying: $0) }
    }

    /// The bytes as a `String`, for the rare edges that require one (a form field handed to
    /// libcurl, a test). Prefer `withUnsafeBytes`.
    public func unsafeStringCopy() -> String {
        withUnsafeBytes { String(decoding: $0, as: UTF8.self) }
    }

    /// Zeroes an array's bytes in place.
    public static func wipe(_ bytes: inout [UInt8]) {
        bytes.withUnsafeMutableBytes { buffer in
            if let base = buffer.baseAddress { explicit_bzero(base, buffer.count) }
        }
    }

    // Only the first `count` bytes ever hold data, so only they are wiped; not zero-filling the
    // rest avoids touching every page of a large response twice.
    private static func allocate(_ count: Int) -> UnsafeMutableRawBufferPointer {
        UnsafeMutableRawBufferPointer.allocate(byteCount: count, alignment: 16)
    }

    private static func lockIfSmall(_ buffer: UnsafeMutableRawBufferPointer) -> Bool {
        guard buffer.count <= lockLimit, let base = buffer.baseAddress else { return false }
        return mlock(base, buffer.count) == 0
    }

    private static func release(_ buffer: UnsafeMutableRawBufferPointer, written: Int, locked: Bool) {
        guard let base = buffer.baseAddress else { return }
        explicit_bzero(base, written)
        if locked { munlock(base, buffer.count) }
        buffer.deallocate()
    }
}

extension SecretBytes: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public var description: String { "SecretBytes(redacted, \(count) bytes)" }
    public var debugDescription: String { description }
    public var customMirror: Mirror { Mirror(self, children: [:]) }
}
