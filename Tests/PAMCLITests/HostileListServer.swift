import Foundation
import PAMTestSupport

/// A loopback HTTP server that plays a hostile BeyondTrust for the real binary: it accepts any
/// sign-in and answers each call with whatever `route` says, including bodies that never end.
/// One request per connection (`Connection: close`), one thread per connection.
final class HostileListServer: @unchecked Sendable {
    enum Answer: Sendable {
        /// 200 with this JSON body.
        case json([UInt8])
        /// The same JSON body after `delay`: a slow server.
        case slow([UInt8], delay: Duration)
        /// 200 and a chunked body that repeats `chunk` until the client hangs up.
        case endless(prefix: [UInt8], chunk: [UInt8])
        /// 200 announcing `length` bytes, sent as repeats of `chunk` until done or hung up on.
        case huge(length: Int, prefix: [UInt8], chunk: [UInt8])
        /// A failure status with this body.
        case error(status: Int, [UInt8])
    }

    /// The answer to a request for `path` (query included).
    typealias Route = @Sendable (_ method: String, _ path: String) -> Answer

    let port: UInt16
    private let listener: Int32
    private let route: Route
    private let lock = NSLock()
    private var requested: [String] = []

    var url: String { "http://127.0.0.1:\(port)/BeyondTrust/api/public/v3" }

    /// Paths asked for so far, in arrival order.
    var paths: [String] { lock.withLock { requested } }

    init(route: @escaping Route) throws {
        self.route = route
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard fd >= 0, bound == 0, listen(fd, 64) == 0 else {
            if fd >= 0 { close(fd) }
            throw ProxyError("cannot listen: errno \(errno)")
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        listener = fd
        port = UInt16(bigEndian: address.sin_port)
        Thread { [self] in acceptLoop() }.start()
    }

    func stop() {
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
    }

    /// Runs `body` with a started server and stops it afterwards.
    static func with<R>(_ route: @escaping Route, _ body: (HostileListServer) async throws -> R) async throws -> R {
        let server = try HostileListServer(route: route)
        defer { server.stop() }
        return try await body(server)
    }

    /// A config with one profile, `hostile`, that signs in to this server.
    func writeConfig(in directory: String, extra: String = "") throws -> String {
        let path = "\(directory)/hostile.toml"
        try """
        [profiles.hostile]
        vendor = "beyondtrust"
        url = "\(url)"
        api_key = "hostile-test-key"
        run_as = "svc"
        \(extra)

        """.write(toFile: path, atomically: true, encoding: .utf8)
        chmod(path, 0o600)
        return path
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

    private func serve(_ client: Int32) {
        var buffer: [UInt8] = []
        var headEnd: Range<Int>?
        while headEnd == nil {
            guard let chunk = LoopbackSocket.readSome(client) else { return }
            buffer += chunk
            headEnd = buffer.firstRange(of: Array("\r\n\r\n".utf8))
        }
        let head = String(decoding: buffer[..<headEnd!.lowerBound], as: UTF8.self)
        // Read a request body to its end, so closing does not reset the connection under curl.
        let length = head.lowercased().components(separatedBy: "\r\n").first { $0.hasPrefix("content-length:") }
            .flatMap { Int($0.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) } ?? 0
        var bodyCount = buffer.count - headEnd!.upperBound
        while bodyCount < length, let chunk = LoopbackSocket.readSome(client) { bodyCount += chunk.count }

        let requestLine = head.prefix { $0 != "\r" }.split(separator: " ").map(String.init)
        guard requestLine.count >= 2 else { return }
        lock.withLock { requested.append(requestLine[1]) }
        switch route(requestLine[0], requestLine[1]) {
        case .json(let body):
            _ = LoopbackSocket.writeAll(client, Self.head("Content-Length: \(body.count)") + body)
        case .error(let status, let body):
            _ = LoopbackSocket.writeAll(client, Self.head("Content-Length: \(body.count)", status: status) + body)
        case .slow(let body, let delay):
            Thread.sleep(forTimeInterval: Double(delay.components.seconds) + Double(delay.components.attoseconds) / 1e18)
            _ = LoopbackSocket.writeAll(client, Self.head("Content-Length: \(body.count)") + body)
        case .endless(let prefix, let chunk):
            guard LoopbackSocket.writeAll(client, Self.head("Transfer-Encoding: chunked") + Self.chunked(prefix)) else { return }
            let framed = Self.chunked(chunk)
            while LoopbackSocket.writeAll(client, framed) {}
        case .huge(let length, let prefix, let chunk):
            guard LoopbackSocket.writeAll(client, Self.head("Content-Length: \(length)") + prefix) else { return }
            var sent = prefix.count
            while sent < length {
                let piece = Array(chunk.prefix(length - sent))
                guard LoopbackSocket.writeAll(client, piece) else { return }
                sent += piece.count
            }
        }
    }

    private static func head(_ framing: String, status: Int = 200) -> [UInt8] {
        Array("HTTP/1.1 \(status) \(status == 200 ? "OK" : "Failed")\r\nContent-Type: application/json\r\n\(framing)\r\nConnection: close\r\n\r\n".utf8)
    }

    private static func chunked(_ bytes: [UInt8]) -> [UInt8] {
        Array("\(String(bytes.count, radix: 16))\r\n".utf8) + bytes + Array("\r\n".utf8)
    }

}

/// Answers in BeyondTrust's wire shapes, for `HostileListServer` routes.
enum HostileWire {
    /// The `limit` and `offset` of a list call.
    static func window(_ path: String) -> (limit: Int, offset: Int) {
        let items = URLComponents(string: path)?.queryItems ?? []
        let value = { (name: String) in items.first { $0.name == name }?.value.flatMap { Int($0) } }
        return (value("limit") ?? 1000, value("offset") ?? 0)
    }

    /// A `ManagedAccounts` page of accounts numbered from `first`, on system 1.
    static func accounts(_ range: Range<Int>, system: String = "ENDLESS01") -> [UInt8] {
        Array(("[" + range.map { account(id: $0 + 1, name: "acct-\($0)", system: system) }.joined(separator: ",") + "]").utf8)
    }

    static func account(id: Int, name: String, system: String) -> String {
        #"{"PlatformID":1,"SystemId":1,"SystemName":"\#(system)","AccountId":\#(id),"AccountName":"\#(name)"}"#
    }

    /// One managed system, the whole list.
    static func systems(name: String = "ENDLESS01") -> [UInt8] {
        Array(#"{"TotalCount":1,"Data":[{"ManagedSystemID":1,"SystemName":"\#(name)","PlatformID":1}]}"#.utf8)
    }

    /// Sign-in answers with a user; everything this file does not route is an empty list.
    static func fallback(_ method: String, _ path: String) -> HostileListServer.Answer {
        if path.contains("/Auth/SignAppin") { return .json(Array(#"{"UserId":1,"UserName":"svc"}"#.utf8)) }
        if path.contains("/ManagedSystems") { return .json(systems()) }
        return .json(Array("[]".utf8))
    }
}
