/// What a field of a credential holds.
public enum FieldKind: String, Sendable, Equatable, Hashable, CaseIterable {
    case password, username, text, notes, privateKey, passphrase, file, url, other

    /// A file or a key: its bytes travel as they are (no newline added or trimmed, base64 in
    /// JSON, a download of their own).
    public var isFileLike: Bool { self == .file || self == .privateKey }
}

/// One field of a credential target: Secret Server's template items, BeyondTrust's password
/// and key, a stored secret's text or file.
public struct SecretField: Sendable, Equatable, Hashable, Identifiable {
    /// The vendor's stable name for the field (`password`, `private-key`, `password-1`).
    public var slug: String
    /// For people ("Password", "SSH key").
    public var label: String
    public var kind: FieldKind
    /// Secret fields are masked, fetched on demand and held only as `SecretBytes`.
    public var isSecret: Bool
    /// A plain field's value when the listing already carries it (a user name); never a secret.
    public var plainValue: String?
    /// For files: the name to save under.
    public var fileName: String?

    public init(
        slug: String, label: String, kind: FieldKind, isSecret: Bool, plainValue: String? = nil, fileName: String? = nil
    ) {
        self.slug = slug
        self.label = label
        self.kind = kind
        self.isSecret = isSecret
        self.plainValue = isSecret ? nil : plainValue
        self.fileName = fileName
    }

    public var id: String { slug }
}

extension Array where Element == SecretField {
    /// The field with `slug`, else the first of that kind when `slug` names a kind
    /// (`password` finds Secret Server's `password-1`), compared without case.
    public func field(named slug: String) -> SecretField? {
        if let exact = first(where: { $0.slug.caseInsensitiveCompare(slug) == .orderedSame }) { return exact }
        let wanted = slug.replacingOccurrences(of: "-", with: "").replacingOccurrences(of: "_", with: "").lowercased()
        let kind = FieldKind.allCases.first { $0.rawValue.lowercased() == wanted } ?? (wanted == "key" ? .privateKey : nil)
        return kind.flatMap { kind in first { $0.kind == kind } }
    }
}
