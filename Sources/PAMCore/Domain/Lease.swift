import Foundation

/// A checked-out credential's claim: the vendor request that grants it and when it ends.
public struct Lease: Sendable, Equatable, Hashable, Identifiable {
    public var profile: String
    public var vendor: Vendor
    /// The vendor's request id; check-in names it.
    public var requestID: String
    public var accountID: String
    public var systemID: String
    public var systemName: String
    public var accountName: String
    public var reason: String?
    public var issuedAt: Date
    public var expiresAt: Date

    public init(
        profile: String, vendor: Vendor, requestID: String, accountID: String, systemID: String,
        systemName: String, accountName: String, reason: String?, issuedAt: Date, expiresAt: Date
    ) {
        self.profile = profile
        self.vendor = vendor
        self.requestID = requestID
        self.accountID = accountID
        self.systemID = systemID
        self.systemName = systemName
        self.accountName = accountName
        self.reason = reason
        self.issuedAt = issuedAt
        self.expiresAt = expiresAt
    }

    public var id: String { "\(profile):\(requestID)" }

    /// Time left at `now`, never negative.
    public func remaining(at now: Date) -> TimeInterval { max(0, expiresAt.timeIntervalSince(now)) }
}

/// An access request as the vendor lists it (mine, active or pending).
public struct AccessRequest: Sendable, Equatable, Hashable, Identifiable {
    public var id: String
    public var systemID: String
    public var systemName: String
    public var accountID: String
    public var accountName: String
    public var status: String
    public var reason: String?
    public var expiresAt: Date?

    public init(
        id: String, systemID: String, systemName: String, accountID: String, accountName: String,
        status: String, reason: String?, expiresAt: Date?
    ) {
        self.id = id
        self.systemID = systemID
        self.systemName = systemName
        self.accountID = accountID
        self.accountName = accountName
        self.status = status
        self.reason = reason
        self.expiresAt = expiresAt
    }

    /// True for a request whose credential may be retrieved now.
    public var isActive: Bool { status.lowercased() == "active" }

    /// The lease this request grants (issued `at`, expiring when the vendor says, else at once).
    public func lease(profile: String, vendor: Vendor, at issuedAt: Date) -> Lease {
        Lease(
            profile: profile, vendor: vendor, requestID: id, accountID: accountID, systemID: systemID,
            systemName: systemName, accountName: accountName, reason: reason, issuedAt: issuedAt,
            expiresAt: expiresAt ?? issuedAt
        )
    }
}
