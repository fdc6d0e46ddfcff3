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

    public init(
        id: String, systemID: String, systemName: String, name: String, domain: String? = nil,
        description: String? = nil, platform: String? = nil, defaultDurationMinutes: Int? = nil,
        maximumDurationMinutes: Int? = nil, lastChange: Date? = nil
    ) {
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
    }

    /// `SYSTEM/ACCOUNT`, the path operators type.
    public var path: String { "\(systemName)/\(name)" }
}
