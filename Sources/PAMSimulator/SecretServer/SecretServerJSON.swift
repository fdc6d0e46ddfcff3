import Foundation
import PAMCore

/// The wire shapes of Secret Server objects, camelCase, in the order the real server writes them.
enum SecretServerJSON {
    /// What a file field's `itemValue` reads (the bytes come from `fields/{slug}`).
    static let notForDisplay = "*** Not Valid For Display ***"

    static func date(_ date: Date?) -> String { date.map(SecretServerDate.format) ?? SecretServerDate.never }

    /// `SecretModel`, values included. The answer to a create writes `checkOutUserId` and
    /// `doubleLockId` as 0 rather than −1, as the seed recorded.
    static func secret(_ w: inout JSONWriter, _ secret: SSSecret, world: SecretServerWorld, now: Date, created: Bool = false) {
        let template = world.template(secret.templateID)
        w.object { w in
            w.field("id", secret.id)
            w.field("name", secret.name)
            w.field("secretTemplateId", secret.templateID)
            w.field("folderId", secret.folderID)
            w.field("active", secret.active)
            w.field("items") { w in
                w.array { w in
                    for item in secret.items {
                        if let field = template?.field(id: item.fieldID) { self.item(&w, item, field: field) }
                    }
                }
            }
            w.field("launcherConnectAsSecretId", -1)
            checkout(&w, secret, world: world, now: now, created: created)
            w.field("isRestricted", secret.isRestricted)
            w.field("isOutOfSync", false)
            w.field("outOfSyncReason", "")
            w.field("autoChangeEnabled", secret.autoChangeEnabled)
            w.field("autoChangeNextPassword", nil as String?)
            w.field("requiresApprovalForAccess", secret.requiresApproval)
            w.field("requiresComment", secret.requiresComment)
            w.field("checkOutEnabled", secret.checkOutEnabled)
            w.field("checkOutIntervalMinutes", secret.checkOutIntervalMinutes)
            w.field("checkOutChangePasswordEnabled", secret.checkOutChangePasswordEnabled)
            w.field("accessRequestWorkflowMapId", secret.requiresApproval ? 1 : -1)
            w.field("proxyEnabled", false)
            w.field("sessionRecordingEnabled", false)
            w.field("restrictSshCommands", false)
            w.field("allowOwnersUnrestrictedSshCommands", false)
            w.field("isDoubleLock", secret.isDoubleLock)
            w.field("doubleLockId", created && !secret.isDoubleLock ? 0 : secret.doubleLockID)
            w.field("enableInheritPermissions", secret.enableInheritPermissions)
            w.field("passwordTypeWebScriptId", -1)
            w.field("siteId", secret.siteID)
            w.field("enableInheritSecretPolicy", false)
            w.field("secretPolicyId", -1)
            w.field("lastHeartBeatStatus", secret.heartbeatStatus)
            w.field("lastHeartBeatCheck", date(secret.lastHeartBeatCheck))
            w.field("failedPasswordChangeAttempts", 0)
            w.field("lastPasswordChangeAttempt", date(secret.lastPasswordChange))
            w.field("secretTemplateName", template?.name ?? "")
            w.field("responseCodes") { $0.array { _ in } }
            w.field("webLauncherRequiresIncognitoMode", false)
        }
    }

    /// `checkOutMinutesRemaining`, `checkedOut`, `checkOutUserDisplayName`, `checkOutUserId`.
    private static func checkout(_ w: inout JSONWriter, _ secret: SSSecret, world: SecretServerWorld, now: Date, created: Bool) {
        let holder = secret.checkout
        w.field("checkOutMinutesRemaining", holder.map { minutesRemaining($0, now: now) } ?? 0)
        w.field("checkedOut", holder != nil)
        w.field("checkOutUserDisplayName", holder.flatMap { world.user($0.userID)?.displayName } ?? "")
        w.field("checkOutUserId", holder?.userID ?? (created ? 0 : -1))
    }

    static func minutesRemaining(_ checkout: SSCheckout, now: Date) -> Int {
        max(0, Int((checkout.end.timeIntervalSince(now) / 60).rounded(.up)))
    }

    /// `RestSecretItem`.
    static func item(_ w: inout JSONWriter, _ item: SSItem, field: SSTemplateField) {
        w.object { w in
            w.field("itemId", item.itemID)
            w.field("fileAttachmentId", item.file?.id)
            w.field("filename", item.file?.name)
            w.field("itemValue", item.file != nil ? notForDisplay : item.value)
            w.field("fieldId", field.id)
            w.field("fieldName", field.name)
            w.field("slug", field.slug)
            w.field("fieldDescription", field.description)
            w.field("isFile", field.kind == .file)
            w.field("isNotes", field.kind == .notes)
            w.field("isPassword", field.kind == .password)
            w.field("isList", false)
            w.field("listType", "None")
        }
    }

    /// `SecretSummary` (never field values, except exposed fields asked for by name).
    static func summary(_ w: inout JSONWriter, _ secret: SSSecret, world: SecretServerWorld, folderPath: String, extendedFields: [String]) {
        let template = world.template(secret.templateID)
        w.object { w in
            w.field("id", secret.id)
            w.field("name", secret.name)
            w.field("secretTemplateId", secret.templateID)
            w.field("secretTemplateName", template?.name ?? "")
            w.field("folderId", secret.folderID)
            w.field("folderPath", folderPath)
            w.field("siteId", secret.siteID)
            w.field("active", secret.active)
            w.field("checkedOut", secret.checkout != nil)
            w.field("checkOutUserId", secret.checkout?.userID ?? -1)
            w.field("checkOutUserName", secret.checkout.flatMap { world.user($0.userID)?.displayName } ?? "")
            w.field("isRestricted", secret.isRestricted)
            w.field("isOutOfSync", false)
            w.field("outOfSyncReason", "")
            w.field("lastHeartBeatStatus", secret.heartbeatStatus)
            w.field("lastPasswordChangeAttempt", date(secret.lastPasswordChange))
            w.field("responseCodes", nil as String?)
            // No access log is kept, so never an access date.
            w.field("lastAccessed", nil as String?)
            if extendedFields.isEmpty {
                w.field("extendedFields", nil as String?)
            } else {
                w.field("extendedFields") { w in
                    w.array { w in
                        for name in extendedFields {
                            guard let field = template?.fields.first(where: { $0.name.lowercased() == name.lowercased() && $0.isExposed }),
                                  let item = secret.item(fieldID: field.id)
                            else { continue }
                            w.object { w in
                                w.field("name", field.name)
                                w.field("value", item.value)
                            }
                        }
                    }
                }
            }
            w.field("checkOutEnabled", secret.checkOutEnabled)
            w.field("autoChangeEnabled", secret.autoChangeEnabled)
            w.field("doubleLockEnabled", secret.isDoubleLock)
            w.field("requiresApproval", secret.requiresApproval)
            w.field("requiresComment", secret.requiresComment)
            w.field("inheritsPermissions", secret.enableInheritPermissions)
            w.field("hidePassword", false)
            w.field("createDate", SecretServerDate.format(secret.created))
            w.field("daysUntilExpiration", nil as Int?)
            w.field("hasLauncher", false)
        }
    }

    /// `{id, value}` of the lookup calls.
    static func lookup(_ w: inout JSONWriter, id: Int, value: String) {
        w.object { w in
            w.field("id", id)
            w.field("value", value)
        }
    }

    /// `FolderModel`; `childFolders` is the whole subtree when `children` is set, else null.
    static func folder(_ w: inout JSONWriter, _ id: Int, world: SecretServerWorld, children: Bool, templates: Bool) {
        guard let folder = world.folder(id) else { w.null(); return }
        w.object { w in
            folderFields(&w, folder, world: world)
            if children {
                w.field("childFolders") { w in
                    w.array { w in
                        for child in world.children(of: id) { self.folder(&w, child, world: world, children: true, templates: false) }
                    }
                }
            } else {
                w.field("childFolders", nil as String?)
            }
            if templates {
                w.field("secretTemplates") { w in
                    w.array { w in
                        for template in world.templates {
                            w.object { w in
                                w.field("id", template.id)
                                w.field("name", template.name)
                            }
                        }
                    }
                }
            } else {
                w.field("secretTemplates", nil as String?)
            }
        }
    }

    /// A folder summary (search records).
    static func folderSummary(_ w: inout JSONWriter, _ folder: SSFolder, world: SecretServerWorld) {
        w.object { folderFields(&$0, folder, world: world) }
    }

    private static func folderFields(_ w: inout JSONWriter, _ folder: SSFolder, world: SecretServerWorld) {
        w.field("id", folder.id)
        w.field("folderName", folder.name)
        w.field("folderPath", world.folderPath(folder.id))
        w.field("parentFolderId", folder.parentID)
        w.field("folderTypeId", folder.typeID)
        w.field("secretPolicyId", folder.secretPolicyID)
        w.field("inheritSecretPolicy", folder.inheritSecretPolicy)
        w.field("inheritPermissions", folder.inheritPermissions)
    }

    /// `DeletedModel`.
    static func deleted(id: Int, objectType: String) -> SimulatorResponse {
        .json { w in
            w.object { w in
                w.field("id", id)
                w.field("objectType", objectType)
                w.field("responseCodes") { $0.array { _ in } }
            }
        }
    }

    /// `SecretTemplateModel`.
    static func template(_ w: inout JSONWriter, _ template: SSTemplate) {
        w.object { w in
            w.field("id", template.id)
            w.field("name", template.name)
            w.field("passwordTypeId", template.passwordTypeID)
            w.field("fields") { w in
                w.array { w in
                    for (index, field) in template.fields.enumerated() {
                        w.object { w in
                            w.field("secretTemplateFieldId", field.id)
                            w.field("fieldSlugName", field.slug)
                            w.field("displayName", field.name)
                            w.field("name", field.name)
                            w.field("description", field.description)
                            w.field("isFile", field.kind == .file)
                            w.field("isList", false)
                            w.field("listType", "None")
                            w.field("isNotes", field.kind == .notes)
                            w.field("isPassword", field.kind == .password)
                            w.field("isRequired", field.isRequired)
                            w.field("isUrl", field.kind == .url)
                            w.field("isExpirationField", false)
                            w.field("isIndexable", field.kind == .text || field.kind == .url)
                            w.field("hideOnView", false)
                            w.field("historyLength", field.kind == .password ? 2_147_483_647 : 0)
                            w.field("sortOrder", index)
                            w.field("editablePermission", 2)
                            w.field("editRequires", "Edit")
                            w.field("mustEncrypt", field.kind == .password || field.kind == .file)
                            w.field("generatePasswordLength", field.kind == .password ? 12 : 0)
                            w.field("generatePasswordCharacterSet", field.kind == .password ? "Ascii" : nil as String?)
                            w.field("passwordRequirementId", field.kind == .password ? 1 : -1)
                            w.field("passwordTypeFieldId", -1)
                        }
                    }
                }
            }
        }
    }

    /// A template summary (search records).
    static func templateSummary(_ w: inout JSONWriter, _ template: SSTemplate, secretCount: Int?) {
        w.object { w in
            w.field("id", template.id)
            w.field("name", template.name)
            w.field("active", true)
            w.field("secretCount", secretCount)
        }
    }
}
