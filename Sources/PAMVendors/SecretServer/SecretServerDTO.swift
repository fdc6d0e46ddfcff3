import PAMCore

/// Secret Server's wire shapes, as on the wire (camelCase). Lists and folders hold no secret and
/// go through `JSONDecoder`; a whole secret does hold values, so `SecretModel` reads itself
/// with the scanner and keeps only the plain fields' values.
enum SecretServerDTO {
    /// The paging envelope every list answers with.
    struct Paging<Record: Decodable>: Decodable {
        var records: [Record]?
        var total: Int?
        var hasNext: Bool?
        var nextSkip: Int?
    }

    struct SecretSummary: Decodable, Sendable, Equatable {
        var id: Int
        var name: String
        var folderId: Int?
        var folderPath: String?
        var secretTemplateId: Int?
        var secretTemplateName: String?
        var checkedOut: Bool?
        var checkOutEnabled: Bool?
        var checkOutUserId: Int?
        var checkOutUserName: String?
        var requiresComment: Bool?
        var requiresApproval: Bool?
        var lastAccessed: String?
        var createDate: String?
    }

    struct Folder: Decodable, Sendable {
        var id: Int
        var folderName: String?
        var folderPath: String?
        var parentFolderId: Int?
        var folderTypeId: Int?
        var inheritPermissions: Bool?
        var inheritSecretPolicy: Bool?
        var secretPolicyId: Int?
        var childFolders: [Folder]?
    }

    /// A folder as `POST`/`PUT folders` take it.
    struct FolderArgs: Encodable {
        var id: Int?
        var folderName: String
        var folderTypeId: Int
        var parentFolderId: Int
        var inheritPermissions: Bool?
        var inheritSecretPolicy: Bool?
        var secretPolicyId: Int?
    }

    /// A metadata value (`GET metadata` records, and the answers to `POST`/`PATCH`).
    struct MetadataRecord: Decodable, Sendable {
        var metadataItemDataId: Int
        var metadataFieldId: Int?
        var metadataFieldName: String?
        var metadataFieldSectionName: String?
        var valueString: String?
        var valueBit: Bool?
        var valueNumber: Double?
        var valueInt: Int?
        var valueDateTime: String?
    }

    /// `{"data": MetadataCreateModel}` or the update's `{"data": {metadataItemDataId, …}}`.
    struct MetadataBody: Encodable {
        struct Data: Encodable {
            var metadataItemDataId: Int?
            var metadataFieldName: String?
            var metadataFieldSectionName: String?
            var fieldDataType: String?
            var valueString: String?
        }
        var data: Data
    }

    /// `GET secrets/{id}/state`: what stands between the caller and the secret. Most members
    /// are null when the secret is not checked out.
    struct SecretState: Decodable, Sendable {
        var id: Int?
        var secretName: String?
        var folderId: Int?
        var folderName: String?
        var secretState: String?
        var isActive: Bool?
        var isCheckedOut: Bool?
        var checkedOutUserId: Int?
        var checkOutMinutesRemaining: Int?
        var checkedOutUserDisplayName: String?
        var isCheckedOutByCurrentUser: Bool?
        var checkOutIntervalMinutes: Int?
        var actions: [String]?
        var passwordChangePending: Bool?
    }

    struct Template: Decodable, Sendable {
        var id: Int
        var name: String?
        var fields: [TemplateField]?
    }

    struct TemplateSummary: Decodable, Sendable, Equatable {
        var id: Int
        var name: String?
    }

    struct TemplateField: Decodable, Sendable {
        var secretTemplateFieldId: Int?
        var fieldSlugName: String?
        var displayName: String?
        var name: String?
        var isFile: Bool?
        var isList: Bool?
        var listType: String?
        var isNotes: Bool?
        var isPassword: Bool?
        var isUrl: Bool?
    }

    /// `extend-check-out`'s answer.
    struct CheckOutEnd: Decodable {
        var checkOutEndTime: String?
    }

    /// The restricted-access arguments (check-in, restricted reads).
    /// `SecretRestrictedArgs`, absent members left out. It may carry the DoubleLock password, so
    /// it is written (keys sorted, as `WireJSON` writes) into wiping memory.
    struct RestrictedArgs {
        var comment: String?
        var ticketNumber: String?
        var ticketSystemId: Int?
        var forceCheckIn: Bool?
        var noAutoCheckout: Bool?
        var doubleLockPassword: SecretBytes?

        var body: HTTPBody {
            let room = 128 + ((comment?.utf8.count ?? 0) + (ticketNumber?.utf8.count ?? 0) + (doubleLockPassword?.count ?? 0)) * 6
            return .secret(SecretServerBody.secret(room: room) { json in
                if let comment { json.field("comment", comment) }
                if let doubleLockPassword {
                    json.key("doubleLockPassword")
                    json.secretString(doubleLockPassword)
                }
                if let forceCheckIn { json.field("forceCheckIn", forceCheckIn) }
                if let noAutoCheckout { json.field("noAutoCheckout", noAutoCheckout) }
                if let ticketNumber { json.field("ticketNumber", ticketNumber) }
                if let ticketSystemId { json.field("ticketSystemId", ticketSystemId) }
            })
        }
    }

    struct ExtendBody: Encodable {
        struct Data: Encodable { var comment: String? }
        var data: Data
    }
}

/// A whole secret (SecretModel) without its secret values: the metadata, the check-out lock and
/// the items, with a value only for items that are neither passwords, notes nor files.
struct SecretModel: Sendable {
    struct Item: Sendable, Equatable {
        var slug = ""
        var fieldName = ""
        var isFile = false
        var isNotes = false
        var isPassword = false
        var isList = false
        var listType: String?
        var filename: String?
        var fileAttachmentID: Int?
        /// The value of a plain field; nil for secret ones.
        var plainValue: String?
        var isSecret: Bool { isPassword || isNotes || isFile }
    }

    var id = 0
    var name = ""
    var folderID: Int?
    var templateID: Int?
    var templateName: String?
    var checkOutEnabled = false
    var checkedOut = false
    var checkOutIntervalMinutes: Int?
    var checkOutMinutesRemaining: Int?
    var checkOutUserDisplayName: String?
    var checkOutUserID: Int?
    var requiresComment = false
    var requiresApproval = false
    var isDoubleLock = false
    var items: [Item] = []

    init(scanning body: SecretBytes, operation: String) throws {
        do {
            try body.withUnsafeBytes { bytes in
                var scanner = JSONScanner(bytes)
                try JSONScanner.readObject(&scanner) { key, scanner in try read(key, &scanner) }
            }
        } catch let error as PAMError {
            throw PAMError(.malformed, "unexpected response to \(operation): \(error.message)", operation: operation)
        }
    }

    private mutating func read(_ key: JSONKey, _ scanner: inout JSONScanner) throws -> Bool {
        switch key {
        case JSONKey("id"): id = try scanner.int() ?? 0
        case JSONKey("name"): name = try scanner.string() ?? ""
        case JSONKey("folderId"): folderID = try scanner.int()
        case JSONKey("secretTemplateId"): templateID = try scanner.int()
        case JSONKey("secretTemplateName"): templateName = try scanner.string()
        case JSONKey("checkOutEnabled"): checkOutEnabled = try scanner.bool() ?? false
        case JSONKey("checkedOut"): checkedOut = try scanner.bool() ?? false
        case JSONKey("checkOutIntervalMinutes"): checkOutIntervalMinutes = try scanner.int()
        case JSONKey("checkOutMinutesRemaining"): checkOutMinutesRemaining = try scanner.int()
        case JSONKey("checkOutUserDisplayName"): checkOutUserDisplayName = try scanner.string()
        case JSONKey("checkOutUserId"): checkOutUserID = try scanner.int()
        case JSONKey("requiresComment"): requiresComment = try scanner.bool() ?? false
        case JSONKey("requiresApprovalForAccess"): requiresApproval = try scanner.bool() ?? false
        case JSONKey("isDoubleLock"): isDoubleLock = try scanner.bool() ?? false
        case JSONKey("items"):
            if scanner.consumeNull() { return true }
            try scanner.beginArray()
            var first = true
            while try scanner.nextElement(first: &first) { items.append(try Self.item(&scanner)) }
        default: return false
        }
        return true
    }

    private static func item(_ scanner: inout JSONScanner) throws -> Item {
        var item = Item()
        // The value may come before the flags that say whether it is secret: it is held in
        // wiping memory until the flags are known.
        var value: SecretBytes?
        try JSONScanner.readObject(&scanner) { key, scanner in
            switch key {
            case JSONKey("slug"): item.slug = try scanner.string() ?? ""
            case JSONKey("fieldName"): item.fieldName = try scanner.string() ?? ""
            case JSONKey("isFile"): item.isFile = try scanner.bool() ?? false
            case JSONKey("isNotes"): item.isNotes = try scanner.bool() ?? false
            case JSONKey("isPassword"): item.isPassword = try scanner.bool() ?? false
            case JSONKey("isList"): item.isList = try scanner.bool() ?? false
            case JSONKey("listType"): item.listType = try scanner.string()
            case JSONKey("filename"): item.filename = try scanner.string()
            case JSONKey("fileAttachmentId"): item.fileAttachmentID = try scanner.int()
            case JSONKey("itemValue"): value = try scanner.secretString()
            default: return false
            }
            return true
        }
        if !item.isSecret { item.plainValue = value?.unsafeStringCopy() }
        value?.wipe()
        return item
    }
}
