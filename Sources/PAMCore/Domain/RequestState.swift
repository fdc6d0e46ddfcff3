/// Where an access request stands, in the kit's words. Each vendor maps its own states onto
/// these (BeyondTrust `Pending`/`Active`, Safeguard's `AccessRequestState`, Secret Server's
/// check-out lock) and keeps its raw word in `AccessRequest.vendorState`.
public enum RequestState: String, Sendable, Equatable, Hashable, CaseIterable {
    /// Waiting for an approver; nothing can be retrieved yet.
    case pendingApproval
    /// Approved and usable, but not yet checked out (Safeguard `RequestAvailable`).
    case available
    /// The credential is released to me and the lease counts down.
    case checkedOut
    /// The time ran out (Safeguard keeps it until acknowledged).
    case expired
    /// An approver refused it.
    case denied
    /// Checked in, cancelled, completed or otherwise over.
    case closed

    /// True while a credential may be retrieved under the request.
    public var isUsable: Bool { self == .available || self == .checkedOut }

    /// True while the request still holds or waits for access.
    public var isOpen: Bool { self == .pendingApproval || isUsable }

    /// What the requester may do in this state, when the vendor says nothing more precise.
    public var defaultActions: Set<RequestAction> {
        switch self {
        case .pendingApproval, .available: [.cancel]
        case .checkedOut: [.checkIn]
        case .expired, .denied: [.acknowledge]
        case .closed: []
        }
    }

    /// Words for people.
    public var label: String {
        switch self {
        case .pendingApproval: "pending approval"
        case .available: "approved"
        case .checkedOut: "checked out"
        case .expired: "expired"
        case .denied: "denied"
        case .closed: "closed"
        }
    }
}

/// What the requester may do to a request.
public enum RequestAction: String, Sendable, Equatable, Hashable, CaseIterable {
    /// Give the credential back before the lease ends.
    case checkIn
    /// Withdraw a request that is pending or not yet used.
    case cancel
    /// Confirm that I saw it expire or be denied, so the vendor can close it.
    case acknowledge
}
