/// Which part of a credential to retrieve.
public enum CredentialField: String, Sendable, Equatable, CaseIterable {
    case password
    /// An SSH private key.
    case key
}

/// A request to check out an account's credential.
public struct CheckoutRequest: Sendable, Equatable {
    public var account: Account
    public var reason: String?
    /// Minutes; nil takes the profile's default, then the account's.
    public var durationMinutes: Int?
    /// The vendor's own check-out options by key (BeyondTrust: `conflict`, `access_type`), as
    /// its module declares them in `CheckoutOptionSpec`s. Missing keys take the profile's default.
    public var options: [String: String]
    /// Ask the server where the new request stands (pending or granted, its real expiry). A
    /// caller that fetches the credential straight away turns this off to save a round trip.
    public var confirmState: Bool

    public init(
        account: Account, reason: String? = nil, durationMinutes: Int? = nil, options: [String: String] = [:],
        confirmState: Bool = true
    ) {
        self.account = account
        self.reason = reason
        self.durationMinutes = durationMinutes
        self.options = options
        self.confirmState = confirmState
    }
}
