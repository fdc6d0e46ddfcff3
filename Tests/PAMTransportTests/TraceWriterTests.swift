import Foundation
import PAMCore
import Testing

@testable import PAMTransport

@Suite("Trace and exchange records")
struct TraceWriterTests {
    @Test("a traced session with secrets shows methods and paths and none of the secrets")
    func traceRedacts() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("pamtui-trace-\(UUID().uuidString).log").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let recorder = RecordingObserver()
        try await TestServer.with { server in
            let trace = try TraceWriter(path: path)
            let transport = try CurlTransport(options: testOptions(), observer: ExchangeFanout([trace, recorder]))
            let authorization = HTTPHeader("Authorization", secret: SecretBytes(utf8: TestSecrets.authorization))
            let login = try await transport.send(
                HTTPRequest(
                    .post, server.url("/token"), headers: [authorization],
                    body: .secret(SecretBytes(utf8: TestSecrets.body)), responseIsSecret: true))
            #expect(login.text == TestSecrets.responseToken)
            _ = try await transport.send(HTTPRequest(.get, server.url("/cookie/set"), headers: [authorization]))
            _ = try await transport.send(HTTPRequest(.put, server.url("/echo?page=2"), headers: [authorization], body: .secret(SecretBytes(utf8: TestSecrets.body))))
            _ = try await transport.send(HTTPRequest(.get, server.url("/status/503")))
            _ = try? await transport.send(HTTPRequest(.get, "http://127.0.0.1:1/refused"))
        }
        let text = try String(contentsOfFile: path, encoding: .utf8)
        for secret in [TestSecrets.authorization, "tok-7f3a9c1e", TestSecrets.body, "pw-SECRET-BODY", TestSecrets.responseToken, "session=jar"] {
            #expect(!text.contains(secret), "trace leaked \(secret)")
        }
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.count == 5)
        #expect(lines[0].contains(" POST 127.0.0.1:") && lines[0].contains("/token -> 200 ("))
        #expect(!lines[0].contains(" B)"), "a secret response's size is not traced")
        #expect(lines[1].contains(" GET 127.0.0.1:") && lines[1].contains("/cookie/set -> 200"))
        #expect(lines[2].contains(" PUT 127.0.0.1:") && lines[2].contains("/echo?page=2 -> 200") && lines[2].contains(" B)"))
        #expect(lines[3].contains("/status/503 -> 503"))
        #expect(lines[4].contains("GET 127.0.0.1:1/refused -> failed (transport)"))
        // ISO 8601 timestamp first.
        #expect(lines.allSatisfy { $0.first?.isNumber == true && $0.prefix(20).contains("T") })
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)

        let exchanges = recorder.exchanges
        #expect(exchanges.map(\.method) == [.post, .get, .put, .get, .get])
        #expect(exchanges[0].responseBytes == nil)
        #expect(exchanges[2].responseBytes != nil)
        #expect(exchanges[3].status == 503)
        #expect(exchanges[4].status == nil && exchanges[4].failure == .transport)
    }

    @Test("failures before sending are recorded too")
    func refusedRequestsRecorded() async throws {
        let recorder = RecordingObserver()
        let transport = try CurlTransport(options: testOptions(), observer: recorder)
        _ = try? await transport.send(HTTPRequest(.get, "http://pam.example.com/x"))
        #expect(recorder.exchanges.map(\.failure) == [.configuration])
    }

    @Test("server-influenced text in a trace line is sanitised, so no escape reaches the terminal")
    func traceSanitises() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("pamtui-trace-\(UUID().uuidString).log").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let writer = try TraceWriter(path: path)
        // A path built from a server's ids: CSI clear-screen, an 8-bit CSI, a bidi override, a bell.
        writer.record(
            HTTPExchange(
                method: .get, url: "https://pam.example.com/api/\u{1B}[2J\u{9B}31m\u{202E}x?q=\u{07}", status: 200,
                duration: .milliseconds(5), responseBytes: 1, failure: nil, startedAt: Date()))
        // Through the transport: a URL it refuses is traced too.
        let transport = try CurlTransport(options: testOptions(), observer: writer)
        _ = try? await transport.send(HTTPRequest(.get, "http://127.0.0.1:1/\u{1B}]0;pwned\u{07}"))
        let bytes = try Array(Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(!bytes.contains(0x1B) && !bytes.contains(0x07), "no raw control byte in the trace")
        let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n").map(String.init)
        #expect(lines.count == 2)
        #expect(lines.first?.hasSuffix(#" GET pam.example.com/api/\e[2J\u009B31m\u202Ex?q=\x07 -> 200 (5.0 ms, 1 B)"#) == true)
        #expect(lines.last?.contains(#" GET 127.0.0.1:1/\e]0;pwned\x07 -> failed ("#) == true)
        #expect(lines.allSatisfy { !$0.unicodeScalars.contains(where: TerminalText.isControl) })
    }

    @Test("an existing trace file is appended to and tightened to 0600")
    func appendsAndTightens() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("pamtui-trace-\(UUID().uuidString).log").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try "earlier\n".write(toFile: path, atomically: true, encoding: .utf8)
        chmod(path, 0o644)
        let writer = try TraceWriter(path: path)
        writer.record(
            HTTPExchange(
                method: .get, url: "https://user:pw@pam.example.com/api/x?y=1#frag", status: 200,
                duration: .milliseconds(12), responseBytes: 34, failure: nil, startedAt: Date()))
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 2 && lines[0] == "earlier")
        #expect(lines[1].hasSuffix(" GET pam.example.com/api/x?y=1 -> 200 (12.0 ms, 34 B)"))
        #expect(!lines[1].contains("pw"))
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let error = #expect(throws: PAMError.self) { try TraceWriter(path: "/nonexistent-dir/trace.log") }
        #expect(error?.kind == .configuration)
    }
}

@Suite("Trace to a descriptor")
struct TraceDescriptorTests {
    @Test("a trace on a caller's descriptor writes one line per exchange and leaves it open")
    func descriptor() throws {
        var fds: [Int32] = [0, 0]
        #expect(pipe(&fds) == 0)
        defer {
            close(fds[0])
            close(fds[1])
        }
        do {
            let writer = TraceWriter(fileDescriptor: fds[1])
            writer.record(
                HTTPExchange(
                    method: .delete, url: "https://pam.example.com/api/leases/7", status: nil,
                    duration: .milliseconds(3), responseBytes: nil, failure: .timeout, startedAt: Date()))
        }
        var buffer = [UInt8](repeating: 0, count: 512)
        let count = read(fds[0], &buffer, buffer.count)
        let line = String(decoding: buffer.prefix(max(count, 0)), as: UTF8.self)
        #expect(line.hasSuffix(" DELETE pam.example.com/api/leases/7 -> failed (timeout) (3.0 ms)\n"))
        #expect(fcntl(fds[1], F_GETFD) != -1, "the caller's descriptor stays open")
    }
}
