/// What metadata belongs to: a folder or a stored secret, by id.
public enum MetadataItem: Sendable, Equatable, Hashable {
    case folder(String)
    case secret(String)
}

/// One metadata value of a folder or secret.
public struct MetadataEntry: Sendable, Equatable, Hashable, Identifiable {
    /// The value's own id (what a delete names).
    public var id: String
    public var fieldID: String?
    public var field: String
    public var section: String?
    /// The value as text (numbers, booleans and dates as the server writes them).
    public var value: String?

    public init(id: String, fieldID: String?, field: String, section: String?, value: String?) {
        self.id = id
        self.fieldID = fieldID
        self.field = field
        self.section = section
        self.value = value
    }
}
