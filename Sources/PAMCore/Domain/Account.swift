import Foundation

/// A privileged account whose credential can be checked out.
public struct Account: Sendable, Equatable, Hashable, Identifiable {
    public var id: String
    public var systemID: String
    public var systemName: String
    public var name: String
    /// Directory domain for domain accounts; nil for local ones.
    public var domain: String?
    public var description: String?
    public var platform: String?
    public var defaultDurationMinutes: Int?
    public var maximumDurationMinutes: Int?
    public var lastChange: Date?
    /// The fields a retrieval can return; the vendor's mapping lists them.
    public var fields: [SecretField]
    /// Whether its secret fields are read under a lease (a check-out); false for a stored
    /// secret that is read as it is (Secret Server without check-out).
    public var leaseRequired: Bool

    public init(
        id: String, systemID: String, systemName: String, name: String, domain: String? = nil,
        description: String? = nil, platform: String? = nil, defaultDurationMinutes: Int? = nil,
        maximumDurationMinutes: Int? = nil, lastChange: Date? = nil, fields: [SecretField]? = nil, leaseRequired: Bool = true
    ) {
        self.leaseRequired = leaseRequired
        self.id = id
        self.systemID = systemID
        self.systemName = systemName
        self.name = name
        self.domain = domain
        self.description = description
        self.platform = platform
        self.defaultDurationMinutes = defaultDurationMinutes
        self.maximumDurationMinutes = maximumDurationMinutes
        self.lastChange = lastChange
        self.fields = fields ?? [
            SecretField(slug: "username", label: "Username", kind: .username, isSecret: false, plainValue: name),
            SecretField(slug: "password", label: "Password", kind: .password, isSecret: true),
        ]
    }

    /// `SYSTEM/ACCOUNT`, the path operators type.
    public var path: String { "\(systemName)/\(name)" }
}
