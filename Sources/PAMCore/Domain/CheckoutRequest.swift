/// What to do when the account already has an active request of mine.
public enum ConflictOption: String, Sendable, Equatable, CaseIterable {
    /// Take over the existing request.
    case reuse
    /// Cancel the existing request and make a new one.
    case renew
    /// Fail with a conflict error.
    case none
}

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
    /// Vendor access type ("View", "RDP", "SSH"); nil for the vendor's default.
    public var accessType: String?
    public var conflict: ConflictOption

    public init(
        account: Account, reason: String? = nil, durationMinutes: Int? = nil,
        accessType: String? = nil, conflict: ConflictOption = .reuse
    ) {
        self.account = account
        self.reason = reason
        self.durationMinutes = durationMinutes
        self.accessType = accessType
        self.conflict = conflict
    }
}
