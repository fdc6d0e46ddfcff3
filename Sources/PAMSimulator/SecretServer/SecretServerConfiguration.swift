import Foundation

/// The knobs of one Secret Server simulator, from its `secretserver.*` settings.
struct SecretServerConfiguration: Sendable {
    /// "Session Timeout for Webservices": how long an access token lives.
    var tokenLifetime: TimeInterval = 20 * 60
    /// Refreshes allowed after a password grant before a full sign-in is needed; 0 = no refresh tokens.
    var maxRefreshes = 3
    /// The status of an answer to a missing, expired or revoked token (401 or 403).
    var expiredTokenStatus = 401
    /// Use the invented `errorCode`s for refusals the spec has no code for (else `API_AccessDenied`).
    var specificErrorCodes = false
    /// `take` when a list call sends none.
    var defaultTake = 10

    static let settings: [SimulatorSetting] = [
        .duration("token-ttl", help: "access token lifetime (expires_in), default 20m"),
        .integer("max-refreshes", in: 0...1000, help: "refresh grants allowed per sign-in, default 3; 0 issues no refresh tokens"),
        .choice("expired-token-status", ["401", "403"], help: "status for a missing, expired or revoked token, default 401"),
        .flag("specific-error-codes", help: "invented errorCodes for check-out/approval/DoubleLock refusals, default false"),
        .integer("default-take", in: 1...10_000, help: "page size when a list sends no take, default 10"),
    ]

    init(_ settings: SimulatorSettings) {
        if let ttl = settings.duration("token-ttl") { tokenLifetime = max(1, ttl.seconds) }
        if let refreshes = settings.int("max-refreshes") { maxRefreshes = refreshes }
        if let status = settings.int("expired-token-status") { expiredTokenStatus = status }
        if let flag = settings.flag("specific-error-codes") { specificErrorCodes = flag }
        if let take = settings.int("default-take") { defaultTake = take }
    }

    /// `expires_in` as Secret Server reports it: one second short of the timeout (1199 for 20 minutes).
    var expiresIn: Int { max(1, Int(tokenLifetime.rounded()) - 1) }
    /// A refresh token outlives its access token by 15 minutes.
    var refreshLifetime: TimeInterval { tokenLifetime + 15 * 60 }
}
