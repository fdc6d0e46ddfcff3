import Foundation
import PAMCore
@testable import PAMSimulator
import PAMTestSupport
import PAMTransport
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// The vendor kit: async handlers, client certificates, per-route certificate policy, streamed
/// answers and case-sensitive routing, exercised through a small vendor that exists only here.
@Suite struct SimulatorFrameworkTests {
    // MARK: Async handlers

    @Test func anAsyncHandlerIsAwaitedWithoutHoldingUpOtherRequests() async throws {
        let probe = FrameworkProbe()
        try await withSimulator(frameworkOptions(probe)) { simulator in
            let port = try simulator.port()
            let pending = Task { try await RawHTTPClient.send(port: port, method: "GET", path: "/Test/api/Gated") }
            try await waitUntil { probe.started.withLock { $0 } }
            // The gated handler is suspended; a synchronous one still answers meanwhile.
            let sync = try await RawHTTPClient.send(port: port, method: "GET", path: "/Test/api/Sync")
            #expect(sync.status == 200)
            #expect(sync.text == "sync")
            probe.handlerGate.open()
            let gated = try await pending.value
            #expect(gated.status == 200)
            #expect(gated.text == "after the gate")
        }
    }

    // MARK: Client certificates

    @Test func plainHTTPHasNoClientCertificateAndCertifiedRoutesRefuse() async throws {
        try await withSimulator(frameworkOptions()) { simulator in
            let port = try simulator.port()
            let whoami = try await RawHTTPClient.send(port: port, method: "GET", path: "/Test/api/Whoami")
            #expect(whoami.status == 200)
            #expect(whoami.text == "anonymous")
            let certified = try await RawHTTPClient.send(port: port, method: "GET", path: "/Test/api/Certified")
            #expect(certified.status == 403)
            #expect(certified.json as? String == "A client certificate is required.")
        }
    }

    @Test func aVendorChoosesItsOwnAnswerForAMissingCertificate() async throws {
        var options = SimulatorOptions(vendors: [
            SimulatorKind(vendor: "framework-refusal", shortName: "Refusal test") { _ in RefusingVendor() }
        ])
        options.clock = ManualSimulatorClock(testStart)
        try await withSimulator(options) { simulator in
            let answer = try await RawHTTPClient.send(port: try simulator.port(), method: "GET", path: "/Refuse/Certified")
            #expect(answer.status == 401)
            #expect(answer.text == "present your certificate")
        }
    }

    @Test func mutualTLSShowsTheClientCertificateToHandlers() async throws {
        try await withTemporaryDirectory { directory in
            try await withSimulator(frameworkOptions(tls: .mutualTLS, directory: directory)) { simulator in
                let material = try #require(simulator.tlsMaterial)
                let expected = ClientCertificate(der: try derOfPEM(try #require(material.clientCertificatePath)))
                #expect(expected.commonName == TLSMaterial.clientCommonName)
                #expect(expected.subject?.contains("CN=pamtui-client") == true)
                #expect(expected.sha256Fingerprint.count == 64)
                #expect(expected.sha1Thumbprint.count == 40)

                let transport = try CurlTransport(options: try transportOptions(material, withCertificate: true))
                defer { transport.shutdown() }
                let whoami = try await transport.send(HTTPRequest(.get, simulator.endpoints[0].url + "/Whoami"))
                #expect(whoami.status == 200)
                #expect(whoami.body.unsafeStringCopy() == "pamtui-client \(expected.sha256Fingerprint) \(expected.sha1Thumbprint)")
                #expect(try await transport.send(HTTPRequest(.get, simulator.endpoints[0].url + "/Certified")).status == 200)

                let anonymous = try CurlTransport(options: try transportOptions(material, withCertificate: false))
                defer { anonymous.shutdown() }
                await #expect(throws: PAMError.self) {
                    try await anonymous.send(HTTPRequest(.get, simulator.endpoints[0].url + "/Whoami"))
                }
            }
        }
    }

    @Test func anOptionalClientCertificateIsAskedForButOnlyCertifiedRoutesNeedIt() async throws {
        try await withTemporaryDirectory { directory in
            try await withSimulator(frameworkOptions(tls: .optionalClientCertificate, directory: directory + "/a")) { simulator in
                let url = simulator.endpoints[0].url
                #expect(url.hasPrefix("https://"))
                let material = try #require(simulator.tlsMaterial)
                #expect(material.clientCertificatePath != nil)

                let anonymous = try CurlTransport(options: try transportOptions(material, withCertificate: false))
                defer { anonymous.shutdown() }
                let open = try await anonymous.send(HTTPRequest(.get, url + "/Whoami"))
                #expect(open.status == 200)
                #expect(open.body.unsafeStringCopy() == "anonymous")
                let refused = try await anonymous.send(HTTPRequest(.get, url + "/Certified"))
                #expect(refused.status == 403)

                let certified = try CurlTransport(options: try transportOptions(material, withCertificate: true))
                defer { certified.shutdown() }
                let allowed = try await certified.send(HTTPRequest(.get, url + "/Certified"))
                #expect(allowed.status == 200)
                #expect(allowed.body.unsafeStringCopy().hasPrefix("pamtui-client "))

                // A certificate that is presented must still verify: one from another CA is refused.
                let stranger = try TLSMaterial.generate(in: directory + "/b", clientCertificate: true)
                var foreign = try transportOptions(material, withCertificate: false)
                foreign.clientIdentity = try identity(stranger)
                let impostor = try CurlTransport(options: foreign)
                defer { impostor.shutdown() }
                await #expect(throws: PAMError.self) { try await impostor.send(HTTPRequest(.get, url + "/Whoami")) }
            }
        }
    }

    // MARK: Streamed answers

    @Test func aStreamedChunkReachesTheClientBeforeTheNextIsProduced() async throws {
        let probe = FrameworkProbe()
        try await withSimulator(frameworkOptions(probe)) { simulator in
            let connection = try StreamingConnection(port: try simulator.port(), path: "/Test/api/Events")
            try await waitUntil { connection.text.contains("data: one") }
            #expect(!connection.text.contains("data: two"))
            #expect(!connection.isClosed)
            let head = connection.text.lowercased()
            #expect(head.hasPrefix("http/1.1 200"))
            #expect(head.contains("content-type: text/event-stream"))
            #expect(head.contains("transfer-encoding: chunked"))

            probe.streamGate.open()
            try await waitUntil { connection.isClosed }
            #expect(connection.text.contains("data: two"))
            #expect(connection.text.hasSuffix("0\r\n\r\n"))
        }
    }

    @Test func aStreamMadeByTheHandlerIsSentInFull() async throws {
        try await withSimulator(frameworkOptions()) { simulator in
            let answer = try await RawHTTPClient.send(port: try simulator.port(), method: "GET", path: "/Test/api/Chunks")
            #expect(answer.status == 200)
            #expect(answer.header("Content-Type") == "application/x-ndjson")
            #expect(answer.text == "{\"n\":1}\n{\"n\":2}\n{\"n\":3}\n")
        }
    }

    @Test func stoppingTheSimulatorEndsAStreamThatNeverFinishes() async throws {
        let simulator = try await Simulator.start(frameworkOptions())
        let connection = try StreamingConnection(port: try simulator.port(), path: "/Test/api/Forever")
        do {
            try await waitUntil { connection.text.contains("first") }
        } catch {
            await simulator.stop()
            throw error
        }
        await simulator.stop()
        try await waitUntil { connection.isClosed }
        // Ended by the graceful shutdown (a proper last chunk), not cut off by the stop watchdog.
        #expect(connection.text.hasSuffix("0\r\n\r\n"))
    }

    // MARK: Case-sensitive routing

    @Test func routesMatchCaseInsensitivelyByDefault() async throws {
        try await withSimulator(frameworkOptions()) { simulator in
            let port = try simulator.port()
            let exact = try await RawHTTPClient.send(port: port, method: "GET", path: "/Test/api/Items/AbC")
            #expect(exact.status == 200)
            #expect(exact.text == "AbC")
            let folded = try await RawHTTPClient.send(port: port, method: "GET", path: "/test/API/items/AbC")
            #expect(folded.status == 200)
            #expect(folded.text == "AbC")
        }
    }

    @Test func aCaseSensitiveVendorMatchesExactly() async throws {
        try await withSimulator(frameworkOptions(caseSensitive: true)) { simulator in
            let port = try simulator.port()
            let exact = try await RawHTTPClient.send(port: port, method: "GET", path: "/Test/api/Items/AbC")
            #expect(exact.status == 200)
            #expect(exact.text == "AbC")
            #expect(try await RawHTTPClient.send(port: port, method: "GET", path: "/Test/api/items/AbC").status == 404)
            #expect(try await RawHTTPClient.send(port: port, method: "GET", path: "/test/api/Items/AbC").status == 404)
        }
    }

    @Test func theRouteTableHonoursItsCaseOption() {
        func table(caseSensitive: Bool) -> RouteTable {
            var routes = RouteTable(caseSensitive: caseSensitive)
            routes.get("Accounts/{Id}") { _ in .empty(200) }
            routes.post("rpc/Checkout") { _ in .empty(200) }
            return routes
        }
        func found(_ match: RouteTable.Match) -> [String: String]? {
            if case .found(_, let parameters) = match { return parameters }
            return nil
        }
        let insensitive = table(caseSensitive: false)
        #expect(found(insensitive.match(method: "GET", segments: ["ACCOUNTS", "X1"])) == ["id": "X1"])
        #expect(found(insensitive.match(method: "POST", segments: ["RPC", "checkout"])) != nil)

        let sensitive = table(caseSensitive: true)
        #expect(found(sensitive.match(method: "GET", segments: ["Accounts", "X1"])) == ["id": "X1"])
        #expect(found(sensitive.match(method: "GET", segments: ["accounts", "X1"])) == nil)
        #expect(found(sensitive.match(method: "POST", segments: ["rpc", "checkout"])) == nil)
        if case .methodNotAllowed = sensitive.match(method: "GET", segments: ["rpc", "Checkout"]) {} else {
            Issue.record("a known path with another method is not 405")
        }
    }
}

// MARK: - The test vendor

/// Gates and flags the test vendor's handlers share with the test.
final class FrameworkProbe: Sendable {
    let handlerGate = Gate()
    let streamGate = Gate()
    let started = Locked(false)
}

/// Opened once by the test; waiting ends when it is opened or the waiting task is cancelled.
final class Gate: Sendable {
    private let stream: AsyncStream<Void>
    private let continuation: AsyncStream<Void>.Continuation

    init() { (stream, continuation) = AsyncStream<Void>.makeStream() }

    func open() { continuation.finish() }

    /// One waiter at a time (an `AsyncStream` has one consumer).
    func wait() async {
        for await _ in stream {}
    }
}

/// A vendor for the framework's own tests, under `/Test/api`.
struct FrameworkTestVendor: SimulatedVendor {
    let basePath = "/Test/api"
    let caseSensitive: Bool
    let probe: FrameworkProbe
    var credentials: [(key: String, value: String)] { [] }

    var routes: RouteTable {
        var routes = RouteTable(caseSensitive: caseSensitive)
        let probe = self.probe
        routes.get("Sync") { _ in .bytes(Array("sync".utf8), contentType: "text/plain") }
        routes.get("Gated") { _ in
            probe.started.withLock { $0 = true }
            await probe.handlerGate.wait()
            return .bytes(Array("after the gate".utf8), contentType: "text/plain")
        }
        routes.get("Whoami") { Self.whoami($0) }
        routes.get("Certified", requiresClientCertificate: true) { Self.whoami($0) }
        routes.get("Items/{id}") { .bytes(Array($0.parameter("id").utf8), contentType: "text/plain") }
        routes.get("Events") { _ in
            .stream(contentType: "text/event-stream") { events in
                events.yield(Array("data: one\n\n".utf8))
                await probe.streamGate.wait()
                events.yield(Array("data: two\n\n".utf8))
            }
        }
        routes.get("Chunks") { _ in
            let (stream, continuation) = AsyncStream<[UInt8]>.makeStream()
            for n in 1...3 { continuation.yield(Array("{\"n\":\(n)}\n".utf8)) }
            continuation.finish()
            return .stream(contentType: "application/x-ndjson", body: stream)
        }
        routes.get("Forever") { _ in
            .stream(contentType: "text/plain") { out in
                out.yield(Array("first".utf8))
                await Gate().wait()
            }
        }
        return routes
    }

    private static func whoami(_ request: SimulatorRequest) -> SimulatorResponse {
        let text = request.clientCertificate.map {
            "\($0.commonName ?? "?") \($0.sha256Fingerprint) \($0.sha1Thumbprint)"
        } ?? "anonymous"
        return .bytes(Array(text.utf8), contentType: "text/plain")
    }
}

/// A vendor that answers a missing client certificate its own way.
struct RefusingVendor: SimulatedVendor {
    let basePath = "/Refuse"
    var credentials: [(key: String, value: String)] { [] }

    var routes: RouteTable {
        var routes = RouteTable()
        routes.get("Certified", requiresClientCertificate: true) { _ in .empty(200) }
        return routes
    }

    func clientCertificateRequired(_ request: SimulatorRequest) -> SimulatorResponse {
        SimulatorResponse(status: 401, headers: [("Content-Type", "text/plain")], body: Array("present your certificate".utf8))
    }
}

// MARK: - Helpers

private func frameworkOptions(
    _ probe: FrameworkProbe = FrameworkProbe(), caseSensitive: Bool = false, tls: SimulatorTLS = .none,
    directory: String? = nil
) -> SimulatorOptions {
    let kind = SimulatorKind(vendor: "framework-test", shortName: "Framework test") { _ in
        FrameworkTestVendor(caseSensitive: caseSensitive, probe: probe)
    }
    var options = SimulatorOptions(vendors: [kind])
    options.clock = ManualSimulatorClock(testStart)
    options.tls = tls
    options.stateDirectory = directory
    return options
}

extension Simulator {
    /// The port of the first (only) endpoint.
    fileprivate func port() throws -> Int {
        try #require(URLComponents(string: endpoints[0].url)?.port)
    }
}

private func transportOptions(_ material: TLSMaterial, withCertificate: Bool) throws -> TransportOptions {
    var options = TransportOptions()
    options.caBundle = Array(try Data(contentsOf: URL(fileURLWithPath: material.caCertificatePath)))
    if withCertificate { options.clientIdentity = try identity(material) }
    return options
}

private func identity(_ material: TLSMaterial) throws -> ClientIdentity {
    var key = Array(try Data(contentsOf: URL(fileURLWithPath: try #require(material.clientKeyPath))))
    return .pem(
        certificate: Array(try Data(contentsOf: URL(fileURLWithPath: try #require(material.clientCertificatePath)))),
        key: SecretBytes(consuming: &key), keyPassphrase: nil)
}

/// The DER bytes of the first certificate in a PEM file.
private func derOfPEM(_ path: String) throws -> [UInt8] {
    let text = try String(contentsOfFile: path, encoding: .utf8)
    let base64 = text.components(separatedBy: "\n")
        .filter { !$0.hasPrefix("-----") }
        .joined()
    return Array(try #require(Data(base64Encoded: base64)))
}

/// One raw HTTP/1.1 request whose answer is read on a thread of its own as it arrives, so a
/// test can look at what came so far while the server is still streaming.
final class StreamingConnection: Sendable {
    private let state = Locked<(bytes: [UInt8], closed: Bool)>(([], false))

    init(port: Int, path: String) throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw POSIXError(.EIO) }
        var timeout = timeval(tv_sec: 30, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        inet_pton(AF_INET, "127.0.0.1", &address.sin_addr)
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            close(fd)
            throw POSIXError(.ECONNREFUSED)
        }
        let request = Array("GET \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n\r\n".utf8)
        let sent = request.withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        guard sent == request.count else {
            close(fd)
            throw ConnectionClosed()
        }
        let state = self.state
        Thread {
            var buffer = [UInt8](repeating: 0, count: 65536)
            while true {
                let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
                if count <= 0 { break }
                state.withLock { $0.bytes.append(contentsOf: buffer[0..<count]) }
            }
            close(fd)
            state.withLock { $0.closed = true }
        }.start()
    }

    /// Everything received so far, head and chunk framing included.
    var text: String { String(decoding: state.withLock { $0.bytes }, as: UTF8.self) }
    /// The server closed the connection (or the read timed out).
    var isClosed: Bool { state.withLock { $0.closed } }
}
