import Foundation

/// What a template field holds; decides the `is*` flags on the wire.
enum SSFieldKind: Sendable {
    case text, password, notes, file, url
}

/// A field of a secret template (`SecretTemplateField`); a secret's items point at these.
struct SSTemplateField: Sendable {
    let id: Int
    let slug: String
    let name: String
    let description: String
    let kind: SSFieldKind
    var isRequired = false
    /// Shown in search summaries' `extendedFields` when asked for (never passwords or files).
    var isExposed: Bool { kind == .text || kind == .url }
}

/// A secret template (`SecretTemplateModel`).
struct SSTemplate: Sendable {
    let id: Int
    let name: String
    let fields: [SSTemplateField]
    /// 1 = the "Windows" password changer family …; only echoed.
    var passwordTypeID = -1

    func field(id: Int) -> SSTemplateField? { fields.first { $0.id == id } }
    func field(slug: String) -> SSTemplateField? { fields.first { $0.slug.lowercased() == slug.lowercased() } }
    /// The field rotated on check-in or heartbeat: the first password field.
    var passwordField: SSTemplateField? { fields.first { $0.kind == .password } }
}

/// A file attachment of a file field.
struct SSFile: Sendable {
    let id: Int
    var name: String
    var bytes: [UInt8]
}

/// One field value of a secret (`RestSecretItem`).
struct SSItem: Sendable {
    let itemID: Int
    let fieldID: Int
    var value: String
    var file: SSFile?
}

/// Who holds a check-out, and until when.
struct SSCheckout: Sendable {
    var userID: Int
    var end: Date
}

/// A secret with its values and its access rules.
struct SSSecret: Sendable {
    let id: Int
    var name: String
    var folderID: Int
    let templateID: Int
    var siteID = 1
    var active = true
    var items: [SSItem] = []
    var checkOutEnabled = false
    var checkOutIntervalMinutes = -1
    var checkOutChangePasswordEnabled = false
    var requiresComment = false
    var requiresApproval = false
    /// Users whose access request was approved, and until when.
    var approvedUntil: [Int: Date] = [:]
    /// Set for DoubleLock secrets: the DoubleLock password that opens them.
    var doubleLockPassword: String?
    var doubleLockID = -1
    var heartbeatStatus = "Pending"
    var lastHeartBeatCheck: Date?
    var lastPasswordChange: Date?
    var autoChangeEnabled = false
    var enableInheritPermissions = true
    var created: Date
    var checkout: SSCheckout?
    /// Password rotations so far (each check-in with `checkOutChangePasswordEnabled` adds one).
    var rotations = 0

    var isDoubleLock: Bool { doubleLockPassword != nil }
    /// Restricted secrets are those a plain GET may refuse: comment, approval, check-out, DoubleLock.
    var isRestricted: Bool { requiresComment || requiresApproval || checkOutEnabled || isDoubleLock }

    func item(fieldID: Int) -> SSItem? { items.first { $0.fieldID == fieldID } }
}

/// A folder; `parentID` is −1 for a root folder.
struct SSFolder: Sendable {
    let id: Int
    var name: String
    var parentID: Int
    var typeID = 1
    var inheritPermissions = true
    var inheritSecretPolicy = true
    var secretPolicyID = -1
}

/// A Secret Server user; `domain` is the AD domain a sign-in may name.
struct SSUser: Sendable {
    let id: Int
    let userName: String
    let displayName: String
    var domain: String?
    var password: String?
    /// The one-time code the `otp` header must carry, for a user with two-factor sign-in.
    var otp: String?
}

/// What a metadata value hangs on (`filter.metadataType`, the `{itemType}` path segment).
enum SSMetadataType: String, Sendable, CaseIterable {
    case secret = "Secret", folder = "Folder", user = "User", group = "Group"

    init?(caseInsensitive text: String) {
        guard let match = Self.allCases.first(where: { $0.rawValue.lowercased() == text.lowercased() }) else { return nil }
        self = match
    }
}

struct SSMetadataSection: Sendable {
    let id: Int
    var name: String
    var description: String
    var requiresAdministerMetadata = false
    var requiresEntityEdit = false
}

/// A metadata field definition; `dataType` is String, Boolean, Number, DateTime or User.
struct SSMetadataField: Sendable {
    let id: Int
    var name: String
    var sectionID: Int
    var dataType: String
    var containsPersonalInformation = false

    /// The type ids Secret Server numbers them with (1 String … 5 User).
    var typeID: Int { ["String": 1, "Boolean": 2, "Number": 3, "DateTime": 4, "User": 5][dataType] ?? 1 }
}

/// One metadata value on one item (`metadataItemDataId`).
struct SSMetadataValue: Sendable {
    let id: Int
    let type: SSMetadataType
    let itemID: Int
    let fieldID: Int
    var valueString: String?
    var valueBit: Bool?
    var valueNumber: Double?
    var valueInt: Int?
    var valueDateTime: String?
    var sortOrder: Int?
    var created: Date
    var createUserID: Int
}
