import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import PAMCore
import ServiceLifecycle

/// The Hummingbird responder in front of one vendor simulator: it turns requests into
/// ``SimulatorRequest`` values, applies the fault plan, routes, awaits the handler and writes the
/// answer (streamed bodies chunk by chunk).
struct VendorResponder: HTTPResponder {
    typealias Context = SimulatorRequestContext

    let vendor: any SimulatedVendor
    let routes: RouteTable
    let faults: FaultInjector
    let clock: any SimulatorClock
    let requestLog: (@Sendable (String) -> Void)?

    init(vendor: any SimulatedVendor, faults: FaultInjector, clock: any SimulatorClock, requestLog: (@Sendable (String) -> Void)?) {
        self.vendor = vendor
        self.routes = vendor.routes
        self.faults = faults
        self.clock = clock
        self.requestLog = requestLog
    }

    /// Thrown after a drop fault closed the connection; nothing more is written.
    struct ConnectionDropped: Error {}

    func respond(to request: Request, context: Context) async throws -> Response {
        var request = request
        let body = try await request.collectBody(upTo: 64 << 20)
        let method = request.method.rawValue.uppercased()
        // The vendors' APIs carry no secrets in queries, so the log keeps them (they help debugging).
        let target = request.uri.query.map { "\(request.uri.path)?\($0)" } ?? request.uri.path

        if faults.plan.latency > .zero {
            try await Task.sleep(for: faults.plan.latency)
        }

        let certificate = await context.clientCertificate()
        let bases = [vendor.basePath] + vendor.aliasBasePaths
        let caseSensitive = routes.caseSensitive
        guard let segments = bases.lazy.compactMap({
            Self.segments(path: request.uri.path, basePath: $0, caseSensitive: caseSensitive)
        }).first else {
            let simulated = makeRequest(method: method, segments: [], request: request, body: body, certificate: certificate)
            return log(method, target, respond(vendor.notFound(simulated)))
        }
        var simulated = makeRequest(method: method, segments: segments, request: request, body: body, certificate: certificate)

        let match = routes.match(method: method, segments: segments)
        var isAuthentication = false
        if case .found(let route, _) = match { isAuthentication = route.isAuthentication }

        var malformed = false
        var afterCommit = FaultInjector.AfterCommit.reply
        switch faults.decide(method: method, isAuthentication: isAuthentication) {
        case .drop:
            requestLog?("\(method) \(target) → connection dropped (fault)")
            try? await context.channel.close()
            throw ConnectionDropped()
        case .serverError:
            return log(method, target, respond(.empty(503)), note: " (fault)")
        case .rateLimit:
            let seconds = max(1, Int(faults.plan.retryAfter.components.seconds))
            return log(method, target, respond(SimulatorResponse(status: 429, headers: [("Retry-After", String(seconds))])), note: " (fault)")
        case .answer(let cut, let then):
            malformed = cut
            afterCommit = then
        }

        var answer: SimulatorResponse
        switch match {
        case .found(let route, let parameters):
            simulated.parameters = parameters
            if route.requiresClientCertificate, simulated.clientCertificate == nil {
                answer = vendor.clientCertificateRequired(simulated)
            } else {
                answer = await route.handler(simulated)
            }
        case .methodNotAllowed:
            answer = .jsonString(405, "The requested resource does not support http method '\(method)'.")
        case .notFound:
            answer = vendor.notFound(simulated)
        }
        var note = ""
        if malformed, answer.isJSON, answer.streamedBody == nil {
            answer.body = FaultInjector.malform(answer.body)
            note = " (malformed by fault)"
        }

        // The handler has run, so the server has committed whatever the request asked for.
        switch afterCommit {
        case .reply:
            return log(method, target, respond(answer), note: note)
        case .drop:
            requestLog?("\(method) \(target) → \(answer.status), then connection dropped (fault: commit-then-drop)")
            try? await context.channel.close()
            throw ConnectionDropped()
        case .delay(let delay):
            // Logged before the wait, so a test watching the log can act while the client waits.
            requestLog?("\(method) \(target) → \(answer.status) committed; answer delayed \(Self.describe(delay)) (fault: commit-then-delay)\(note)")
            // A graceful shutdown ends the wait early instead of holding the server up.
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: delay) }
            return respond(answer)
        }
    }

    /// `5s` for whole seconds, else `1500ms` (plans are parsed to the millisecond).
    private static func describe(_ duration: Duration) -> String {
        let milliseconds = duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000
        return milliseconds % 1000 == 0 ? "\(milliseconds / 1000)s" : "\(milliseconds)ms"
    }

    private func makeRequest(
        method: String, segments: [String], request: Request, body: ByteBuffer, certificate: ClientCertificate?
    ) -> SimulatorRequest {
        var headers: [String: String] = [:]
        for field in request.headers {
            let name = field.name.canonicalName
            if let existing = headers[name] {
                headers[name] = existing + (name == "cookie" ? "; " : ", ") + field.value
            } else {
                headers[name] = field.value
            }
        }
        return SimulatorRequest(
            method: method, segments: segments,
            queryItems: SimulatorRequest.parseQuery(Substring(request.uri.query ?? "")),
            headers: headers, body: Array(buffer: body), now: clock.now(), clientCertificate: certificate)
    }

    /// The percent-decoded segments after `basePath`, or nil when the path is outside it.
    static func segments(path: String, basePath: String, caseSensitive: Bool = false) -> [String]? {
        let parts = path.split(separator: "/").map { String($0) }
        let base = basePath.split(separator: "/").map { String($0) }
        guard parts.count >= base.count,
            zip(parts, base).allSatisfy({ caseSensitive ? $0 == $1 : $0.lowercased() == $1.lowercased() })
        else { return nil }
        return parts.dropFirst(base.count).map { $0.removingPercentEncoding ?? $0 }
    }

    private func respond(_ answer: SimulatorResponse) -> Response {
        var fields = HTTPFields()
        for header in answer.headers {
            if let name = HTTPField.Name(header.name) { fields.append(HTTPField(name: name, value: header.value)) }
        }
        let body = answer.streamedBody.map(Self.streamed) ?? ResponseBody(byteBuffer: ByteBuffer(bytes: answer.body))
        return Response(status: HTTPResponse.Status(code: answer.status), headers: fields, body: body)
    }

    /// A body without a length (chunked) that writes each chunk as soon as it is produced. The
    /// source is drained by a child task into an outlet stream, so that the body also ends when the
    /// simulator shuts down gracefully, and the source (or producer) is cancelled when the body
    /// ends or the client goes away.
    private static func streamed(_ source: SimulatorResponse.StreamedBody) -> ResponseBody {
        ResponseBody { writer in
            let (chunks, outlet) = AsyncStream<[UInt8]>.makeStream()
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    switch source {
                    case .chunks(let stream):
                        for await chunk in stream { outlet.yield(chunk) }
                    case .producer(let produce):
                        await produce(outlet)
                    }
                    outlet.finish()
                }
                defer { group.cancelAll() }
                try await withGracefulShutdownHandler {
                    for await chunk in chunks where !chunk.isEmpty {
                        try await writer.write(ByteBuffer(bytes: chunk))
                    }
                } onGracefulShutdown: {
                    outlet.finish()
                }
            }
            try await writer.finish(nil)
        }
    }

    private func log(_ method: String, _ path: String, _ response: Response, note: String = "") -> Response {
        requestLog?("\(method) \(path) → \(response.status.code)\(note)")
        return response
    }
}
