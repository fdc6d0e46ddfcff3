import Foundation
import PAMCore
import Testing

@testable import PAMTransport

@Suite("No silent resend: POST and PATCH take new connections, libcurl's own resends are traced")
struct CurlTransportResendTests {
    /// The first request is answered and its connection kept alive; every later request is read,
    /// then its connection closed without an answer, as a server dropping an idle connection does.
    private static func answerFirstOnly() throws -> RawServer {
        try RawServer { $0.connection == 0 && $0.index == 0 ? .send(RawServer.ok("first")) : .close }
    }

    @Test("a POST or PATCH after a kept-alive GET goes out once, on a new connection; a lost answer is a transport error")
    func unsafeMethodsNeverResent() async throws {
        let server = try Self.answerFirstOnly()
        defer { server.stop() }
        let recorder = RecordingObserver()
        let transport = try CurlTransport(options: testOptions(), observer: recorder)
        #expect(try await transport.send(HTTPRequest(.get, server.url("/first"))).text == "first")
        // The caller sending the POST again (a user's retry) is a second send of its own.
        for method in [HTTPMethod.post, .post, .patch] {
            let error = await pamError {
                try await transport.send(HTTPRequest(method, server.url("/checkout"), body: .bytes(Array(#"{"a":1}"#.utf8))))
            }
            #expect(error?.kind == .transport)
            #expect(error?.message == "127.0.0.1 closed the connection without a response")
        }
        let sent = server.requests.filter { $0.target == "/checkout" }
        #expect(sent.map(\.method) == ["POST", "POST", "PATCH"])
        #expect(sent.map(\.connection) == [1, 2, 3], "each on a new connection, none on the kept-alive one")
        #expect(sent.allSatisfy { $0.index == 0 })
        #expect(server.accepted == 4)
        #expect(recorder.exchanges.map(\.outcome) == ["200", "failed (transport)", "failed (transport)", "failed (transport)"])
    }

    @Test("should libcurl still want to resend a POST, the transfer stops before the second send")
    func resendGuard() async throws {
        let server = try Self.answerFirstOnly()
        defer { server.stop() }
        // Without a fresh connection the POST goes out on the kept-alive one, which then dies.
        var settings = try CurlSettings(testOptions())
        settings.freshConnectionsForUnsafeMethods = false
        let recorder = RecordingObserver()
        let transport = try CurlTransport(settings: settings, observer: recorder)
        #expect(try await transport.send(HTTPRequest(.get, server.url("/first"))).text == "first")
        let error = await pamError {
            try await transport.send(HTTPRequest(.post, server.url("/checkout"), body: .bytes(Array("{}".utf8))))
        }
        #expect(error?.kind == .transport)
        #expect(
            error?.message
                == "connection to 127.0.0.1 was lost before an answer; the POST was not sent again, as it may have taken effect")
        // libcurl may connect anew for its resend; the pre-request callback stops it before a
        // byte of the request goes out, so the server saw the POST once.
        #expect(server.requests.map(\.method) == ["GET", "POST"])
        #expect(server.requests.last?.connection == 0)
        #expect(recorder.exchanges.map(\.outcome) == ["200", "failed (transport)"])
    }

    @Test("POSTs in a row each take a new connection and never run out: idle ones are closed to make room")
    func manyPosts() async throws {
        let server = try RawServer { .send(RawServer.ok("\($0.connection)")) }
        defer { server.stop() }
        let transport = try CurlTransport(options: testOptions { $0.maxConnectionsPerHost = 2 })
        for expected in 0..<20 {
            let response = try await transport.send(HTTPRequest(.post, server.url("/requests"), body: .bytes(Array("{}".utf8))))
            #expect(response.text == "\(expected)")
        }
        #expect(server.accepted == 20)
    }

    @Test("GET, PUT and DELETE reuse one connection; a GET libcurl resends shows as two attempts in the trace")
    func idempotentReuseAndVisibleResend() async throws {
        // Connection 0 answers three requests and drops the fourth unanswered; libcurl resends
        // that GET on a new connection by itself.
        let server = try RawServer { request in
            request.connection == 0 && request.index == 3 ? .close : .send(RawServer.ok(request.method))
        }
        defer { server.stop() }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("pamtui-trace-\(UUID().uuidString).log").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let recorder = RecordingObserver()
        let transport = try CurlTransport(
            options: testOptions(), observer: ExchangeFanout([try TraceWriter(path: path), recorder]))
        #expect(try await transport.send(HTTPRequest(.get, server.url("/a"))).text == "GET")
        #expect(try await transport.send(HTTPRequest(.put, server.url("/b"), body: .bytes(Array("x".utf8)))).text == "PUT")
        #expect(try await transport.send(HTTPRequest(.delete, server.url("/c"))).text == "DELETE")
        #expect(server.accepted == 1, "kept alive and reused")
        #expect(try await transport.send(HTTPRequest(.get, server.url("/again"))).text == "GET")
        #expect(server.requests.filter { $0.target == "/again" }.map(\.connection) == [0, 1])
        #expect(server.accepted == 2)
        #expect(recorder.exchanges.map(\.outcome) == ["200", "200", "200", "failed (transport)", "200"])
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 5)
        #expect(lines[3].contains(" GET 127.0.0.1:\(server.port)/again -> failed (transport) ("))
        #expect(lines[4].contains(" GET 127.0.0.1:\(server.port)/again -> 200 ("))
    }
}
