/// What stored secrets are made from: a template names the fields every secret of it has
/// (Secret Server's secret templates).
public struct SecretTemplate: Sendable, Equatable, Hashable, Identifiable {
    public var id: String
    public var name: String
    /// In the template's order; empty when the template's fields could not be read.
    public var fields: [SecretField]

    public init(id: String, name: String, fields: [SecretField]) {
        self.id = id
        self.name = name
        self.fields = fields
    }
}
