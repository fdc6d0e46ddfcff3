import Foundation
import PAMCore

/// How Secret Server signs in: the health check (so a wrong URL says so instead of failing
/// oddly), then the OAuth password grant with an optional domain and one-time code; a refresh
/// grant renews the token (each refresh token once, at most `maxRefreshes` times) before a full
/// sign-in is needed again; sign-out expires the token. 401 and 403 both mean the token is over.
/// A one-time code comes from the profile's source, else from the prompter once the server asks.
struct SecretServerAuthenticator: SessionAuthenticator {
    let configuration: SecretServerConfiguration
    let profile: String
    /// Set once the server asked this account for a one-time code: later full sign-ins ask
    /// first rather than spend a refused grant (which may count as a failed login).
    private let asksForCode = Locked(false)

    init(configuration: SecretServerConfiguration, profile: String) {
        self.configuration = configuration
        self.profile = profile
    }

    private var site: String { configuration.siteURL }

    func signIn(over transport: any HTTPTransport, retry: RetryPolicy, now: Date) async throws -> SessionGrant {
        try await checkHealth(over: transport, retry: retry)
        // A fresh code for every full sign-in: a one-time code cannot be replayed.
        if let source = configuration.oneTimeCode {
            return try await grant(code: try source(), afterRefusal: false, over: transport, retry: retry, now: now)
        }
        if asksForCode.withLock({ $0 }) {
            return try await grant(code: try await askForCode(), afterRefusal: false, over: transport, retry: retry, now: now)
        }
        let response = try await retry.send(passwordGrant(code: nil), over: transport)
        guard SecretServerError.wantsOneTimeCode(response) else { return try grant(from: response, refreshes: 0, now: now) }
        asksForCode.withLock { $0 = true }
        return try await grant(code: try await askForCode(), afterRefusal: true, over: transport, retry: retry, now: now)
    }

    /// The password grant with `code` in the `otp` header (wiped when the request is released).
    /// After the server refused the password alone for want of a code (so the password is
    /// right), any refusal is the code's.
    private func grant(code: SecretBytes, afterRefusal: Bool, over transport: any HTTPTransport, retry: RetryPolicy, now: Date) async throws -> SessionGrant {
        let response = try await retry.send(passwordGrant(code: code), over: transport)
        if (400..<500).contains(response.status), afterRefusal || SecretServerError.wantsOneTimeCode(response) {
            throw SecretServerError.codeRefused(response)
        }
        return try grant(from: response, refreshes: 0, now: now)
    }

    private func passwordGrant(code: SecretBytes?) -> HTTPRequest {
        var form: [SecretPiece] = [
            .text("username=\(PercentEncoding.encode(configuration.username))&password="),
            .percentEncoded(configuration.password), .text("&grant_type=password"),
        ]
        if let domain = configuration.domain { form.append(.text("&domain=\(PercentEncoding.encode(domain))")) }
        var headers = [HTTPHeader("Content-Type", "application/x-www-form-urlencoded")]
        if let code { headers.append(HTTPHeader("otp", secret: code)) }
        return SecretServerEndpoint.token.request(site: site, headers: headers, body: .secret(SecretBytes.joined(form)))
    }

    /// A new code from the prompter; Esc there ends the sign-in.
    private func askForCode() async throws -> SecretBytes {
        let question = SecretQuestion(
            profile: profile, label: "One-time code", why: "Secret Server asks \(configuration.username) for a second factor to sign in", key: "otp")
        guard let prompter = configuration.prompter else {
            throw question.unanswerable("nobody to ask").within(operation: "sign-in")
        }
        do {
            return try await prompter.secret(question)
        } catch let error as PAMError where error.kind == .cancelled {
            throw PAMError(.cancelled, "sign-in cancelled", profile: profile, operation: "sign-in")
        }
    }

    /// The refresh grant; nil (so a full sign-in follows) when there is no refresh token, the
    /// refreshes are used up, or the server refuses it.
    func refresh(_ grant: SessionGrant, over transport: any HTTPTransport, retry: RetryPolicy, now: Date) async -> SessionGrant? {
        guard let token = grant.refreshToken, grant.refreshes < configuration.maxRefreshes else { return nil }
        let form = SecretBytes.joined([.text("grant_type=refresh_token&refresh_token="), .percentEncoded(token)])
        let request = SecretServerEndpoint.token.request(
            site: site, headers: [HTTPHeader("Content-Type", "application/x-www-form-urlencoded")], body: .secret(form))
        guard let response = try? await retry.send(request, over: transport), response.status == 200 else { return nil }
        return try? self.grant(from: response, refreshes: grant.refreshes + 1, now: now)
    }

    func signOut(_ grant: SessionGrant, over transport: any HTTPTransport) async {
        _ = try? await transport.send(SecretServerEndpoint.expireToken.request(site: site, headers: grant.headers))
    }

    /// The spec documents 403 "Authentication failed" on every operation; servers also send 401.
    func sessionEnded(_ response: HTTPResponse) -> Bool { response.status == 401 || response.status == 403 }

    /// `GET api/v1/healthcheck`, unauthenticated. A web page (a login page, a wrong path) is not
    /// a Secret Server; neither is JSON without `Healthy`.
    func checkHealth(over transport: any HTTPTransport, retry: RetryPolicy) async throws {
        let endpoint = SecretServerEndpoint.healthCheck
        let response = try await retry.send(endpoint.request(site: site), over: transport)
        if response.status >= 500 {
            throw PAMError(.server, "the Secret Server at \(site) is unavailable (HTTP \(response.status))", operation: endpoint.operation, status: response.status)
        }
        guard response.isSuccess else {
            throw notSecretServer("the health check answered HTTP \(response.status)", status: response.status)
        }
        let text = response.body.withUnsafeBytes { String(decoding: $0, as: UTF8.self) }
        if SecretServerError.looksLikeHTML(response.body) { throw notSecretServer("the health check answered a web page", status: 200) }
        if let object = (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] {
            guard let healthy = object.first(where: { $0.key.lowercased() == "healthy" })?.value as? Bool else {
                throw notSecretServer("the health check has no Healthy", status: 200)
            }
            guard healthy else {
                throw PAMError(.server, "the Secret Server at \(site) reports it is not healthy", operation: endpoint.operation)
            }
            return
        }
        // The SDKs also accept a plain-text answer that says so.
        guard text.localizedCaseInsensitiveContains("healthy") else { throw notSecretServer("the health check answer is not JSON", status: 200) }
    }

    private func notSecretServer(_ why: String, status: Int) -> PAMError {
        PAMError(
            .configuration, "not a Secret Server at \(site) (\(why)); url must be the site URL, e.g. https://host/SecretServer",
            operation: "sign-in", status: status)
    }

    /// The token answer as a grant: bearer header, expiry, refresh token.
    private func grant(from response: HTTPResponse, refreshes: Int, now: Date) throws -> SessionGrant {
        let operation = SecretServerEndpoint.token.operation
        guard response.status == 200 else { throw SecretServerError.signInRefused(response) }
        let isHTML = SecretServerError.looksLikeHTML(response.body)
        if isHTML { throw notSecretServer("the token endpoint answered a web page", status: 200) }
        let token: SecretBytes?
        do {
            token = try SecretJSON.stringField("access_token", in: response.body)
        } catch {
            throw PAMError(.malformed, "the token answer is not JSON", operation: operation)
        }
        guard let token, !token.isEmpty else {
            throw PAMError(.malformed, "the token answer has no access_token", operation: operation)
        }
        let lifetime = (try? SecretJSON.intField("expires_in", in: response.body)).flatMap { $0 }.map { TimeInterval($0) }
            ?? configuration.tokenLifetime
        return SessionGrant(
            headers: [HTTPHeader("Authorization", secret: SecretBytes.joined([.text("Bearer "), .secret(token)]))],
            expiresAt: now.addingTimeInterval(lifetime), renewBefore: min(configuration.renewBefore, lifetime / 10),
            refreshToken: (try? SecretJSON.stringField("refresh_token", in: response.body)).flatMap { $0 }
                .flatMap { $0.isEmpty ? nil : $0 },
            refreshes: refreshes)
    }
}
