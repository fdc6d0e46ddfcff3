import Foundation
import PAMCore

/// Everything a BeyondTrust client needs besides its transport.
public struct BeyondTrustConfiguration: Sendable {
    /// How the client signs in.
    public enum Authentication: Sendable {
        /// `PS-Auth key=…; runas=…; pwd=[…];`
        case apiKey(key: SecretBytes, runAs: String, password: SecretBytes?)
        /// Client credentials at `Auth/connect/token`, then `SignAppin` with the bearer token.
        case oauth(clientID: String, clientSecret: SecretBytes)
    }

    /// `https://host/BeyondTrust/api/public/v3`.
    public var baseURL: String
    public var authentication: Authentication
    public var defaults: ProfileCheckoutDefaults
    /// Rows per page when listing.
    public var pageSize: Int = 1000
    /// Pages fetched at once.
    public var pageConcurrency: Int = 8
    /// Where a paged list is cut off (the profile's `max_list_rows`).
    public var listBounds: ListBounds = .standard
    public var retry: RetryPolicy = .standard
    /// The server ends a session this long after its last call (about 20 minutes by default).
    public var sessionIdleTimeout: TimeInterval = 20 * 60

    public init(baseURL: String, authentication: Authentication, defaults: ProfileCheckoutDefaults = ProfileCheckoutDefaults()) {
        self.baseURL = baseURL
        self.authentication = authentication
        self.defaults = defaults
    }
}

/// Check-out defaults from the profile; a request's own values win.
public struct ProfileCheckoutDefaults: Sendable, Equatable {
    public var durationMinutes: Int?
    public var reason: String?
    /// The vendor's check-out options (`CheckoutOptionSpec` keys) the profile sets.
    public var options: [String: String]
    public var requireReason: Bool

    public init(durationMinutes: Int? = nil, reason: String? = nil, options: [String: String] = [:], requireReason: Bool = false) {
        self.durationMinutes = durationMinutes
        self.reason = reason
        self.options = options
        self.requireReason = requireReason
    }
}
