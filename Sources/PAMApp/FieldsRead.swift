import PAMCore

/// A stored secret's fields as last read from the server (Enter opens it), or that read in
/// flight. The listing carries the template's fields without values; a read is a view the
/// server audits, so it happens only when asked for.
public enum FieldsRead: Sendable, Equatable {
    case reading
    case read([SecretField])
    case failed(String)

    /// The key of a target's read: unique across profiles.
    static func key(profile: String, _ target: CredentialTarget) -> String { keyPrefix(profile: profile) + target.key }

    /// What every key of one profile's reads starts with.
    static func keyPrefix(profile: String) -> String { "\(profile):" }
}
