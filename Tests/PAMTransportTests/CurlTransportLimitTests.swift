import CCurl
import Foundation
import PAMCore
import Testing

@testable import PAMTransport

@Suite("Bounds on answer sizes, and libcurl's copies of secrets")
struct CurlTransportLimitTests {
    private static let head = "HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\n"
    /// 256 MiB in all: a transfer that did not stop early would run into the test's timeout.
    private static let chunk = [UInt8](repeating: UInt8(ascii: "x"), count: 64 * 1024)
    private static let times = 4096

    @Test("a whole answer over maximumBodyBytes stops its transfer with a one-line malformed error")
    func bodyLimit() async throws {
        let chunkedChunk = Array("10000\r\n".utf8) + Self.chunk + Array("\r\n".utf8)
        let total = Self.chunk.count * Self.times
        let server = try RawServer { request in
            switch request.target {
            case "/length":
                .stream(head: Array("\(Self.head)Content-Length: \(total)\r\n\r\n".utf8), chunk: Self.chunk, times: Self.times, tail: [])
            case "/close":
                .stream(head: Array("\(Self.head)Connection: close\r\n\r\n".utf8), chunk: Self.chunk, times: Self.times, tail: [])
            case "/chunked":
                .stream(
                    head: Array("\(Self.head)Transfer-Encoding: chunked\r\n\r\n".utf8), chunk: chunkedChunk, times: Self.times,
                    tail: Array("0\r\n\r\n".utf8))
            default:
                .send(RawServer.ok(String(repeating: "y", count: 256 * 1024)))
            }
        }
        defer { server.stop() }
        let transport = try CurlTransport(options: testOptions { $0.maximumBodyBytes = 256 * 1024 })
        #expect(try await transport.send(HTTPRequest(.get, server.url("/exact"))).body.count == 256 * 1024)
        for path in ["/length", "/close", "/chunked"] {
            let error = await pamError { try await transport.send(HTTPRequest(.get, server.url(path))) }
            #expect(error?.kind == .malformed, "\(path)")
            #expect(error?.message == "response from 127.0.0.1 is larger than the limit of 256 KiB", "\(path)")
        }
        // The server's writes failed: the client hung up instead of reading 256 MiB.
        #expect(try await waitUntil { server.abortedStreams == 3 })
        #expect(TransportOptions().maximumBodyBytes == 64 * 1024 * 1024)
    }

    @Test("response headers are bounded: many lines, 1xx blocks, or one huge line fail the transfer")
    func headerLimit() async throws {
        let filler = String(repeating: "h", count: 1000)
        let manyLines = (0..<400).map { "X-Filler-\($0): \(filler)\r\n" }.joined()
        let informational = String(repeating: "HTTP/1.1 102 Processing\r\nX-Filler: \(filler)\r\n\r\n", count: 400)
        let hugeLine = "X-Huge: \(String(repeating: "h", count: 200 * 1024))\r\n"
        let server = try RawServer { request in
            let reply: String =
                switch request.target {
                case "/lines": "HTTP/1.1 200 OK\r\n\(manyLines)Content-Length: 0\r\n\r\n"
                case "/informational": "\(informational)HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n"
                case "/huge": "HTTP/1.1 200 OK\r\n\(hugeLine)Content-Length: 0\r\n\r\n"
                default: "HTTP/1.1 200 OK\r\nX-Fine: \(filler)\r\nContent-Length: 2\r\n\r\nok"
                }
            return .sendAndClose(Array(reply.utf8))
        }
        defer { server.stop() }
        let transport = try CurlTransport(options: testOptions())
        #expect(try await transport.send(HTTPRequest(.get, server.url("/fine"))).header("X-Fine") == filler)
        for path in ["/lines", "/informational"] {
            let error = await pamError { try await transport.send(HTTPRequest(.get, server.url(path))) }
            #expect(error?.kind == .malformed, "\(path)")
            #expect(error?.message == "response headers from 127.0.0.1 are larger than 256 KiB", "\(path)")
        }
        // One line over CURL_MAX_HTTP_HEADER (100 KiB) is refused by libcurl before we see it.
        let huge = await pamError { try await transport.send(HTTPRequest(.get, server.url("/huge"))) }
        #expect(huge?.kind == .malformed)
        #expect(huge?.message == "a response header line from 127.0.0.1 is longer than 100 KiB")
    }

    @Test("the request header list is zeroed before it is freed")
    func headerListWiped() throws {
        var lines = CurlHeaderList()
        try lines.append(name: "Authorization", secret: SecretBytes(utf8: TestSecrets.authorization))
        try lines.append(name: "Accept", plain: "application/json")
        let list = try #require(lines.list)
        #expect(Self.texts(list) == ["Authorization: \(TestSecrets.authorization)", "Accept: application/json"])
        CurlHeaderList.wipe(list)
        #expect(Self.texts(list) == ["", ""])
        curl_slist_free_all(list)
    }

    private static func texts(_ list: UnsafeMutablePointer<curl_slist>) -> [String] {
        var result: [String] = []
        var node: UnsafeMutablePointer<curl_slist>? = list
        while let current = node {
            result.append(current.pointee.data.map { String(cString: $0) } ?? "")
            node = current.pointee.next
        }
        return result
    }
}
