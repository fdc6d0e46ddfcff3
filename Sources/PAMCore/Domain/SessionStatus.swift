import Foundation

/// Where a client's server session stands, for the header: signed in or not, and when the
/// server will end it if nothing else is sent.
public struct SessionStatus: Sendable, Equatable {
    public enum State: Sendable, Equatable {
        case signedOut
        case signedIn
        /// The last sign-in was refused or could not be sent.
        case failed
    }

    public var state: State
    /// When the session ends without further calls (idle timeout or token lifetime); nil if unknown.
    public var expiresAt: Date?

    public init(_ state: State, expiresAt: Date? = nil) {
        self.state = state
        self.expiresAt = expiresAt
    }

    public static let signedOut = SessionStatus(.signedOut)
}
