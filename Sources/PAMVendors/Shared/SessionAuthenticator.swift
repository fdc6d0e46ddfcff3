import Foundation
import PAMCore

/// What a signed-in session holds: headers every call carries (a bearer token; none for a cookie
/// session, whose cookie the transport keeps) and when the credential ends, if it says.
public struct SessionGrant: Sendable {
    public var headers: [HTTPHeader]
    /// When the token or session ends regardless of use; nil when unknown or never.
    public var expiresAt: Date?
    /// Renew this long before `expiresAt`, so no call goes out on a token about to run out.
    public var renewBefore: TimeInterval
    /// A single-use token that renews the grant without a full sign-in (OAuth refresh token).
    public var refreshToken: SecretBytes?
    /// Refreshes made since the last full sign-in (vendors cap them).
    public var refreshes: Int

    public init(
        headers: [HTTPHeader] = [], expiresAt: Date? = nil, renewBefore: TimeInterval = 0, refreshToken: SecretBytes? = nil,
        refreshes: Int = 0
    ) {
        self.headers = headers
        self.expiresAt = expiresAt
        self.renewBefore = renewBefore
        self.refreshToken = refreshToken
        self.refreshes = refreshes
    }
}

/// The vendor's part of a session: how to sign in and out, and how expiry shows. Everything else
/// (one sign-in shared by concurrent callers, signing in again once on expiry, retrying only
/// what is safe, the status for the header) is `VendorSession`'s.
public protocol SessionAuthenticator: Sendable {
    /// Signs in and returns the grant. Errors are the vendor's `PAMError`s.
    func signIn(over transport: any HTTPTransport, retry: RetryPolicy, now: Date) async throws -> SessionGrant
    /// Renews an ended or ending grant without a full sign-in (a refresh grant); nil when it
    /// cannot (no refresh token, refreshes used up, refused): the session then signs in again.
    /// Never runs twice at once, so a single-use refresh token is spent once.
    func refresh(_ grant: SessionGrant, over transport: any HTTPTransport, retry: RetryPolicy, now: Date) async -> SessionGrant?
    /// Ends the server session; errors are ignored (it expires anyway).
    func signOut(_ grant: SessionGrant, over transport: any HTTPTransport) async
    /// True when an answer says the session is over, so signing in again may help (401 by default).
    func sessionEnded(_ response: HTTPResponse) -> Bool
    /// True when a session-ended answer also proves the call was not processed, so even a
    /// check-out may be sent again after signing in (a 401 by default: refused at the door).
    func refusedUnprocessed(_ response: HTTPResponse) -> Bool
    /// When the session ends after this answer: an idle timeout counts from it, a header may say.
    func expiry(after response: HTTPResponse, grant: SessionGrant, at now: Date) -> Date?
}

extension SessionAuthenticator {
    public func sessionEnded(_ response: HTTPResponse) -> Bool { response.status == 401 }

    public func refusedUnprocessed(_ response: HTTPResponse) -> Bool { response.status == 401 }

    public func expiry(after response: HTTPResponse, grant: SessionGrant, at now: Date) -> Date? { grant.expiresAt }

    public func signOut(_ grant: SessionGrant, over transport: any HTTPTransport) async {}

    public func refresh(_ grant: SessionGrant, over transport: any HTTPTransport, retry: RetryPolicy, now: Date) async -> SessionGrant? {
        nil
    }
}
