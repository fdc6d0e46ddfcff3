import Foundation

/// A folder of stored secrets (BeyondTrust Secrets Safe, Secret Server folders).
public struct Folder: Sendable, Equatable, Hashable, Identifiable {
    public var id: String
    public var parentID: String?
    public var name: String
    public var description: String?

    public init(id: String, parentID: String?, name: String, description: String? = nil) {
        self.id = id
        self.parentID = parentID
        self.name = name
        self.description = description
    }
}

/// What a stored secret holds.
public enum StoredSecretKind: String, Sendable, Equatable, Hashable, CaseIterable {
    case credential, text, file
}

/// A stored secret's metadata; its value is fetched separately.
public struct StoredSecret: Sendable, Equatable, Hashable, Identifiable {
    public var id: String
    public var folderID: String?
    public var folderPath: String?
    public var title: String
    public var kind: StoredSecretKind
    public var username: String?
    public var fileName: String?
    public var description: String?
    public var modifiedAt: Date?
    /// The fields a retrieval can return; the vendor's mapping lists them.
    public var fields: [SecretField]
    /// What reading its secret fields takes (a check-out, a comment), and who else holds it.
    public var access = SecretAccess()

    public init(
        id: String, folderID: String?, folderPath: String?, title: String, kind: StoredSecretKind,
        username: String? = nil, fileName: String? = nil, description: String? = nil, modifiedAt: Date? = nil,
        fields: [SecretField]? = nil, access: SecretAccess = SecretAccess()
    ) {
        self.access = access
        self.id = id
        self.folderID = folderID
        self.folderPath = folderPath
        self.title = title
        self.kind = kind
        self.username = username
        self.fileName = fileName
        self.description = description
        self.modifiedAt = modifiedAt
        self.fields = fields ?? StoredSecret.defaultFields(kind: kind, username: username, fileName: fileName)
    }

    /// `FOLDER/PATH/TITLE`.
    public var path: String { folderPath.map { "\($0)/\(title)" } ?? title }

    /// The secret as the check-out takes it: its folder stands for the system.
    public var account: Account {
        Account(
            id: id, systemID: folderID ?? "", systemName: folderPath ?? "", name: title, description: description,
            defaultDurationMinutes: access.checkoutMinutes, maximumDurationMinutes: access.checkoutMinutes, fields: fields,
            leaseRequired: access.leaseRequired)
    }

    /// The fields of a credential, text or file secret when the vendor lists none of its own.
    public static func defaultFields(kind: StoredSecretKind, username: String?, fileName: String?) -> [SecretField] {
        switch kind {
        case .credential:
            [
                SecretField(slug: "username", label: "Username", kind: .username, isSecret: false, plainValue: username),
                SecretField(slug: "password", label: "Password", kind: .password, isSecret: true),
            ]
        case .text: [SecretField(slug: "text", label: "Text", kind: .text, isSecret: true)]
        case .file: [SecretField(slug: "file", label: "File", kind: .file, isSecret: true, fileName: fileName)]
        }
    }
}

/// What the vendor asks before a stored secret's fields can be read, as its listing says.
public struct SecretAccess: Sendable, Equatable, Hashable {
    /// Its secret fields are read under a check-out (an exclusive lock with a countdown).
    public var leaseRequired = false
    /// A check-out or read needs a comment (and the vendor's ticket options with it).
    public var commentRequired = false
    /// An approver must allow it first.
    public var approvalRequired = false
    /// The vendor sets the check-out's length; nil when it is not known from the listing.
    public var checkoutMinutes: Int?
    /// Who holds the check-out when someone does (it may be me; the lease list tells).
    public var heldBy: String?

    public init(
        leaseRequired: Bool = false, commentRequired: Bool = false, approvalRequired: Bool = false, checkoutMinutes: Int? = nil,
        heldBy: String? = nil
    ) {
        self.leaseRequired = leaseRequired
        self.commentRequired = commentRequired
        self.approvalRequired = approvalRequired
        self.checkoutMinutes = checkoutMinutes
        self.heldBy = heldBy
    }
}
