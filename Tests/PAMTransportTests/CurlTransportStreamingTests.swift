import Foundation
import PAMCore
import Testing

@testable import PAMTransport

@Suite("CurlTransport streaming")
struct CurlTransportStreamingTests {
    @Test("chunks arrive one by one: the first event before the server sends the second")
    func chunksOneByOne() async throws {
        try await TestServer.with { server in
            let transport = try CurlTransport(options: testOptions())
            let response = try await transport.stream(HTTPRequest(.get, server.url("/events")))
            #expect(response.status == 200)
            #expect(response.header("Content-Type") == "text/event-stream")
            var chunks = response.chunks.makeAsyncIterator()
            #expect(try await chunks.text(through: SSE.first) == SSE.first)
            #expect(server.stats.secondEvents == 0)
            server.stats.release.open()
            #expect(try await chunks.remainingText() == SSE.second)
            #expect(server.stats.secondEvents == 1)
        }
    }

    @Test("cancelling the consumer removes the transfer; the server sees the connection close")
    func cancelConsumer() async throws {
        try await TestServer.with { server in
            let recorder = RecordingObserver()
            let transport = try CurlTransport(options: testOptions(), observer: recorder)
            let response = try await transport.stream(HTTPRequest(.get, server.url("/events?forever=1")))
            let received = Locked(0)
            let consumer = Task {
                for try await chunk in response.chunks { received.withLock { $0 += chunk.count } }
            }
            #expect(try await waitUntil { received.withLock { $0 } == SSE.first.utf8.count })
            consumer.cancel()
            do {
                // A next() that was waiting throws; one called after the cancel ends the loop.
                try await consumer.value
            } catch {
                #expect((error as? PAMError)?.kind == .cancelled)
            }
            // The exchange is recorded once the engine has removed the transfer.
            #expect(try await waitUntil { recorder.exchanges.count == 1 })
            #expect(recorder.exchanges.first?.failure == .cancelled)
            #expect(recorder.exchanges.first?.status == 200)
            server.stats.release.open()
            #expect(try await waitUntil { server.stats.closedStreams == 1 })
            #expect(try await transport.send(HTTPRequest(.get, server.url("/ping"))).text == "pong")
        }
    }

    @Test("dropping the stream unread cancels the transfer")
    func dropStream() async throws {
        try await TestServer.with { server in
            let recorder = RecordingObserver()
            let transport = try CurlTransport(options: testOptions(), observer: recorder)
            do {
                let response = try await transport.stream(HTTPRequest(.get, server.url("/events?forever=1")))
                #expect(response.status == 200)
            }
            #expect(try await waitUntil { recorder.exchanges.count == 1 })
            #expect(recorder.exchanges.first?.failure == .cancelled)
            server.stats.release.open()
            #expect(try await waitUntil { server.stats.closedStreams == 1 })
        }
    }

    @Test("cancelling while the headers are awaited fails the stream as cancelled")
    func cancelBeforeHeaders() async throws {
        try await TestServer.with { server in
            let recorder = RecordingObserver()
            let transport = try CurlTransport(options: testOptions(), observer: recorder)
            let task = Task { try await transport.stream(HTTPRequest(.get, server.url("/slow"))) }
            #expect(try await waitUntil { server.stats.slowRequests == 1 })
            task.cancel()
            let error = await pamError { try await task.value }
            #expect(error?.kind == .cancelled)
            #expect(try await waitUntil { recorder.exchanges.count == 1 })
            #expect(recorder.exchanges.first.map { $0.status == nil && $0.failure == .cancelled } == true)
        }
    }

    @Test("over TLS the pinned CA is trusted, another refused, and a client identity presented")
    func overTLS() async throws {
        let pki = try TestPKI.shared.get()
        try await TestServer.with(.tls) { server in
            let transport = try CurlTransport(options: testOptions { $0.caBundle = pki.caA })
            let response = try await transport.stream(HTTPRequest(.get, server.url("/events")))
            #expect(response.status == 200)
            var chunks = response.chunks.makeAsyncIterator()
            #expect(try await chunks.text(through: SSE.first) == SSE.first)
            server.stats.release.open()
            #expect(try await chunks.remainingText() == SSE.second)

            let untrusting = try CurlTransport(options: testOptions { $0.caBundle = pki.caB })
            let error = await pamError { try await untrusting.stream(HTTPRequest(.get, server.url("/ping"))) }
            #expect(error?.kind == .tls)
            #expect(error?.message == "TLS certificate of 127.0.0.1 not trusted: unable to get local issuer certificate")
        }
        try await TestServer.with(.mutualTLS) { server in
            var key = pki.bytes("client.key")
            let identity = ClientIdentity.pem(
                certificate: pki.bytes("client.pem"), key: SecretBytes(consuming: &key), keyPassphrase: nil)
            let transport = try CurlTransport(options: testOptions {
                $0.caBundle = pki.caA
                $0.clientIdentity = identity
            })
            var chunks = try await transport.stream(HTTPRequest(.get, server.url("/whoami"))).chunks.makeAsyncIterator()
            #expect(try await chunks.remainingText() == TestPKI.clientCommonName)
        }
    }

    @Test("a stream carries the session cookie and goes through the explicit proxy")
    func cookiesAndProxy() async throws {
        try await TestServer.with { server in
            let transport = try CurlTransport(options: testOptions())
            _ = try await transport.send(HTTPRequest(.get, server.url("/cookie/set")))
            var cookie = try await transport.stream(HTTPRequest(.get, server.url("/cookie/check"))).chunks.makeAsyncIterator()
            #expect(try await cookie.remainingText().hasPrefix("session=jar-"))

            // As in the plain HTTP tests, the test server doubles as a forwarding proxy.
            let proxied = try CurlTransport(options: testOptions {
                $0.proxy = ProxySettings(url: "http://127.0.0.1:\(server.port)")
                $0.allowInsecureHTTP = true
            })
            let response = try await proxied.stream(HTTPRequest(.get, "http://api.pamtui-test.invalid/events"))
            #expect(response.status == 200)
            var chunks = response.chunks.makeAsyncIterator()
            #expect(try await chunks.text(through: SSE.first) == SSE.first)
            server.stats.release.open()
            #expect(try await chunks.remainingText() == SSE.second)
        }
    }

    @Test("the size limit counts every streamed byte")
    func sizeLimit() async throws {
        try await TestServer.with { server in
            // The first event (13 bytes) fits in 20, the second does not.
            let small = try CurlTransport(options: testOptions { $0.maxResponseBytes = 20 })
            let response = try await small.stream(HTTPRequest(.get, server.url("/events")))
            var chunks = response.chunks.makeAsyncIterator()
            #expect(try await chunks.text(through: SSE.first) == SSE.first)
            server.stats.release.open()
            let error = await pamError { try await chunks.remainingText() }
            #expect(error?.kind == .malformed)
            #expect(error?.message == "response from 127.0.0.1 is larger than the limit of 20 bytes")

            let transport = try CurlTransport(options: testOptions { $0.maxResponseBytes = 1000 })
            let exact = await streamToEnd(transport, HTTPRequest(.get, server.url("/big?n=1000&chunked=1")))
            #expect(exact.bytes == 1000 && exact.error == nil)
            for path in ["/big?n=5000", "/big?n=5000&chunked=1", "/big?n=1001&chunked=1"] {
                let outcome = await streamToEnd(transport, HTTPRequest(.get, server.url(path)))
                #expect(outcome.bytes == 0)
                #expect(outcome.error?.kind == .malformed)
                #expect(outcome.error?.message == "response from 127.0.0.1 is larger than the limit of 1000 bytes")
            }
        }
    }

    @Test("the observer and the trace get exactly one redacted exchange per stream")
    func oneExchange() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("pamtui-trace-\(UUID().uuidString).log").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let recorder = RecordingObserver()
        try await TestServer.with { server in
            let trace = try TraceWriter(path: path)
            let transport = try CurlTransport(options: testOptions(), observer: ExchangeFanout([trace, recorder]))
            let request = HTTPRequest(
                .get, server.url("/events?topic=leases"),
                headers: [HTTPHeader("Authorization", secret: SecretBytes(utf8: TestSecrets.authorization))])
            var chunks = try await transport.stream(request).chunks.makeAsyncIterator()
            #expect(try await chunks.text(through: SSE.first) == SSE.first)
            #expect(recorder.exchanges.isEmpty, "nothing is recorded before the stream ends")
            server.stats.release.open()
            #expect(try await chunks.remainingText() == SSE.second)
            #expect(try await chunks.next() == nil)
        }
        let exchanges = recorder.exchanges
        #expect(exchanges.count == 1)
        #expect(exchanges.first?.status == 200)
        #expect(exchanges.first?.failure == nil)
        #expect(exchanges.first?.responseBytes == (SSE.first + SSE.second).utf8.count)
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 1)
        #expect(lines.first.map { $0.contains("GET 127.0.0.1:") && $0.contains("/events?topic=leases -> 200 (") } == true)
        #expect(lines.first?.hasSuffix(" 27 B)") == true)
        #expect(lines.allSatisfy { !$0.contains("SECRET") && !$0.contains("first") && !$0.contains("event-stream") })
    }

    @Test("a non-2xx status is known before the body arrives", arguments: [404, 503])
    func errorStatus(code: Int) async throws {
        try await TestServer.with { server in
            let transport = try CurlTransport(options: testOptions())
            // The server sends the headers, then holds the body until the gate opens.
            let response = try await transport.stream(HTTPRequest(.get, server.url("/events?status=\(code)&first=0")))
            #expect(response.status == code)
            #expect(!response.isSuccess)
            #expect(server.stats.secondEvents == 0)
            server.stats.release.open()
            var chunks = response.chunks.makeAsyncIterator()
            #expect(try await chunks.remainingText() == SSE.second)
        }
    }

    @Test("a slow consumer pauses the transfer at the buffer bound; reading resumes it")
    func backpressure() async throws {
        try await TestServer.with { server in
            let transport = try CurlTransport(options: testOptions { $0.streamBufferBytes = 64 * 1024 })
            let count = 4_000_000
            let response = try await transport.stream(HTTPRequest(.get, server.url("/big?n=\(count)&chunked=1")))
            #expect(try await waitUntil { transport.streamPauses.withLock { $0 } >= 1 })
            var offset = 0
            var intact = true
            for try await chunk in response.chunks {
                chunk.withUnsafeBytes { bytes in
                    for index in 0..<bytes.count where bytes[index] != UInt8(truncatingIfNeeded: offset + index) {
                        intact = false
                    }
                }
                offset += chunk.count
            }
            #expect(offset == count)
            #expect(intact)
        }
    }

    @Test("a stream outlives the total timeout and fails after the idle timeout")
    func idleTimeout() async throws {
        try await TestServer.with { server in
            let transport = try CurlTransport(options: testOptions {
                $0.totalTimeout = .milliseconds(300)
                // Long enough that a loaded machine still delivers the first event in time.
                $0.streamIdleTimeout = .seconds(3)
            })
            let response = try await transport.stream(HTTPRequest(.get, server.url("/events")))
            var chunks = response.chunks.makeAsyncIterator()
            #expect(try await chunks.text(through: SSE.first) == SSE.first)
            // The server never sends the second event; only the idle timeout ends the stream.
            let error = await pamError { try await chunks.remainingText() }
            #expect(error?.kind == .timeout)
            #expect(error?.message == "no data from 127.0.0.1 for 3 s")
        }
    }

    @Test("shutting the transport down ends a stream as cancelled")
    func shutdown() async throws {
        try await TestServer.with { server in
            let transport = try CurlTransport(options: testOptions())
            var chunks = try await transport.stream(HTTPRequest(.get, server.url("/events"))).chunks.makeAsyncIterator()
            #expect(try await chunks.text(through: SSE.first) == SSE.first)
            transport.shutdown()
            let error = await pamError { try await chunks.remainingText() }
            #expect(error?.kind == .cancelled)
            #expect(error?.message == "transport was shut down")
            let later = await pamError { try await transport.stream(HTTPRequest(.get, server.url("/events"))) }
            #expect(later?.message == "transport was shut down")
        }
    }

    @Test("refused requests fail before sending and are recorded once")
    func refusedRequest() async throws {
        let recorder = RecordingObserver()
        let transport = try CurlTransport(options: testOptions(), observer: recorder)
        let error = await pamError { try await transport.stream(HTTPRequest(.get, "http://pam.example.com/events")) }
        #expect(error?.kind == .configuration)
        let refused = await pamError { try await transport.stream(HTTPRequest(.get, "http://127.0.0.1:1/events")) }
        #expect(refused?.message == "connection refused by 127.0.0.1:1")
        #expect(recorder.exchanges.map(\.failure) == [.configuration, .transport])
    }

    @Test("a transport that cannot stream hands the whole body over as one chunk")
    func defaultStream() async throws {
        let response = try await WholeBodyTransport().stream(HTTPRequest(.get, "https://pam.example.com/x"))
        #expect(response.status == 201)
        #expect(response.header("x-kind") == "whole")
        var chunks: [String] = []
        for try await chunk in response.chunks { chunks.append(chunk.unsafeStringCopy()) }
        #expect(chunks == ["whole body"])
    }
}

/// A transport with only `send`, for the default `stream`.
private struct WholeBodyTransport: HTTPTransport {
    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        HTTPResponse(status: 201, headers: [(name: "X-Kind", value: "whole")], body: SecretBytes(utf8: "whole body"))
    }
}

/// Streams `request` to its end: the bytes received and the error, thrown before or after the head.
private func streamToEnd(_ transport: CurlTransport, _ request: HTTPRequest) async -> (bytes: Int, error: PAMError?) {
    var bytes = 0
    do {
        for try await chunk in try await transport.stream(request).chunks { bytes += chunk.count }
        return (bytes, nil)
    } catch {
        return (bytes, error as? PAMError)
    }
}

extension AsyncThrowingStream<SecretBytes, any Error>.Iterator {
    /// Reads chunks until the text read ends with `suffix` or the stream ends (test only: bodies
    /// may be secrets in the app).
    mutating func text(through suffix: String) async throws -> String {
        var text = ""
        while !text.hasSuffix(suffix), let chunk = try await next() { text += chunk.unsafeStringCopy() }
        return text
    }

    /// Reads the rest of the stream as text.
    mutating func remainingText() async throws -> String {
        var text = ""
        while let chunk = try await next() { text += chunk.unsafeStringCopy() }
        return text
    }
}
