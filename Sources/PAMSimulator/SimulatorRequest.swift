import Foundation
import PAMCore

/// A request as the vendor simulators see it: no Hummingbird types, keys already folded.
struct SimulatorRequest: Sendable {
    /// Upper-case method (`GET`, `POST` …).
    var method: String
    /// Path segments after the vendor's base path, percent-decoded, casing as sent.
    var segments: [String]
    /// Query items; look them up case-insensitively through `query(_:)`.
    var queryItems: [(name: String, value: String)]
    /// Header fields with lower-cased names; repeated fields are joined with ", " (cookies with "; ").
    var headers: [String: String]
    var body: [UInt8]
    /// Parameters captured by the route, keyed by the lower-cased `{name}` of its pattern.
    var parameters: [String: String] = [:]
    /// The instant the simulator's clock gave when the request arrived.
    var now: Date
    /// The certificate the client presented on this connection (already verified by TLS), if any.
    var clientCertificate: ClientCertificate?

    /// The first value of a query parameter, matching its name case-insensitively.
    func query(_ name: String) -> String? {
        let wanted = name.lowercased()
        return queryItems.first { $0.name.lowercased() == wanted }?.value
    }

    /// A header value by case-insensitive name.
    func header(_ name: String) -> String? { headers[name.lowercased()] }

    /// A captured route parameter.
    func parameter(_ name: String) -> String { parameters[name.lowercased()] ?? "" }

    /// The cookies the client sent.
    var cookies: [String: String] {
        var result: [String: String] = [:]
        for pair in (header("cookie") ?? "").split(separator: ";") {
            let parts = pair.split(separator: "=", maxSplits: 1)
            guard let name = parts.first else { continue }
            let value = parts.count > 1 ? String(parts[1]) : ""
            result[name.trimmingCharacters(in: .whitespaces)] = value.trimmingCharacters(in: .whitespaces)
        }
        return result
    }

    /// Splits `a=1&b=2` (with `+` as space) into decoded items.
    static func parseQuery(_ text: Substring) -> [(name: String, value: String)] {
        text.split(separator: "&").map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ part: Substring) -> String {
                let spaced = part.replacingOccurrences(of: "+", with: " ")
                return spaced.removingPercentEncoding ?? spaced
            }
            return (decode(parts[0]), parts.count > 1 ? decode(parts[1]) : "")
        }
    }
}

/// What a vendor simulator answers.
struct SimulatorResponse: Sendable {
    var status: Int
    var headers: [(name: String, value: String)] = []
    var body: [UInt8] = []
    /// True for JSON bodies, which the malformed fault may cut short.
    var isJSON = false
    /// A body sent in chunks as they are produced (chunked transfer encoding); when set, ``body``
    /// is ignored. See ``stream(_:contentType:headers:body:)``.
    var streamedBody: StreamedBody?

    /// Where the chunks of a streamed body come from.
    enum StreamedBody: Sendable {
        /// A stream the handler feeds, typically from a task of its own.
        case chunks(AsyncStream<[UInt8]>)
        /// A producer run while the body is written and cancelled when the client goes away or
        /// the simulator stops; the body ends when it returns.
        case producer(@Sendable (AsyncStream<[UInt8]>.Continuation) async -> Void)
    }

    /// A body streamed chunk by chunk, for long polling or server-sent events: each chunk reaches
    /// the client as soon as it is yielded; the body ends when the stream finishes (or the
    /// simulator stops). Faults decided before the handler runs (latency, drop, 503, 429) apply
    /// as to any route; the malformed fault never cuts a streamed body.
    static func stream(
        _ status: Int = 200, contentType: String, headers: [(name: String, value: String)] = [],
        body: AsyncStream<[UInt8]>
    ) -> SimulatorResponse {
        SimulatorResponse(status: status, headers: [("Content-Type", contentType)] + headers, streamedBody: .chunks(body))
    }

    /// A streamed body whose chunks `produce` yields to the continuation it is given; the body
    /// ends when `produce` returns. `produce` runs while the answer is written and is cancelled
    /// when the client disconnects or the simulator stops. Faults as for
    /// ``stream(_:contentType:headers:body:)``.
    static func stream(
        _ status: Int = 200, contentType: String, headers: [(name: String, value: String)] = [],
        produce: @escaping @Sendable (AsyncStream<[UInt8]>.Continuation) async -> Void
    ) -> SimulatorResponse {
        SimulatorResponse(status: status, headers: [("Content-Type", contentType)] + headers, streamedBody: .producer(produce))
    }

    /// A JSON body written with ``JSONWriter``.
    static func json(_ status: Int = 200, _ bytes: [UInt8], headers: [(name: String, value: String)] = [])
        -> SimulatorResponse
    {
        SimulatorResponse(
            status: status, headers: [("Content-Type", "application/json; charset=utf-8")] + headers,
            body: bytes, isJSON: true)
    }

    /// A JSON document built by `body`.
    static func json(_ status: Int = 200, _ body: (inout JSONWriter) -> Void) -> SimulatorResponse {
        var writer = JSONWriter()
        body(&writer)
        return json(status, writer.bytes)
    }

    /// A JSON string literal body, the way this vendor reports errors and returns credentials.
    static func jsonString(_ status: Int, _ text: String) -> SimulatorResponse {
        json(status, JSONWriter.stringLiteral(text))
    }

    /// A bare JSON integer body (`124`).
    static func jsonInt(_ status: Int, _ value: Int) -> SimulatorResponse {
        json(status, Array(String(value).utf8))
    }

    /// No body at all (`204`, or `200` with an empty body).
    static func empty(_ status: Int) -> SimulatorResponse {
        SimulatorResponse(status: status)
    }

    /// Raw bytes with a content type of their own.
    static func bytes(_ bytes: [UInt8], contentType: String, headers: [(name: String, value: String)] = [])
        -> SimulatorResponse
    {
        SimulatorResponse(status: 200, headers: [("Content-Type", contentType)] + headers, body: bytes)
    }
}
