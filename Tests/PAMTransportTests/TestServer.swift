import Foundation
import Hummingbird
import HummingbirdTLS
import Logging
import NIOSSL
import PAMCore

/// What `/echo` saw, sent back as JSON.
struct Echo: ResponseEncodable, Decodable {
    var method: String
    /// The request target as sent (absolute form when it came through a proxy).
    var target: String
    /// The host the client addressed (the Host header).
    var authority: String?
    var headers: [String: String]
    var body: String

    func header(_ name: String) -> String? {
        headers.first { $0.key.lowercased() == name.lowercased() }?.value
    }
}

/// A one-way signal: routes wait on it, the test opens it.
final class Gate: Sendable {
    private let state = Locked((open: false, waiters: [CheckedContinuation<Void, Never>]()))

    func open() {
        let waiters = state.withLock { state in
            state.open = true
            defer { state.waiters.removeAll() }
            return state.waiters
        }
        for waiter in waiters { waiter.resume() }
    }

    func wait() async {
        await withCheckedContinuation { continuation in
            let isOpen = state.withLock { state in
                if !state.open { state.waiters.append(continuation) }
                return state.open
            }
            if isOpen { continuation.resume() }
        }
    }
}

/// The events `/events` sends.
enum SSE {
    static let first = "data: first\n\n"
    static let second = "data: second\n\n"
}

/// Counters the tests wait on and assert against.
final class ServerStats: Sendable {
    private let state = Locked((remotePorts: Set<Int>(), requests: 0, slowStarted: 0))
    private let events = Locked((secondSent: 0, closed: 0))
    /// Lets `/events` go on past its first event.
    let release = Gate()

    func sentSecond() { events.withLock { $0.secondSent += 1 } }
    func sawClose() { events.withLock { $0.closed += 1 } }

    /// Second events `/events` has sent.
    var secondEvents: Int { events.withLock { $0.secondSent } }
    /// Streams whose connection `/events?forever=1` saw closed.
    var closedStreams: Int { events.withLock { $0.closed } }

    func saw(port: Int?) {
        state.withLock { state in
            state.requests += 1
            if let port { state.remotePorts.insert(port) }
        }
    }

    func slowStarted() { state.withLock { $0.slowStarted += 1 } }

    var remotePorts: Set<Int> { state.withLock { $0.remotePorts } }
    var requests: Int { state.withLock { $0.requests } }
    var slowRequests: Int { state.withLock { $0.slowStarted } }
}

/// Request context that keeps what the routes need from the connection.
struct TestContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    let remotePort: Int?
    let peerCommonName: @Sendable () async -> String?

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        let channel = source.channel
        remotePort = channel.remoteAddress?.port
        peerCommonName = {
            guard let certificate = try? await channel.nioSSL_peerCertificate().get() else { return nil }
            // The description reads "<NIOSSLCertificate;serial_number=…;common_name=NAME>".
            let text = "\(certificate)"
            guard let range = text.range(of: "common_name=") else { return nil }
            return String(text[range.upperBound...].prefix { $0 != ">" && $0 != ";" })
        }
    }
}

/// A loopback Hummingbird server on port 0: plain HTTP, TLS or mTLS.
struct TestServer: Sendable {
    enum Mode {
        case plain
        case tls
        case mutualTLS
    }

    let port: Int
    let scheme: String
    let stats: ServerStats

    /// `scheme://127.0.0.1:port` plus the path.
    func url(_ path: String, host: String = "127.0.0.1") -> String { "\(scheme)://\(host):\(port)\(path)" }

    /// Runs `body` against a fresh server.
    ///
    /// The server is deliberately not stopped: cancelling a NIO async server while a connection is
    /// accepted but not yet served traps with "Deinited NIOAsyncWriter without calling finish()"
    /// (swift-nio #2637, #3481), and the TLS failure tests leave exactly such connections behind.
    /// An idle server costs a listening socket on the shared event loop until the test process ends.
    static func with<T>(_ mode: Mode = .plain, _ body: (TestServer) async throws -> T) async throws -> T {
        try await body(try await start(mode))
    }

    static func start(_ mode: Mode) async throws -> TestServer {
        let stats = ServerStats()
        let router = makeRouter(stats)
        var logger = Logger(label: "pamtui.transport.test-server")
        logger.logLevel = .critical
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let configuration = ApplicationConfiguration(address: .hostname("127.0.0.1", port: 0))
        // One event loop per server: with the listener and its connections spread over loops, NIO
        // trapped far more often with "Deinited NIOAsyncWriter without calling finish()" (an
        // accepted connection's async wrapper dropped before it became active). It still can, rarely.
        let loop = EventLoopGroupProvider.shared(EventLoopGroupProvider.singleton.eventLoopGroup.next())
        // HTTPServerBuilder lives in HummingbirdCore, which this target does not depend on, so the
        // builder is never named.
        let app: Application<RouterResponder<TestContext>>
        if mode == .plain {
            app = Application(
                router: router, configuration: configuration, onServerRunning: { continuation.yield($0.localAddress?.port ?? 0) },
                eventLoopGroupProvider: loop, logger: logger)
        } else {
            app = Application(
                router: router, server: try .tls(.http1(), tlsConfiguration: try tlsConfiguration(mutual: mode == .mutualTLS)),
                configuration: configuration, onServerRunning: { continuation.yield($0.localAddress?.port ?? 0) },
                eventLoopGroupProvider: loop,
                logger: logger)
        }
        Task {
            try? await app.runService(gracefulShutdownSignals: [])
            continuation.finish()
        }
        for await port in ports where port > 0 {
            return TestServer(port: port, scheme: mode == .plain ? "http" : "https", stats: stats)
        }
        throw TestPKIError(message: "test server did not start")
    }

    private static func tlsConfiguration(mutual: Bool) throws -> TLSConfiguration {
        let pki = try TestPKI.shared.get()
        let certificate = try NIOSSLCertificate(bytes: pki.bytes("server.pem"), format: .pem)
        let key = try NIOSSLPrivateKey(bytes: pki.bytes("server.key"), format: .pem)
        guard mutual else {
            return .makeServerConfiguration(certificateChain: [.certificate(certificate)], privateKey: .privateKey(key))
        }
        let ca = try NIOSSLCertificate(bytes: pki.caA, format: .pem)
        var configuration = TLSConfiguration.makeServerConfigurationWithMTLS(
            certificateChain: [.certificate(certificate)], privateKey: .privateKey(key),
            trustRoots: .certificates([ca]))
        configuration.certificateVerification = .noHostnameVerification
        return configuration
    }

    private static func makeRouter(_ stats: ServerStats) -> Router<TestContext> {
        let router = Router(context: TestContext.self)
        for method in [HTTPRequest.Method.get, .post, .put, .delete, .patch] {
            router.on("/echo", method: method) { request, context -> Echo in
                stats.saw(port: context.remotePort)
                var request = request
                let body = try await request.collectBody(upTo: 16 * 1024 * 1024)
                var headers: [String: String] = [:]
                for field in request.headers {
                    let name = field.name.canonicalName
                    headers[name] = headers[name].map { "\($0), \(field.value)" } ?? field.value
                }
                return Echo(
                    method: request.method.rawValue, target: request.head.path ?? "",
                    authority: request.head.authority, headers: headers,
                    body: String(buffer: body))
            }
        }
        router.get("/ping") { _, context -> String in
            stats.saw(port: context.remotePort)
            return "pong"
        }
        router.get("/slow") { _, _ -> String in
            stats.slowStarted()
            try await Task.sleep(for: .seconds(30))
            return "late"
        }
        router.get("/big") { request, _ -> Response in
            let count = request.uri.queryParameters.get("n", as: Int.self) ?? 0
            let buffer = ByteBuffer(bytes: (0..<count).map { UInt8(truncatingIfNeeded: $0) })
            guard request.uri.queryParameters.get("chunked") != nil else {
                return Response(status: .ok, body: ResponseBody(byteBuffer: buffer))
            }
            return Response(status: .ok, body: ResponseBody { writer in
                try await writer.write(buffer)
                try await writer.finish(nil)
            })
        }
        // Server-sent events: the first event (unless first=0), then, once the test opens the
        // release gate, the second and the end; with forever=1, comments until a write fails
        // because the client closed the connection. status= sets the status.
        router.get("/events") { request, _ -> Response in
            let query = request.uri.queryParameters
            let status = query.get("status", as: Int.self) ?? 200
            let first = query.get("first") != "0"
            let forever = query.get("forever") != nil
            var headers = HTTPFields()
            headers[.contentType] = "text/event-stream"
            headers[.cacheControl] = "no-cache"
            return Response(status: .init(code: status), headers: headers, body: ResponseBody { writer in
                if first { try await writer.write(ByteBuffer(string: SSE.first)) }
                await stats.release.wait()
                guard forever else {
                    stats.sentSecond()
                    try await writer.write(ByteBuffer(string: SSE.second))
                    try await writer.finish(nil)
                    return
                }
                do {
                    while true { try await writer.write(ByteBuffer(string: ": ping\n\n")) }
                } catch {
                    stats.sawClose()
                    throw error
                }
            })
        }
        router.get("/cookie/set") { _, _ -> Response in
            var headers = HTTPFields()
            headers[.setCookie] = "session=jar-\(UUID().uuidString); Path=/; HttpOnly"
            return Response(status: .ok, headers: headers)
        }
        router.get("/cookie/check") { request, _ -> String in
            request.headers[.cookie] ?? "no cookie"
        }
        router.get("/status/{code}") { _, context -> Response in
            Response(status: .init(code: try context.parameters.require("code", as: Int.self)))
        }
        router.get("/whoami") { _, context -> String in
            await context.peerCommonName() ?? "anonymous"
        }
        router.post("/token") { _, _ -> String in
            TestSecrets.responseToken
        }
        return router
    }
}

/// Secret strings that must reach the server intact and never the trace.
enum TestSecrets {
    static let authorization = "Bearer tok-7f3a9c1e-SECRET-HEADER"
    static let body = #"{"password":"pw-SECRET-BODY-91d2"}"#
    static let responseToken = "resp-SECRET-TOKEN-44b8"
}

/// Polls a condition until it holds or the deadline passes.
func waitUntil(
    timeout: Duration = .seconds(10), _ condition: @Sendable () -> Bool
) async throws -> Bool {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
        if condition() { return true }
        try await Task.sleep(for: .milliseconds(5))
    }
    return condition()
}
