import Foundation

/// A hostile server for the real binary: a forwarding HTTP proxy (set as the profile's `proxy`)
/// in front of a plain-HTTP `pamtui simulate` that rewrites response bodies on the way back, so
/// names and secrets can carry escape sequences the simulator never serves.
final class HostileProxy: @unchecked Sendable {
    /// Rewrites the body of the response to a request for `path` (query included); nil keeps it.
    typealias Rewrite = @Sendable (_ path: String, _ body: [UInt8]) -> [UInt8]?

    let port: UInt16
    private let listener: Int32
    private let upstreamPort: UInt16
    private let rewrite: Rewrite

    var url: String { "http://127.0.0.1:\(port)" }

    /// Listens on an ephemeral loopback port and forwards to the simulator at `upstreamPort`.
    init(upstreamPort: UInt16, rewrite: @escaping Rewrite) throws {
        self.upstreamPort = upstreamPort
        self.rewrite = rewrite
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        var address = Self.loopback(port: 0)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard fd >= 0, bound == 0, listen(fd, 16) == 0 else {
            if fd >= 0 { close(fd) }
            throw ProxyError("cannot listen: errno \(errno)")
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        listener = fd
        port = UInt16(bigEndian: address.sin_port)
        let thread = Thread { [self] in acceptLoop() }
        thread.start()
    }

    /// Stops accepting; connections in flight finish on their own.
    func stop() {
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
    }

    private func acceptLoop() {
        while true {
            let client = accept(listener, nil, nil)
            if client >= 0 { _ = fcntl(client, F_SETFD, FD_CLOEXEC) }
            if client < 0 {
                if errno == EINTR { continue }
                return
            }
            Thread { [self] in
                serve(client)
                close(client)
            }.start()
        }
    }

    /// One request per connection: forwarded with `Connection: close`, answered, closed.
    private func serve(_ client: Int32) {
        guard let request = Self.readMessage(client, untilClose: false) else { return }
        let lines = String(decoding: request.head, as: UTF8.self).components(separatedBy: "\r\n")
        let requestLine = lines[0].split(separator: " ", maxSplits: 2).map(String.init)
        guard requestLine.count == 3 else { return }
        // Absolute form (through a proxy) to origin form.
        var target = requestLine[1]
        if let url = URLComponents(string: target), url.scheme != nil {
            target = url.percentEncodedPath + (url.percentEncodedQuery.map { "?\($0)" } ?? "")
        }
        var head = "\(requestLine[0]) \(target) HTTP/1.1\r\n"
        for line in lines.dropFirst() where !line.isEmpty {
            let name = line.prefix { $0 != ":" }.lowercased()
            if ["connection", "proxy-connection", "keep-alive"].contains(name) { continue }
            head += line + "\r\n"
        }
        head += "Connection: close\r\n\r\n"

        let upstream = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        defer { close(upstream) }
        var address = Self.loopback(port: upstreamPort)
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(upstream, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0, LoopbackSocket.writeAll(upstream, Array(head.utf8) + request.body),
              let response = Self.readMessage(upstream, untilClose: true)
        else { return }

        var body = response.body
        var responseHead = String(decoding: response.head, as: UTF8.self).components(separatedBy: "\r\n").filter { !$0.isEmpty }
        if let rewritten = rewrite(target, body) { body = rewritten }
        responseHead = responseHead.filter { line in
            let name = line.prefix { $0 != ":" }.lowercased()
            return !["content-length", "transfer-encoding", "connection"].contains(name)
        }
        let answer = responseHead.joined(separator: "\r\n") + "\r\nContent-Length: \(body.count)\r\nConnection: close\r\n\r\n"
        _ = LoopbackSocket.writeAll(client, Array(answer.utf8) + body)
    }

    private struct Message {
        var head: [UInt8]
        var body: [UInt8]
    }

    /// Reads a head and its body: `Content-Length` bytes, a chunked body (decoded), or, for a
    /// response without either, everything up to the close.
    private static func readMessage(_ fd: Int32, untilClose: Bool) -> Message? {
        var buffer: [UInt8] = []
        var separator: Range<Int>?
        while separator == nil {
            guard let chunk = LoopbackSocket.readSome(fd) else { return nil }
            buffer += chunk
            separator = buffer.firstRange(of: Array("\r\n\r\n".utf8))
        }
        let head = Array(buffer[..<separator!.lowerBound])
        var body = Array(buffer[separator!.upperBound...])
        let headers = String(decoding: head, as: UTF8.self).lowercased()
        if let length = headers.components(separatedBy: "\r\n").first(where: { $0.hasPrefix("content-length:") })
            .flatMap({ Int($0.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) }) {
            while body.count < length {
                guard let chunk = LoopbackSocket.readSome(fd) else { return nil }
                body += chunk
            }
            return Message(head: head, body: Array(body.prefix(length)))
        }
        if headers.contains("transfer-encoding: chunked") || untilClose {
            while let chunk = LoopbackSocket.readSome(fd) { body += chunk }
            return Message(head: head, body: headers.contains("transfer-encoding: chunked") ? dechunked(body) : body)
        }
        return Message(head: head, body: body)
    }

    private static func dechunked(_ bytes: [UInt8]) -> [UInt8] {
        var result: [UInt8] = []
        var index = 0
        while let lineEnd = bytes[index...].firstRange(of: Array("\r\n".utf8)) {
            let sizeText = String(decoding: bytes[index..<lineEnd.lowerBound], as: UTF8.self).split(separator: ";").first ?? ""
            guard let size = Int(sizeText.trimmingCharacters(in: .whitespaces), radix: 16), size > 0,
                  lineEnd.upperBound + size <= bytes.count
            else { break }
            result += bytes[lineEnd.upperBound..<(lineEnd.upperBound + size)]
            index = lineEnd.upperBound + size + 2
            if index >= bytes.count { break }
        }
        return result
    }


    private static func loopback(port: UInt16) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return address
    }
}

struct ProxyError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

extension Array where Element == UInt8 {
    /// These bytes with every `target` replaced by `replacement`.
    func replacing(_ target: String, with replacement: String) -> [UInt8] {
        let from = Array(target.utf8)
        let to = Array(replacement.utf8)
        var result: [UInt8] = []
        var index = startIndex
        while let found = self[index...].firstRange(of: from) {
            result += self[index..<found.lowerBound]
            result += to
            index = found.upperBound
        }
        result += self[index...]
        return result
    }
}
