import Foundation

/// One line of the lease journal: what this user's pamtui knows of one check-out, from the
/// intent written before the request went out to the outcome the server gave. The latest line
/// for a token wins. It holds no secret: names, ids, times and the reason.
public struct LeaseRecord: Sendable, Equatable {
    public enum State: String, Sendable, CaseIterable {
        /// Written before the check-out was sent; the outcome is not known yet.
        case intent
        /// The server holds a request (a lease, or one waiting for approval).
        case held
        /// The outcome could not be learnt: the server may hold a request.
        case unknown
        /// The server holds no request from this check-out, or it was released.
        case closed
    }

    /// The client's own id for the check-out; vendors know nothing of it.
    public var token: String
    public var state: State
    public var profile: String
    public var vendor: VendorID
    public var systemID: String
    public var accountID: String
    public var systemName: String
    public var accountName: String
    public var reason: String?
    /// When the check-out was about to be sent.
    public var startedAt: Date
    public var requestID: String?
    public var expiresAt: Date?
    /// The vendor's state word when last seen ("Active", "Pending").
    public var vendorState: String?

    public init(
        token: String, state: State, profile: String, vendor: VendorID, systemID: String, accountID: String,
        systemName: String, accountName: String, reason: String?, startedAt: Date, requestID: String? = nil,
        expiresAt: Date? = nil, vendorState: String? = nil
    ) {
        self.token = token
        self.state = state
        self.profile = profile
        self.vendor = vendor
        self.systemID = systemID
        self.accountID = accountID
        self.systemName = systemName
        self.accountName = accountName
        self.reason = reason
        self.startedAt = startedAt
        self.requestID = requestID
        self.expiresAt = expiresAt
        self.vendorState = vendorState
    }

    /// The intent to check `request`'s account out in `profile`, with a fresh token.
    public static func intent(_ request: CheckoutRequest, profile: String, vendor: VendorID, at date: Date) -> LeaseRecord {
        let account = request.account
        return LeaseRecord(
            token: LeaseRecord.newToken(), state: .intent, profile: profile, vendor: vendor, systemID: account.systemID,
            accountID: account.id, systemName: account.systemName, accountName: account.name, reason: request.reason,
            startedAt: date)
    }

    /// `PROFILE:SYSTEM/ACCOUNT`.
    public var reference: String { "\(profile):\(systemName)/\(accountName)" }

    /// True while the server may hold a request from this check-out.
    public var mayBeOpen: Bool { state != .closed }

    /// This record with the server's request on it.
    public func holding(_ request: AccessRequest) -> LeaseRecord {
        var record = self
        record.state = .held
        record.requestID = request.id
        record.expiresAt = request.expiresAt
        record.vendorState = request.vendorState
        return record
    }

    /// This record with a granted lease on it.
    public func holding(_ lease: Lease) -> LeaseRecord {
        var record = self
        record.state = .held
        record.requestID = lease.requestID
        record.expiresAt = lease.expiresAt
        return record
    }

    public func with(_ state: State) -> LeaseRecord {
        var record = self
        record.state = state
        return record
    }

    /// The lease this record stands for, once the server's request id is known.
    public var lease: Lease? {
        guard let requestID else { return nil }
        return Lease(
            profile: profile, vendor: vendor, requestID: requestID, accountID: accountID, systemID: systemID,
            systemName: systemName, accountName: accountName, reason: reason, issuedAt: startedAt,
            expiresAt: expiresAt ?? startedAt)
    }

    static func newToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<16).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
    }
}

extension LeaseRecord {
    /// One JSON line, newline included.
    public var line: [UInt8] {
        var writer = JSONWriter(capacity: 320)
        writer.object { json in
            json.field("token", token)
            json.field("state", state.rawValue)
            json.field("profile", profile)
            json.field("vendor", vendor.rawValue)
            json.field("system_id", systemID)
            json.field("account_id", accountID)
            json.field("system", systemName)
            json.field("account", accountName)
            json.field("reason", reason)
            json.field("started_at", ISODateTime.format(startedAt))
            json.field("request_id", requestID)
            json.field("expires_at", expiresAt.map { ISODateTime.format($0) })
            json.field("vendor_state", vendorState)
        }
        return writer.bytes + [UInt8(ascii: "\n")]
    }

    /// Reads one line; nil for a line that is not a whole record (a torn write after a crash).
    public init?(line: some Collection<UInt8>) {
        let bytes = Array(line)
        var fields: [String: String] = [:]
        let parsed: Void? = bytes.withUnsafeBytes { raw in
            var scanner = JSONScanner(raw)
            return try? JSONScanner.readObject(&scanner) { key, scanner in
                for name in Self.keys where key == JSONKey(name) {
                    if let value = try scanner.string() { fields[name.description] = value }
                    return true
                }
                return false
            }
        }
        guard parsed != nil, let token = fields["token"], let state = fields["state"].flatMap(State.init(rawValue:)),
            let profile = fields["profile"], let vendor = fields["vendor"], let systemID = fields["system_id"],
            let accountID = fields["account_id"], let startedAt = ISODateTime.parse(fields["started_at"])
        else { return nil }
        self.init(
            token: token, state: state, profile: profile, vendor: VendorID(vendor), systemID: systemID,
            accountID: accountID, systemName: fields["system"] ?? systemID, accountName: fields["account"] ?? accountID,
            reason: fields["reason"], startedAt: startedAt, requestID: fields["request_id"],
            expiresAt: ISODateTime.parse(fields["expires_at"]), vendorState: fields["vendor_state"])
    }

    private static let keys: [StaticString] = [
        "token", "state", "profile", "vendor", "system_id", "account_id", "system", "account", "reason", "started_at",
        "request_id", "expires_at", "vendor_state",
    ]
}
