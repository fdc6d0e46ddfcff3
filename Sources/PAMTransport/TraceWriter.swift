import Foundation
import PAMCore

#if canImport(Glibc)
import Glibc
#endif

/// Writes one redacted line per exchange to stderr or to a file (append, mode 0600): one per
/// attempt on the wire, as a caller's retry is another `send` and libcurl's own resends are
/// recorded by the transport.
///
/// It only ever sees `HTTPExchange` records, which hold no header, cookie or body, so the trace
/// cannot leak them; libcurl's verbose output is never used. Host and path can come from a
/// server, so the line goes through `TerminalText.sanitized`: no escape reaches the terminal.
public final class TraceWriter: HTTPExchangeObserver {
    private let descriptor: Int32
    private let ownsDescriptor: Bool
    private let lock = PosixLock()

    /// Appends to the file at `path` (created with mode 0600), or writes to stderr when nil.
    public init(path: String?) throws(PAMError) {
        guard let path else {
            descriptor = STDERR_FILENO
            ownsDescriptor = false
            return
        }
        let opened = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard opened >= 0 else {
            throw PAMError(.configuration, "cannot open trace file \(path): \(String(cString: strerror(errno)))")
        }
        // An existing file keeps its mode on open; the trace names hosts and paths, so tighten it.
        _ = fchmod(opened, 0o600)
        descriptor = opened
        ownsDescriptor = true
    }

    /// Writes to a descriptor the caller owns and closes.
    public init(fileDescriptor: Int32) {
        descriptor = fileDescriptor
        ownsDescriptor = false
    }

    deinit {
        if ownsDescriptor { close(descriptor) }
    }

    /// Writes `timestamp exchange.line`, sanitised.
    public func record(_ exchange: HTTPExchange) {
        let stamp = Date.ISO8601FormatStyle(includingFractionalSeconds: true).format(exchange.startedAt)
        // The whole line, not field by field: its own parts hold no control, and a field added to
        // `line` later is covered too.
        let bytes = Array("\(stamp) \(TerminalText.sanitized(exchange.line))\n".utf8)
        lock.withLock {
            bytes.withUnsafeBytes { buffer in
                var offset = 0
                while offset < buffer.count, let base = buffer.baseAddress {
                    let written = write(descriptor, base + offset, buffer.count - offset)
                    if written > 0 {
                        offset += written
                    } else if written < 0 && errno == EINTR {
                        continue
                    } else {
                        // A trace that cannot be written must not fail the request it describes.
                        return
                    }
                }
            }
        }
    }
}
