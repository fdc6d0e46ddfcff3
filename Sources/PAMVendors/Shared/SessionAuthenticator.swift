import Foundation
import PAMCore

/// What a signed-in session holds: headers every call carries (a bearer token; none for a cookie
/// session, whose cookie the transport keeps) and when the credential ends, if it says.
public struct SessionGrant: Sendable {
    public var headers: [HTTPHeader]
    /// When the token or session ends regardless of use; nil when unknown or never.
    public var expiresAt: Date?

    public init(headers: [HTTPHeader] = [], expiresAt: Date? = nil) {
        self.headers = headers
        self.expiresAt = expiresAt
    }
}

/// The vendor's part of a session: how to sign in and out, and how expiry shows. Everything else
/// (one sign-in shared by concurrent callers, signing in again once on expiry, retrying only
/// what is safe, the status for the header) is `VendorSession`'s.
public protocol SessionAuthenticator: Sendable {
    /// Signs in and returns the grant. Errors are the vendor's `PAMError`s.
    func signIn(over transport: any HTTPTransport, retry: RetryPolicy, now: Date) async throws -> SessionGrant
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
}
