import Foundation
import PAMCore

#if canImport(Glibc)
import Glibc
#endif

/// A loopback HTTP/1.1 server on plain sockets, scripted request by request, for what a real
/// server will not do on cue: close a kept-alive connection without answering, or send an
/// oversized head or body as fast as the socket takes it. One thread per connection; the threads
/// hold the server, so a test calls `stop()`.
final class RawServer: Sendable {
    struct Request: Sendable {
        /// Accept order, from 0.
        var connection: Int
        /// Order on its connection, from 0.
        var index: Int
        var method: String
        var target: String
        var body: [UInt8]
    }

    enum Reply: Sendable {
        /// Writes the bytes and keeps the connection for the next request.
        case send([UInt8])
        /// Writes the bytes and closes.
        case sendAndClose([UInt8])
        /// Closes without a byte of answer.
        case close
        /// Writes `head`, then `chunk` `times` over, then `tail`, and closes: a large body sent
        /// as fast as the client takes it, without holding it all in memory.
        case stream(head: [UInt8], chunk: [UInt8], times: Int, tail: [UInt8])
    }

    private struct State {
        var accepted = 0
        var requests: [Request] = []
        var open: Set<Int32> = []
        var stopped = false
        var abortedStreams = 0
    }

    let port: Int
    private let listener: Int32
    private let handler: @Sendable (Request) -> Reply
    private let state = Locked(State())

    init(_ handler: @escaping @Sendable (Request) -> Reply) throws {
        // Close-on-exec, here and on accepted sockets: the suite spawns processes all the time, and
        // a child holding a copy keeps a connection open after the server closed it.
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard descriptor >= 0, bound == 0, listen(descriptor, 16) == 0 else {
            throw TestPKIError(message: "raw server socket failed: errno \(errno)")
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        listener = descriptor
        port = Int(UInt16(bigEndian: address.sin_port))
        self.handler = handler
        Thread { [self] in acceptLoop() }.start()
    }

    func url(_ path: String) -> String { "http://127.0.0.1:\(port)\(path)" }

    /// Connections accepted so far.
    var accepted: Int { state.withLock { $0.accepted } }
    /// Requests read so far, in arrival order.
    var requests: [Request] { state.withLock { $0.requests } }
    /// `.stream` replies cut short because the client closed the connection.
    var abortedStreams: Int { state.withLock { $0.abortedStreams } }

    /// Stops accepting and ends every open connection (their threads close them). Idempotent.
    func stop() {
        let open: Set<Int32>? = state.withLock { state in
            guard !state.stopped else { return nil }
            state.stopped = true
            return state.open
        }
        guard let open else { return }
        // shutdown, not close: it wakes the blocked accept and reads without freeing a descriptor
        // number another thread may still use.
        _ = shutdown(listener, Int32(SHUT_RDWR))
        for descriptor in open { _ = shutdown(descriptor, Int32(SHUT_RDWR)) }
    }

    private func acceptLoop() {
        while true {
            let client = accept(listener, nil, nil)
            if client >= 0 { _ = fcntl(client, F_SETFD, FD_CLOEXEC) }
            if client < 0 {
                if errno == EINTR { continue }
                break
            }
            let index: Int? = state.withLock { state in
                guard !state.stopped else { return nil }
                defer { state.accepted += 1 }
                state.open.insert(client)
                return state.accepted
            }
            guard let index else {
                _ = Glibc.close(client)
                break
            }
            Thread { [self] in serve(client, connection: index) }.start()
        }
        _ = Glibc.close(listener)
    }

    private func serve(_ descriptor: Int32, connection: Int) {
        defer {
            state.withLock { _ = $0.open.remove(descriptor) }
            _ = Glibc.close(descriptor)
        }
        var buffer: [UInt8] = []
        var index = 0
        while let request = readRequest(descriptor, &buffer, connection: connection, index: index) {
            state.withLock { $0.requests.append(request) }
            switch handler(request) {
            case .send(let bytes):
                guard writeAll(descriptor, bytes) else { return }
            case .sendAndClose(let bytes):
                _ = writeAll(descriptor, bytes)
                return
            case .close:
                return
            case .stream(let head, let chunk, let times, let tail):
                var complete = writeAll(descriptor, head)
                for _ in 0..<times where complete { complete = writeAll(descriptor, chunk) }
                if complete { complete = writeAll(descriptor, tail) }
                if !complete { state.withLock { $0.abortedStreams += 1 } }
                return
            }
            index += 1
        }
    }

    private func readRequest(_ descriptor: Int32, _ buffer: inout [UInt8], connection: Int, index: Int) -> Request? {
        let separator: [UInt8] = Array("\r\n\r\n".utf8)
        var headEnd: Int?
        while headEnd == nil {
            headEnd = Self.find(separator, in: buffer)
            if headEnd == nil, !readMore(descriptor, &buffer) { return nil }
        }
        guard let headEnd else { return nil }
        let head = String(decoding: buffer[..<headEnd], as: UTF8.self)
        let lines = head.components(separatedBy: "\r\n")
        let requestLine = lines[0].split(separator: " ")
        guard requestLine.count >= 2 else { return nil }
        var length = 0
        for line in lines.dropFirst() {
            let parts = line.split(separator: ":", maxSplits: 1)
            if parts.count == 2, parts[0].lowercased() == "content-length" {
                length = Int(parts[1].trimmingCharacters(in: .whitespaces)) ?? 0
            }
        }
        let bodyStart = headEnd + separator.count
        while buffer.count < bodyStart + length {
            if !readMore(descriptor, &buffer) { return nil }
        }
        let body = Array(buffer[bodyStart..<(bodyStart + length)])
        buffer.removeFirst(bodyStart + length)
        return Request(
            connection: connection, index: index, method: String(requestLine[0]), target: String(requestLine[1]), body: body)
    }

    private func readMore(_ descriptor: Int32, _ buffer: inout [UInt8]) -> Bool {
        var chunk = [UInt8](repeating: 0, count: 16 * 1024)
        while true {
            let count = read(descriptor, &chunk, chunk.count)
            if count > 0 {
                buffer += chunk.prefix(count)
                return true
            }
            if count < 0, errno == EINTR { continue }
            return false
        }
    }

    private func writeAll(_ descriptor: Int32, _ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count, let base = buffer.baseAddress {
                // MSG_NOSIGNAL: a client that hung up must not kill the test process with SIGPIPE.
                let written = Glibc.send(descriptor, base + offset, buffer.count - offset, Int32(MSG_NOSIGNAL))
                if written > 0 {
                    offset += written
                } else if written < 0, errno == EINTR {
                    continue
                } else {
                    return false
                }
            }
            return true
        }
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        for start in 0...(haystack.count - needle.count) where haystack[start..<(start + needle.count)].elementsEqual(needle) {
            return start
        }
        return nil
    }

    /// A kept-alive `200 OK` with a text body.
    static func ok(_ body: String) -> [UInt8] {
        Array("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)".utf8)
    }
}
