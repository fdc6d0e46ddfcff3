import Foundation
import PAMCore
import PAMVendors

/// A scripted Secret Server for session and error tests: single-use refresh tokens, a clock the
/// test moves, and per-path answers. Not the simulator: just enough protocol to test the client.
final class SecretServerFake: @unchecked Sendable {
    static let site = "https://ss.test/SecretServer"

    struct State {
        var now = Date(timeIntervalSince1970: 1_800_000_000)
        var issued = 0
        var validAccess: Set<String> = []
        var validRefresh: Set<String> = []
        var grants: [String] = []
        var health = #"{"Healthy":true,"DatabaseHealthy":true}"#
        var routes: [String: (Int, String)] = [:]
        var expireWith = 401
        /// After answering this path every access token stops working.
        var expireAfter: String?
    }

    let state = Locked(State())
    let ttl: Int
    private(set) var transport: ScriptedTransport!

    init(ttl: Int = 1200) {
        self.ttl = ttl
        transport = ScriptedTransport { [unowned self] request, _ in self.answer(request) }
    }

    var now: Date { state.withLock { $0.now } }
    func advance(_ seconds: TimeInterval) { state.withLock { $0.now += seconds } }
    func route(_ path: String, _ status: Int, _ body: String) { state.withLock { $0.routes[path] = (status, body) } }
    /// Every access token stops working (as at the end of the server's session timeout).
    func expireAccessTokens() { state.withLock { $0.validAccess = [] } }

    func client(maxRefreshes: Int = 3, domain: String? = nil, otp: (@Sendable () throws -> SecretBytes)? = nil, pageSize: Int = 500) -> SecretServerClient {
        var configuration = SecretServerConfiguration(
            siteURL: Self.site, username: "svc", password: SecretBytes(utf8: "p&ss"), domain: domain)
        configuration.maxRefreshes = maxRefreshes
        configuration.oneTimeCode = otp
        configuration.pageSize = pageSize
        configuration.retry = RetryPolicy(attempts: 1, baseDelay: .zero, maxDelay: .zero)
        return SecretServerClient(profile: "ss", configuration: configuration, transport: transport, now: { [state] in state.withLock { $0.now } })
    }

    /// `METHOD path?query` of each request, below the site.
    var lines: [String] { transport.requests.map { "\($0.method.rawValue) \($0.url.replacingOccurrences(of: Self.site + "/", with: ""))" } }

    private func answer(_ request: HTTPRequest) -> HTTPResponse {
        let path = request.url.replacingOccurrences(of: Self.site + "/", with: "")
        let bare = String(path.split(separator: "?").first ?? "")
        if bare == "api/v1/healthcheck" {
            let health = state.withLock { $0.health }
            return HTTPResponse(status: 200, headers: [("Content-Type", health.hasPrefix("<") ? "text/html" : "application/json")], body: SecretBytes(utf8: health))
        }
        if bare == "oauth2/token" { return token(request.bodyText) }
        let bearer = request.headerText("Authorization")?.replacingOccurrences(of: "Bearer ", with: "")
        let (valid, expireWith, routes) = state.withLock { ($0.validAccess.contains(bearer ?? ""), $0.expireWith, $0.routes) }
        guard valid else { return .json(expireWith, #"{"message":"Authentication failed or was not provided."}"#) }
        if bare == "api/v1/oauth-expiration" {
            state.withLock { _ = $0.validAccess.remove(bearer ?? "") }
            return .json(200, "{}")
        }
        if let (status, body) = routes[path] ?? routes[bare] {
            state.withLock { if $0.expireAfter == bare { $0.validAccess = [] } }
            return .json(status, body)
        }
        return .json(404, #"{"message":"The requested url could not be found."}"#)
    }

    private func token(_ form: String) -> HTTPResponse {
        let fields = Dictionary(form.split(separator: "&").map { pair -> (String, String) in
            let parts = pair.split(separator: "=", maxSplits: 1).map { String($0).removingPercentEncoding ?? String($0) }
            return (parts[0], parts.count > 1 ? parts[1] : "")
        }, uniquingKeysWith: { $1 })
        return state.withLock { state in
            switch fields["grant_type"] {
            case "password"?:
                guard fields["username"] == "svc", fields["password"] == "p&ss" else { return .json(400, #"{"error":"Login failed."}"#) }
            case "refresh_token"?:
                // Single use: the token is spent whatever happens next.
                guard let presented = fields["refresh_token"], state.validRefresh.remove(presented) != nil else {
                    return .json(400, #"{"error":"invalid_grant"}"#)
                }
            default: return .json(400, #"{"error":"unsupported_grant_type"}"#)
            }
            state.issued += 1
            let access = "at\(state.issued)", refresh = "rt\(state.issued)"
            state.validAccess.insert(access)
            state.validRefresh.insert(refresh)
            state.grants.append(fields["grant_type"] ?? "")
            return .json(200, #"{"access_token":"\#(access)","token_type":"bearer","expires_in":\#(ttl),"refresh_token":"\#(refresh)"}"#)
        }
    }
}
