import Foundation

/// A checked-out credential's claim: the vendor request that grants it and when it ends.
public struct Lease: Sendable, Equatable, Hashable, Identifiable {
    public var profile: String
    public var vendor: VendorID
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
        profile: String, vendor: VendorID, requestID: String, accountID: String, systemID: String,
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
