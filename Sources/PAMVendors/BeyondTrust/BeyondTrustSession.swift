import Foundation
import PAMCore

/// The signed-in session: signs in once (concurrent callers share one sign-in), keeps the
/// ASP.NET session cookie in the transport's jar, and on a 401 signs in again once and retries
/// idempotent calls.
actor BeyondTrustSession {
    private let transport: any HTTPTransport
    private let configuration: BeyondTrustConfiguration
    private let now: @Sendable () -> Date
    private var signIn: Task<Void, any Error>?
    private var signedIn = false
    private var signInFailed = false
    /// The last answer in this session: the server's idle timeout counts from there.
    private var lastActivity: Date?
    private var tokenExpiry: Date?
    /// Incremented on each successful sign-in, so a 401 from an older session does not sign in twice.
    private var generation = 0

    init(transport: any HTTPTransport, configuration: BeyondTrustConfiguration, now: @escaping @Sendable () -> Date) {
        self.transport = transport
        self.configuration = configuration
        self.now = now
    }

    /// Signed in until the idle timeout after the last answer, or the token's end if sooner.
    var status: SessionStatus {
        if signInFailed { return SessionStatus(.failed) }
        guard signedIn, let lastActivity else { return .signedOut }
        let idleEnd = lastActivity.addingTimeInterval(configuration.sessionIdleTimeout)
        return SessionStatus(.signedIn, expiresAt: min(idleEnd, tokenExpiry ?? idleEnd))
    }

    /// Sends a call in the session and returns a 2xx response, or throws the mapped error.
    func send(
        _ endpoint: BeyondTrustEndpoint, body: HTTPBody = .empty, subject: String? = nil,
        accept: Set<Int> = []
    ) async throws -> HTTPResponse {
        let seen = try await ensureSignedIn()
        let request = endpoint.request(base: configuration.baseURL, body: body)
        var response = try await configuration.retry.send(request, over: transport)
        if response.status == 401 {
            try await renew(after: seen)
            guard endpoint.method.isIdempotent else {
                throw PAMError(.authentication, "the session expired during \(endpoint.operation): it was not sent again because it is not idempotent; retry it", operation: endpoint.operation, status: 401)
            }
            response = try await configuration.retry.send(request, over: transport)
        }
        if response.status != 401 { lastActivity = now() }
        guard response.isSuccess || accept.contains(response.status) else {
            throw BeyondTrustError.from(response, endpoint: endpoint, subject: subject)
        }
        return response
    }

    /// Ends the server session if there is one. Errors are ignored: the session expires anyway.
    func signOut() async {
        guard signedIn else { return }
        signedIn = false
        signIn = nil
        lastActivity = nil
        tokenExpiry = nil
        let request = BeyondTrustEndpoint.signOut.request(base: configuration.baseURL)
        _ = try? await transport.send(request)
    }

    private func ensureSignedIn() async throws -> Int {
        if signedIn { return generation }
        if let signIn {
            try await signIn.value
            return generation
        }
        let task = Task { try await self.performSignIn() }
        signIn = task
        do {
            try await task.value
            signInFailed = false
        } catch {
            signIn = nil
            signInFailed = true
            throw error
        }
        return generation
    }

    private func renew(after seenGeneration: Int) async throws {
        guard seenGeneration == generation else { return }
        signedIn = false
        signIn = nil
        _ = try await ensureSignedIn()
    }

    private func performSignIn() async throws {
        let authorization = try await authorizationHeader()
        let request = BeyondTrustEndpoint.signIn.request(
            base: configuration.baseURL, headers: [HTTPHeader("Authorization", secret: authorization)]
        )
        let response = try await configuration.retry.send(request, over: transport)
        guard response.status == 200 else {
            throw BeyondTrustError.from(response, endpoint: .signIn)
        }
        signedIn = true
        lastActivity = now()
        generation += 1
    }

    private func authorizationHeader() async throws -> SecretBytes {
        switch configuration.authentication {
        case .apiKey(let key, let runAs, let password):
            var pieces: [SecretPiece] = [.text("PS-Auth key="), .secret(key), .text("; runas=\(runAs);")]
            if let password { pieces += [.text(" pwd=["), .secret(password), .text("];")] }
            return SecretBytes.joined(pieces)
        case .oauth(let clientID, let clientSecret):
            let token = try await fetchToken(clientID: clientID, clientSecret: clientSecret)
            return SecretBytes.joined([.text("Bearer "), .secret(token)])
        }
    }

    private func fetchToken(clientID: String, clientSecret: SecretBytes) async throws -> SecretBytes {
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
        let response = try await configuration.retry.send(request, over: transport)
        guard response.status == 200 else { throw BeyondTrustError.from(response, endpoint: .token) }
        guard let token = try SecretJSON.stringField("access_token", in: response.body), !token.isEmpty else {
            throw PAMError(.malformed, "the token response has no access_token", operation: BeyondTrustEndpoint.token.operation)
        }
        tokenExpiry = try SecretJSON.intField("expires_in", in: response.body).map { now().addingTimeInterval(TimeInterval($0)) }
        return token
    }
}
