/// A machine, directory, database or device whose accounts a PAM product manages.
public struct ManagedSystem: Sendable, Equatable, Hashable, Identifiable {
    public var id: String
    public var name: String
    /// A platform or kind in the vendor's words ("Windows", "Linux", "MS SQL Server").
    public var platform: String?
    public var address: String?
    public var description: String?
    /// Default lease length in minutes, when the system sets one.
    public var defaultDurationMinutes: Int?

    public init(
        id: String, name: String, platform: String? = nil, address: String? = nil,
        description: String? = nil, defaultDurationMinutes: Int? = nil
    ) {
        self.id = id
        self.name = name
        self.platform = platform
        self.address = address
        self.description = description
        self.defaultDurationMinutes = defaultDurationMinutes
    }
}
