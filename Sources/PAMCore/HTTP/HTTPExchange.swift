import Foundation

/// A redacted record of one API call: what the trace prints and the audit pane lists.
///
/// It is built only from the method, the URL path and query, the status and timings, so no
/// header, cookie or body can reach it.
public struct HTTPExchange: Sendable, Equatable {
    public var method: HTTPMethod
    /// Path and query of the URL, with any `user:password@` part removed.
    public var target: String
    public var host: String
    /// HTTP status, or nil when no response arrived.
    public var status: Int?
    public var duration: Duration
    /// Response size, or nil when the response is a credential.
    public var responseBytes: Int?
    /// The error kind when the request failed.
    public var failure: PAMError.Kind?
    public var startedAt: Date

    public init(
        method: HTTPMethod, url: String, status: Int?, duration: Duration, responseBytes: Int?,
        failure: PAMError.Kind?, startedAt: Date
    ) {
        self.method = method
        let parts = URLParts(url)
        self.target = parts.target
        self.host = parts.host
        self.status = status
        self.duration = duration
        self.responseBytes = responseBytes
        self.failure = failure
        self.startedAt = startedAt
    }

    /// `GET host/path?query -> 200 (12 ms, 3456 B)`.
    public var line: String {
        let size = responseBytes.map { ", \($0) B" } ?? ""
        return "\(method.rawValue) \(host)\(target) -> \(outcome) (\(String(format: "%.1f", milliseconds)) ms\(size))"
    }

    /// `200`, or `failed (timeout)` when no response came.
    public var outcome: String { status.map(String.init) ?? failure.map { "failed (\($0.rawValue))" } ?? "failed" }

    public var milliseconds: Double { Double(duration.components.attoseconds) / 1e15 + Double(duration.components.seconds) * 1000 }
}

/// Receives a record of every exchange a transport completes.
public protocol HTTPExchangeObserver: Sendable {
    func record(_ exchange: HTTPExchange)
}

/// Splits a URL into host and path+query without credentials or fragment.
struct URLParts {
    var host = ""
    var target = "/"

    init(_ url: String) {
        var rest = Substring(url)
        if let scheme = rest.range(of: "://") { rest = rest[scheme.upperBound...] }
        let authorityEnd = rest.firstIndex(where: { $0 == "/" || $0 == "?" }) ?? rest.endIndex
        var authority = rest[..<authorityEnd]
        if let at = authority.lastIndex(of: "@") { authority = authority[authority.index(after: at)...] }
        host = String(authority)
        var path = rest[authorityEnd...]
        if let hash = path.firstIndex(of: "#") { path = path[..<hash] }
        target = path.isEmpty ? "/" : String(path)
    }
}
