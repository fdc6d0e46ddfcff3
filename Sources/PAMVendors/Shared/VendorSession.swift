import Foundation
import PAMCore

/// A vendor session on the kit: signs in on first use (concurrent callers wait on one sign-in),
/// adds the grant's headers to every call, and when an answer says the session ended signs in
/// again once per session generation and resends the call if it is safe to resend (idempotent,
/// or refused unprocessed: a 401 proves the server did nothing). It reports
/// the session's status for the header and signs out at the end.
public actor VendorSession {
    private let transport: any HTTPTransport
    private let authenticator: any SessionAuthenticator
    private let retry: RetryPolicy
    private let now: @Sendable () -> Date
    private var grant: SessionGrant?
    private var signIn: Task<SessionGrant, any Error>?
    private var signInFailed = false
    private var expiresAt: Date?
    /// Incremented on each sign-in, so an expiry seen by an older call does not sign in twice.
    private var generation = 0

    public init(
        transport: any HTTPTransport, authenticator: any SessionAuthenticator, retry: RetryPolicy = .standard,
        now: @escaping @Sendable () -> Date = Date.init
    ) {
        self.transport = transport
        self.authenticator = authenticator
        self.retry = retry
        self.now = now
    }

    /// Signed in until the vendor's expiry, as last seen; asks the server nothing.
    public var status: SessionStatus {
        if signInFailed { return SessionStatus(.failed) }
        guard grant != nil else { return .signedOut }
        return SessionStatus(.signedIn, expiresAt: expiresAt)
    }

    /// Sends `request` in the session. `safeToResend` defaults to the method's idempotence; a
    /// vendor whose reads are POSTs (Axidian) says so per call. Returns any answer but one that
    /// ended the session twice: mapping statuses to errors is the vendor's.
    public func send(_ request: HTTPRequest, safeToResend: Bool? = nil, operation: String) async throws -> HTTPResponse {
        try Interruption.checkBeforeSending(operation)
        var (current, seen) = try await signedIn()
        // A session known to be over (or about to be) is renewed first: sending into it would
        // only earn a 401.
        if let expiresAt, expiresAt.addingTimeInterval(-current.renewBefore) <= now() {
            current = try await renew(after: seen)
            seen = generation
        }
        var response = try await retry.send(withGrant(request, current), over: transport)
        if authenticator.sessionEnded(response) {
            let renewed = try await renew(after: seen)
            guard safeToResend ?? request.method.isIdempotent || authenticator.refusedUnprocessed(response) else {
                throw PAMError(
                    .authentication, "the session expired during \(operation): it was not sent again because it is not idempotent; retry it",
                    operation: operation, status: response.status)
            }
            response = try await retry.send(withGrant(request, renewed), over: transport)
        }
        if !authenticator.sessionEnded(response), let grant {
            expiresAt = authenticator.expiry(after: response, grant: grant, at: now())
        }
        return response
    }

    /// Ends the server session if there is one. Safe to call more than once.
    public func signOut() async {
        guard let ended = grant else { return }
        grant = nil
        signIn = nil
        expiresAt = nil
        await authenticator.signOut(ended, over: transport)
    }

    private func withGrant(_ request: HTTPRequest, _ grant: SessionGrant) -> HTTPRequest {
        var request = request
        request.headers += grant.headers
        return request
    }

    private func signedIn(refreshing stale: SessionGrant? = nil) async throws -> (SessionGrant, Int) {
        if let grant { return (grant, generation) }
        if let signIn { return (try await signIn.value, generation) }
        let task = Task { try await self.performSignIn(refreshing: stale) }
        signIn = task
        do {
            return (try await task.value, generation)
        } catch {
            signIn = nil
            throw error
        }
    }

    /// Runs on the actor, so every caller waiting on it sees the grant and generation it set.
    private func performSignIn(refreshing stale: SessionGrant?) async throws -> SessionGrant {
        do {
            var refreshed: SessionGrant?
            if let stale { refreshed = await authenticator.refresh(stale, over: transport, retry: retry, now: now()) }
            let granted: SessionGrant
            if let refreshed { granted = refreshed } else { granted = try await authenticator.signIn(over: transport, retry: retry, now: now()) }
            grant = granted
            expiresAt = granted.expiresAt
            generation += 1
            signInFailed = false
            return granted
        } catch {
            signInFailed = true
            throw error
        }
    }

    /// Renews the grant a caller saw end, once: a caller that finds it renewed (or being
    /// renewed) waits for that one, so a single-use refresh token is never spent twice.
    private func renew(after seenGeneration: Int) async throws -> SessionGrant {
        if seenGeneration == generation, let stale = grant {
            grant = nil
            signIn = nil
            return try await signedIn(refreshing: stale).0
        }
        return try await signedIn().0
    }
}
