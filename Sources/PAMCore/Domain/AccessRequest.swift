import Foundation

/// An access request as the vendor lists it (mine), with its typed state and my allowed actions.
public struct AccessRequest: Sendable, Equatable, Hashable, Identifiable {
    public var id: String
    public var systemID: String
    public var systemName: String
    public var accountID: String
    public var accountName: String
    public var state: RequestState
    /// The vendor's own word for the state ("Active", "PendingApproval"), for display and logs.
    public var vendorState: String
    /// What I may do now; the state's defaults unless the vendor says otherwise.
    public var actions: Set<RequestAction>
    public var reason: String?
    public var requestedAt: Date?
    public var expiresAt: Date?

    public init(
        id: String, systemID: String, systemName: String, accountID: String, accountName: String,
        state: RequestState, vendorState: String? = nil, actions: Set<RequestAction>? = nil, reason: String?,
        requestedAt: Date? = nil, expiresAt: Date?
    ) {
        self.id = id
        self.systemID = systemID
        self.systemName = systemName
        self.accountID = accountID
        self.accountName = accountName
        self.state = state
        self.vendorState = vendorState ?? state.label
        self.actions = actions ?? state.defaultActions
        self.reason = reason
        self.requestedAt = requestedAt
        self.expiresAt = expiresAt
    }

    /// True for a request whose credential may be retrieved now.
    public var isUsable: Bool { state.isUsable }

    /// `SYSTEM/ACCOUNT`.
    public var path: String { "\(systemName)/\(accountName)" }

    /// The lease a usable request grants (issued `at`, expiring when the vendor says, else at
    /// once); nil while it is pending, or once it is over, so a pending request is never shown
    /// as a lease that has run out.
    public func lease(profile: String, vendor: VendorID, at issuedAt: Date) -> Lease? {
        guard isUsable else { return nil }
        return Lease(
            profile: profile, vendor: vendor, requestID: id, accountID: accountID, systemID: systemID,
            systemName: systemName, accountName: accountName, reason: reason, issuedAt: requestedAt ?? issuedAt,
            expiresAt: expiresAt ?? issuedAt
        )
    }

    /// How the requester ends the request from here: check in, cancel, or acknowledge; nil when
    /// there is nothing to end.
    public var release: RequestAction? {
        [.checkIn, .cancel, .acknowledge].first { actions.contains($0) }
    }
}

/// What a check-out produced: a lease that counts down, or a request still waiting for approval.
public enum CheckoutOutcome: Sendable, Equatable {
    /// `reused`: the server handed back a request I already held rather than a new one.
    case granted(Lease, reused: Bool)
    case pending(AccessRequest)

    public var lease: Lease? {
        if case .granted(let lease, _) = self { return lease }
        return nil
    }

    public var pendingRequest: AccessRequest? {
        if case .pending(let request) = self { return request }
        return nil
    }

    /// The server's id of the request, lease or pending.
    public var requestID: String {
        switch self {
        case .granted(let lease, _): lease.requestID
        case .pending(let request): request.id
        }
    }
}
