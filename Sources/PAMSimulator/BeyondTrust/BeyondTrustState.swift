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
    /// Only open requests are kept; released, expired, denied and cancelled ones are dropped,
    /// since the API never shows them again (they answer 404 like unknown ids).
    enum Status: String, Sendable {
        case pending = "Pending", active = "Active"
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
    /// Open (pending or active) requests by id.
    private(set) var requests: [Int: BTRequest] = [:]
    /// Open request ids by account index, so conflict checks stay cheap with many requests.
    private var openByAccount: [Int: Set<Int>] = [:]
    /// No active request expires before this; lets most calls skip the expiry sweep.
    private var nextExpiry: Date?
    private(set) var nextRequestID = 124
    /// Rotations so far per account index, and when the last one happened.
    private(set) var rotations: [Int: (count: Int, changed: Date)] = [:]

    /// Stores a new request under the next id and returns it.
    mutating func add(_ make: (Int) -> BTRequest) -> BTRequest {
        let request = make(nextRequestID)
        nextRequestID += 1
        requests[request.id] = request
        openByAccount[request.accountIndex, default: []].insert(request.id)
        if request.status == .active { nextExpiry = min(nextExpiry ?? request.expires, request.expires) }
        return request
    }

    /// Approves a pending request now.
    mutating func approve(_ id: Int, at date: Date) {
        guard var request = requests[id] else { return }
        request.status = .active
        request.approved = date
        requests[id] = request
        nextExpiry = min(nextExpiry ?? request.expires, request.expires)
    }

    mutating func setRotateOnCheckin(_ id: Int) {
        requests[id]?.rotateOnCheckin = true
    }

    /// Ends a request (check-in, cancel, deny, expiry); rotates the password when due.
    mutating func close(_ id: Int, at date: Date, world: BeyondTrustWorld, rotate: Bool) {
        guard let request = requests.removeValue(forKey: id) else { return }
        openByAccount[request.accountIndex]?.remove(id)
        if openByAccount[request.accountIndex]?.isEmpty == true { openByAccount[request.accountIndex] = nil }
        if rotate { rotateIfDue(request, at: date, world: world) }
    }

    /// Ends active requests whose time is up, rotating passwords where the account says so.
    mutating func expireRequests(now: Date, world: BeyondTrustWorld) {
        guard let due = nextExpiry, due <= now else { return }
        for request in requests.values where request.status == .active && request.expires <= now {
            close(request.id, at: request.expires, world: world, rotate: true)
        }
        nextExpiry = requests.values.filter { $0.status == .active }.map(\.expires).min()
    }

    /// Changes the account's password after a release when both the request and the account ask for it.
    private mutating func rotateIfDue(_ request: BTRequest, at date: Date, world: BeyondTrustWorld) {
        guard request.status == .active, request.rotateOnCheckin, world.accounts[request.accountIndex].rotatesOnRelease else { return }
        let count = (rotations[request.accountIndex]?.count ?? 0) + 1
        rotations[request.accountIndex] = (count, date)
    }

    /// The open requests of `userName` for an account (optionally of one access type), oldest first.
    func openRequests(userName: String, accountIndex: Int, accessType: String? = nil) -> [BTRequest] {
        (openByAccount[accountIndex] ?? [])
            .compactMap { requests[$0] }
            .filter { $0.userName == userName && (accessType == nil || $0.accessType == accessType) }
            .sorted { $0.id < $1.id }
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
