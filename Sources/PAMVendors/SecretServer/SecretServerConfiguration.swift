import Foundation
import PAMCore

/// Everything a Secret Server client needs besides its transport.
public struct SecretServerConfiguration: Sendable {
    /// The site URL, `https://host/SecretServer` (on-prem) or `https://tenant.secretservercloud.com`;
    /// the API is under `api/v1`, the token endpoint at `oauth2/token`.
    public var siteURL: String
    public var username: String
    public var password: SecretBytes
    /// The Active Directory domain of a domain account; nil for a local one.
    public var domain: String?
    /// A fresh one-time code for each full sign-in (sent as the `otp` header); nil when the
    /// account has no second factor. Called on every sign-in, never replayed.
    public var oneTimeCode: (@Sendable () throws -> SecretBytes)?
    /// The DoubleLock password (`double_lock_password_command` or `_env`), read when a DoubleLock
    /// secret is first opened; nil asks `prompter`.
    public var doubleLockPassword: (@Sendable () throws -> SecretBytes)?
    /// Asks for a one-time code the server wants and no source gives, and for a DoubleLock
    /// password; nil when nobody can be asked (then such a sign-in or read fails, saying so).
    public var prompter: (any SecretPrompter)?
    /// Refresh grants before a full sign-in is required again (the server's default is 3).
    public var maxRefreshes = 3
    /// The token lifetime assumed when the token answer gives none.
    public var tokenLifetime: TimeInterval = 20 * 60
    /// Renew the token this long before it runs out (at most a tenth of its lifetime).
    public var renewBefore: TimeInterval = 60
    /// Rows per page when listing, and pages fetched at once.
    public var pageSize = 500
    public var pageConcurrency = 8
    public var listBounds: ListBounds = .standard
    public var retry: RetryPolicy = .standard
    public var defaults = SecretServerDefaults()

    public init(siteURL: String, username: String, password: SecretBytes, domain: String? = nil) {
        self.siteURL = siteURL.hasSuffix("/") ? String(siteURL.dropLast()) : siteURL
        self.username = username
        self.password = password
        self.domain = domain.flatMap { $0.isEmpty ? nil : $0 }
    }
}

/// What the profile sets for check-outs and restricted reads; a request's own values win.
public struct SecretServerDefaults: Sendable, Equatable {
    /// The comment recorded with a check-out or a restricted read (the profile's `reason`).
    public var comment: String?
    public var requireComment = false
    /// The check-out options (`SecretServerCheckoutOptions`) the profile sets.
    public var options: [String: String] = [:]

    public init(comment: String? = nil, requireComment: Bool = false, options: [String: String] = [:]) {
        self.comment = comment
        self.requireComment = requireComment
        self.options = options
    }
}
