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

    public init(
        id: String, folderID: String?, folderPath: String?, title: String, kind: StoredSecretKind,
        username: String? = nil, fileName: String? = nil, description: String? = nil, modifiedAt: Date? = nil
    ) {
        self.id = id
        self.folderID = folderID
        self.folderPath = folderPath
        self.title = title
        self.kind = kind
        self.username = username
        self.fileName = fileName
        self.description = description
        self.modifiedAt = modifiedAt
    }
}
