import Foundation
import PAMCore

/// Secret Server's wire values as domain values. Folder paths are `\A\B` on the wire and `A/B`
/// in the kit; a secret stands for an account (its folder path for the system), because it
/// carries its own check-out lock.
enum SecretServerMapping {
    /// `\Infra\DB` → `Infra/DB`; nil for no folder.
    static func kitPath(_ wire: String?) -> String? {
        guard let wire else { return nil }
        let parts = wire.split(whereSeparator: { $0 == "\\" || $0 == "/" })
        return parts.isEmpty ? nil : parts.joined(separator: "/")
    }

    /// `Infra/DB` + `name` → `\Infra\DB\name`.
    static func wirePath(_ components: [String]) -> String {
        "\\" + components.flatMap { $0.split(whereSeparator: { $0 == "\\" || $0 == "/" }) }.joined(separator: "\\")
    }

    static func id(_ value: Int?) -> String? {
        guard let value, value >= 0 else { return nil }
        return String(value)
    }

    static func folder(_ dto: SecretServerDTO.Folder) -> Folder {
        Folder(
            id: String(dto.id), parentID: id(dto.parentFolderId).flatMap { $0 == "0" ? nil : $0 },
            name: dto.folderName ?? kitPath(dto.folderPath)?.split(separator: "/").last.map(String.init) ?? String(dto.id))
    }

    /// What a field holds: Secret Server marks passwords, notes and files; the rest is told by
    /// the slug (`username`, `private-key`, `private-key-passphrase`) or the template's `isUrl`.
    static func kind(slug: String, name: String, isPassword: Bool, isFile: Bool, isNotes: Bool, isURL: Bool) -> FieldKind {
        let words = "\(slug) \(name)".lowercased()
        if isPassword { return words.contains("passphrase") ? .passphrase : .password }
        if isFile { return words.contains("key") ? .privateKey : .file }
        if isURL { return .url }
        if words.contains("username") || words.contains("user name") { return .username }
        if isNotes { return .notes }
        return .other
    }

    static func field(_ item: SecretModel.Item, urlSlugs: Set<String>) -> SecretField {
        let isURL = item.listType?.caseInsensitiveCompare("URL") == .orderedSame || urlSlugs.contains(item.slug)
        return SecretField(
            slug: item.slug, label: item.fieldName.isEmpty ? item.slug : item.fieldName,
            kind: kind(slug: item.slug, name: item.fieldName, isPassword: item.isPassword, isFile: item.isFile, isNotes: item.isNotes, isURL: isURL),
            isSecret: item.isSecret, plainValue: item.plainValue, fileName: item.isFile ? (item.filename ?? item.slug) : nil)
    }

    static func field(_ dto: SecretServerDTO.TemplateField) -> SecretField? {
        guard let slug = dto.fieldSlugName, !slug.isEmpty else { return nil }
        let name = dto.displayName ?? dto.name ?? slug
        let isPassword = dto.isPassword ?? false, isFile = dto.isFile ?? false, isNotes = dto.isNotes ?? false
        let isURL = (dto.isUrl ?? false) || dto.listType?.caseInsensitiveCompare("URL") == .orderedSame
        return SecretField(
            slug: slug, label: name,
            kind: kind(slug: slug, name: name, isPassword: isPassword, isFile: isFile, isNotes: isNotes, isURL: isURL),
            isSecret: isPassword || isFile || isNotes, fileName: isFile ? slug : nil)
    }

    /// A secret as the account the kit checks out: the folder path is its system.
    static func account(_ model: SecretModel, folderPath: String?, fields: [SecretField]) -> Account {
        let interval = model.checkOutIntervalMinutes.flatMap { $0 > 0 ? $0 : nil }
        return Account(
            id: String(model.id), systemID: id(model.folderID) ?? "", systemName: folderPath ?? "", name: model.name,
            description: model.templateName, platform: model.templateName, defaultDurationMinutes: interval,
            maximumDurationMinutes: interval, fields: fields, leaseRequired: model.checkOutEnabled)
    }

    /// A secret known from its summary only (a restricted one refuses to be read): no interval
    /// or lock holder, which `/state` tells.
    static func account(_ summary: SecretServerDTO.SecretSummary, folderPath: String, fields: [SecretField]) -> Account {
        Account(
            id: String(summary.id), systemID: id(summary.folderId) ?? "", systemName: folderPath, name: summary.name,
            description: summary.secretTemplateName, platform: summary.secretTemplateName, fields: fields,
            leaseRequired: summary.checkOutEnabled ?? false)
    }

    /// `folderPath` is the summary's in the kit's form (`kitPath`), which a page's secrets share.
    static func secret(_ summary: SecretServerDTO.SecretSummary, fields: [SecretField]?, folderPath: String?) -> StoredSecret {
        let fields = fields ?? StoredSecret.defaultFields(kind: .credential, username: nil, fileName: nil)
        return StoredSecret(
            id: String(summary.id), folderID: id(summary.folderId), folderPath: folderPath, title: summary.name,
            kind: fields.contains { $0.kind == .password } || !fields.contains { $0.kind == .file } ? .credential : .file,
            username: fields.first { $0.kind == .username }?.plainValue, description: summary.secretTemplateName,
            modifiedAt: ISODateTime.parse(summary.lastAccessed ?? summary.createDate), fields: fields, access: access(summary))
    }

    /// The summary's access flags; the length of a check-out is only in the whole secret.
    static func access(_ summary: SecretServerDTO.SecretSummary) -> SecretAccess {
        let holder = summary.checkOutUserName.flatMap { $0.isEmpty ? nil : TerminalText.sanitized($0) }
        return SecretAccess(
            leaseRequired: summary.checkOutEnabled ?? false, commentRequired: summary.requiresComment ?? false,
            approvalRequired: summary.requiresApproval ?? false, heldBy: summary.checkedOut == true ? holder ?? "another user" : nil)
    }

    /// A secret checked out to me, as the kit's request: the secret's id stands for the lease,
    /// which has none of its own.
    static func request(_ summary: SecretServerDTO.SecretSummary, minutesLeft: Int?, at now: Date) -> AccessRequest {
        AccessRequest(
            id: String(summary.id), systemID: id(summary.folderId) ?? "", systemName: kitPath(summary.folderPath) ?? "",
            accountID: String(summary.id), accountName: summary.name, state: .checkedOut, vendorState: "CheckedOut",
            reason: nil, expiresAt: minutesLeft.map { now.addingTimeInterval(TimeInterval($0) * 60) })
    }

    /// A metadata value; `field` and `section` stand in for the names a create answer leaves null.
    static func metadata(_ record: SecretServerDTO.MetadataRecord, field: String?, section: String?) -> MetadataEntry {
        let value = record.valueString ?? record.valueBit.map { $0 ? "true" : "false" } ?? record.valueInt.map(String.init)
            ?? record.valueNumber.map { String($0) } ?? record.valueDateTime
        return MetadataEntry(
            id: String(record.metadataItemDataId), fieldID: record.metadataFieldId.map(String.init),
            field: record.metadataFieldName ?? field ?? "", section: record.metadataFieldSectionName ?? section, value: value)
    }

    /// Each `secretState` in words: what stands between me and the secret, and what to do.
    static func explain(_ state: String) -> String? {
        switch state {
        case "None": nil
        case "RequiresApproval": "requires approval before it can be viewed (request access in Secret Server)"
        case "RequiresCheckout": "must be checked out first: pamtui checkout"
        case "RequiresComment": "requires a comment when viewed: give one with --comment TEXT"
        case "RequiresCheckoutAndComment": "must be checked out with a comment: pamtui checkout --comment TEXT"
        case "RequiresDoubleLockPassword": "is DoubleLocked: it needs your DoubleLock password (set double_lock_password_command or double_lock_password_env)"
        case "CreateDoubleLockPassword": "is DoubleLocked and you have no DoubleLock password yet: create one in Secret Server"
        case "DoubleLockNoAccess": "is DoubleLocked and you have no access to its DoubleLock"
        case "CannotView": "cannot be viewed with your permissions"
        case "RequiresUndelete": "is deleted: it must be undeleted first"
        case "RequiresCheckoutPendingRPC": "has a password change pending: check it out once the change is done"
        default: "is in state \(state)"
        }
    }

    /// The error class a `secretState` stands for.
    static func errorKind(_ state: String) -> PAMError.Kind {
        switch state {
        case "RequiresComment", "RequiresCheckout", "RequiresCheckoutAndComment": .usage
        case "RequiresUndelete": .notFound
        case "RequiresCheckoutPendingRPC": .conflict
        default: .permission
        }
    }
}
