import Foundation

/// A signed-in session, behind the `ASP.NET_SessionId` cookie.
struct BTSession: Sendable {
    var id: String
    var userName: String
    var created: Date
    var lastSeen: Date
}

/// An OAuth access token from `Auth/connect/token`.
struct BTToken: Sendable {
    var value: String
    var expires: Date
}

/// A credential release request.
struct BTRequest: Sendable {
    enum Status: String, Sendable {
        case pending = "Pending", active = "Active", released = "Released", expired = "Expired"
        case canceled = "Canceled", denied = "Denied"

        var isOpen: Bool { self == .pending || self == .active }
    }

    var id: Int
    var userName: String
    var accountIndex: Int
    var systemID: Int
    var accountID: Int
    var accessType: String
    var reason: String?
    var durationMinutes: Int
    var requested: Date
    var approved: Date?
    var status: Status
    var rotateOnCheckin: Bool
    var ended: Date?

    /// Approval (or, while pending, request) time plus the duration.
    var expires: Date { (approved ?? requested).addingTimeInterval(TimeInterval(durationMinutes * 60)) }
}

/// The changing part of the Password Safe world: sessions, tokens, requests and rotations.
struct BeyondTrustState: Sendable {
    /// Idle time after which a session ends (20 minutes, as on the real server).
    static let sessionIdleLimit: TimeInterval = 20 * 60
    /// OAuth access token lifetime in seconds (`expires_in`).
    static let tokenLifetime = 3600

    var sessions: [String: BTSession] = [:]
    var tokens: [String: BTToken] = [:]
    var requests: [Int: BTRequest] = [:]
    var nextRequestID = 124
    /// Rotations so far per account index, and when the last one happened.
    var rotations: [Int: (count: Int, changed: Date)] = [:]

    /// Ends active requests whose time is up, rotating passwords where the account says so.
    mutating func expireRequests(now: Date, world: BeyondTrustWorld) {
        for (id, request) in requests where request.status == .active && request.expires <= now {
            requests[id]?.status = .expired
            requests[id]?.ended = request.expires
            rotateIfDue(request, at: request.expires, world: world)
        }
    }

    /// Changes the account's password after a release when both the request and the account ask for it.
    mutating func rotateIfDue(_ request: BTRequest, at date: Date, world: BeyondTrustWorld) {
        guard request.approved != nil, request.rotateOnCheckin, world.accounts[request.accountIndex].rotatesOnRelease else { return }
        let count = (rotations[request.accountIndex]?.count ?? 0) + 1
        rotations[request.accountIndex] = (count, date)
    }

    /// The open request of `userName` for an account, if any (optionally of one access type).
    func openRequest(userName: String, accountIndex: Int, accessType: String? = nil) -> BTRequest? {
        requests.values
            .filter { $0.userName == userName && $0.accountIndex == accountIndex && $0.status.isOpen }
            .filter { accessType == nil || $0.accessType.lowercased() == accessType?.lowercased() }
            .min { $0.id < $1.id }
    }

    /// When an account's password last changed.
    func lastChange(_ accountIndex: Int, world: BeyondTrustWorld) -> Date {
        rotations[accountIndex]?.changed
            ?? world.start.addingTimeInterval(-TimeInterval(world.accounts[accountIndex].lastChangeAge))
    }

    /// The current password of an account.
    func password(_ accountIndex: Int, world: BeyondTrustWorld) -> String {
        BeyondTrustSecrets.accountPassword(
            seed: world.seed, accountID: world.accounts[accountIndex].id, version: rotations[accountIndex]?.count ?? 0)
    }
}
