import Foundation
import PAMCore

/// BeyondTrust's session on the kit's `VendorSession`: each call is built by its endpoint and a
/// non-2xx answer becomes the vendor's error.
struct BeyondTrustSession {
    private let session: VendorSession
    private let baseURL: String

    init(transport: any HTTPTransport, configuration: BeyondTrustConfiguration, now: @escaping @Sendable () -> Date) {
        baseURL = configuration.baseURL
        session = VendorSession(
            transport: transport, authenticator: BeyondTrustAuthenticator(configuration: configuration),
            retry: configuration.retry, now: now
        )
    }

    /// Signed in until the idle timeout after the last answer, or the token's end if sooner.
    var status: SessionStatus {
        get async { await session.status }
    }

    /// Sends a call in the session and returns a 2xx response (or one in `accept`), or throws
    /// the mapped error.
    func send(
        _ endpoint: BeyondTrustEndpoint, body: HTTPBody = .empty, subject: String? = nil, accept: Set<Int> = []
    ) async throws -> HTTPResponse {
        let response = try await session.send(endpoint.request(base: baseURL, body: body), operation: endpoint.operation)
        guard response.isSuccess || accept.contains(response.status) else {
            throw BeyondTrustError.from(response, endpoint: endpoint, subject: subject)
        }
        return response
    }

    /// Ends the server session if there is one.
    func signOut() async {
        await session.signOut()
    }
}

/// How BeyondTrust signs in (PS-Auth, or an OAuth token, then `SignAppin`; the session cookie
/// stays in the transport's jar), signs out, and when its session ends: 20 minutes after the
/// last answer, or at the token's end if sooner.
struct BeyondTrustAuthenticator: SessionAuthenticator {
    let configuration: BeyondTrustConfiguration

    func signIn(over transport: any HTTPTransport, retry: RetryPolicy, now: Date) async throws -> SessionGrant {
        let (authorization, tokenExpiry) = try await authorizationHeader(over: transport, retry: retry, now: now)
        let request = BeyondTrustEndpoint.signIn.request(
            base: configuration.baseURL, headers: [HTTPHeader("Authorization", secret: authorization)]
        )
        let response = try await retry.send(request, over: transport)
        guard response.status == 200 else {
            throw BeyondTrustError.from(response, endpoint: .signIn)
        }
        return SessionGrant(expiresAt: tokenExpiry)
    }

    func signOut(_ grant: SessionGrant, over transport: any HTTPTransport) async {
        _ = try? await transport.send(BeyondTrustEndpoint.signOut.request(base: configuration.baseURL))
    }

    func expiry(after response: HTTPResponse, grant: SessionGrant, at now: Date) -> Date? {
        let idleEnd = now.addingTimeInterval(configuration.sessionIdleTimeout)
        return min(idleEnd, grant.expiresAt ?? idleEnd)
    }

    private func authorizationHeader(over transport: any HTTPTransport, retry: RetryPolicy, now: Date) async throws -> (SecretBytes, Date?) {
        switch configuration.authentication {
        case .apiKey(let key, let runAs, let password):
            var pieces: [SecretPiece] = [.text("PS-Auth key="), .secret(key), .text("; runas=\(runAs);")]
            if let password { pieces += [.text(" pwd=["), .secret(password), .text("];")] }
            return (SecretBytes.joined(pieces), nil)
        case .oauth(let clientID, let clientSecret):
            let (token, expiry) = try await fetchToken(clientID: clientID, clientSecret: clientSecret, over: transport, retry: retry, now: now)
            return (SecretBytes.joined([.text("Bearer "), .secret(token)]), expiry)
        }
    }

    private func fetchToken(
        clientID: String, clientSecret: SecretBytes, over transport: any HTTPTransport, retry: RetryPolicy, now: Date
    ) async throws -> (SecretBytes, Date?) {
        let form = SecretBytes.joined([
            .text("client_id=\(PercentEncoding.encode(clientID))&client_secret="),
            .percentEncoded(clientSecret),
            .text("&grant_type=client_credentials"),
        ])
        let request = BeyondTrustEndpoint.token.request(
            base: configuration.baseURL,
            headers: [HTTPHeader("Content-Type", "application/x-www-form-urlencoded")],
            body: .secret(form)
        )
        let response = try await retry.send(request, over: transport)
        guard response.status == 200 else { throw BeyondTrustError.from(response, endpoint: .token) }
        guard let token = try SecretJSON.stringField("access_token", in: response.body), !token.isEmpty else {
            throw PAMError(.malformed, "the token response has no access_token", operation: BeyondTrustEndpoint.token.operation)
        }
        let expiry = try SecretJSON.intField("expires_in", in: response.body).map { now.addingTimeInterval(TimeInterval($0)) }
        return (token, expiry)
    }
}
