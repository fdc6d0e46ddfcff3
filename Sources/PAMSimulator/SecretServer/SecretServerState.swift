import Foundation

/// An access token from `oauth2/token`.
struct SSAccessToken: Sendable {
    var userID: Int
    var expires: Date
    /// The sign-in it descends from (refreshes keep it), so oauth-expiration ends the whole chain.
    var chain: Int
}

/// A single-use refresh token.
struct SSRefreshToken: Sendable {
    var userID: Int
    var expires: Date
    var chain: Int
    /// Refreshes already made in this chain.
    var refreshesUsed: Int
}

/// The changing part of a Secret Server: the world (which the API edits) and the tokens.
struct SecretServerState: Sendable {
    var world: SecretServerWorld
    var tokens: [String: SSAccessToken] = [:]
    var refreshTokens: [String: SSRefreshToken] = [:]
    private var nextChain = 1
    /// No check-out ends before this; lets most calls skip the expiry sweep.
    private var nextCheckoutEnd: Date?

    init(world: SecretServerWorld) {
        self.world = world
        nextCheckoutEnd = world.secrets.values.compactMap(\.checkout?.end).min()
    }

    mutating func newChain() -> Int {
        defer { nextChain += 1 }
        return nextChain
    }

    /// Ends every token of a sign-in chain.
    mutating func revoke(chain: Int) {
        tokens = tokens.filter { $0.value.chain != chain }
        refreshTokens = refreshTokens.filter { $0.value.chain != chain }
    }

    // MARK: Check-out

    /// Checks the secret out to `userID` for its interval from `now`.
    mutating func checkOut(_ id: Int, userID: Int, now: Date) {
        guard var secret = world.secret(id) else { return }
        let end = now.addingTimeInterval(TimeInterval(max(1, secret.checkOutIntervalMinutes) * 60))
        secret.checkout = SSCheckout(userID: userID, end: end)
        world.put(secret)
        nextCheckoutEnd = min(nextCheckoutEnd ?? end, end)
    }

    /// Ends the check-out (if any), rotating the password when the secret says so.
    mutating func checkIn(_ id: Int, at date: Date) {
        guard var secret = world.secret(id), secret.checkout != nil else { return }
        secret.checkout = nil
        if secret.checkOutChangePasswordEnabled { rotate(&secret, at: date) }
        world.put(secret)
    }

    /// Moves the end of a check-out to `now` plus the interval, and returns it.
    mutating func extendCheckOut(_ id: Int, now: Date) -> Date? {
        guard var secret = world.secret(id), var checkout = secret.checkout else { return nil }
        checkout.end = now.addingTimeInterval(TimeInterval(max(1, secret.checkOutIntervalMinutes) * 60))
        secret.checkout = checkout
        world.put(secret)
        return checkout.end
    }

    /// Checks in every check-out whose time is up (at its end time).
    mutating func expireCheckouts(now: Date) {
        guard let due = nextCheckoutEnd, due <= now else { return }
        for secret in world.secrets.values {
            if let checkout = secret.checkout, checkout.end <= now { checkIn(secret.id, at: checkout.end) }
        }
        nextCheckoutEnd = world.secrets.values.compactMap(\.checkout?.end).min()
    }

    /// A new value for the secret's password field (the next version of its generated password).
    func rotate(_ secret: inout SSSecret, at date: Date) {
        guard let field = world.template(secret.templateID)?.passwordField,
              let index = secret.items.firstIndex(where: { $0.fieldID == field.id })
        else { return }
        secret.rotations += 1
        secret.items[index].value = world.password(secretID: secret.id, fieldID: field.id, version: secret.rotations)
        secret.lastPasswordChange = date
    }
}
