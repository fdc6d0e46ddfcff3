import Foundation
import PAMCore

extension SecretServerSimulator {
    /// `GET api/v1/secrets/{id}` (or `0?secretPath=`): the full `SecretModel`, checked out on
    /// the way when the secret needs it (unless `noAutoCheckout`).
    func getSecret(_ request: SimulatorRequest) -> SimulatorResponse {
        authorized(request) { user, state throws(SecretServerRefusal) in
            let id = try resolveSecret(request, in: state)
            let access = SecretServerAccess(query: SecretServerQuery(request))
            let secret = try open(id, user: user, access: access, now: request.now, in: &state)
            let response = SimulatorResponse.json { SecretServerJSON.secret(&$0, secret, world: state.world, now: request.now) }
            finishRead(id, user: user, access: access, now: request.now, in: &state)
            return response
        }
    }

    /// `POST api/v1/secrets/{id}/restricted`: the same, with comment, ticket, DoubleLock password or force check-in.
    func restrictedSecret(_ request: SimulatorRequest) -> SimulatorResponse {
        authorized(request) { user, state throws(SecretServerRefusal) in
            let id = try resolveSecret(request, in: state)
            let access = SecretServerAccess(body: try bind(request), query: SecretServerQuery(request))
            let secret = try open(id, user: user, access: access, now: request.now, in: &state)
            return .json { SecretServerJSON.secret(&$0, secret, world: state.world, now: request.now) }
        }
    }

    /// `GET api/v1/secrets/{id}/fields/{slug}`: a JSON string, or a file's raw bytes.
    func getField(_ request: SimulatorRequest) -> SimulatorResponse {
        authorized(request) { user, state throws(SecretServerRefusal) in
            let id = try resolveSecret(request, in: state)
            let access = SecretServerAccess(query: SecretServerQuery(request))
            let secret = try open(id, user: user, access: access, now: request.now, in: &state)
            let response = try fieldValue(secret, slug: request.parameter("slug"), world: state.world)
            finishRead(id, user: user, access: access, now: request.now, in: &state)
            return response
        }
    }

    /// `POST api/v1/secrets/{id}/restricted/fields/{slug}`.
    func restrictedField(_ request: SimulatorRequest) -> SimulatorResponse {
        authorized(request) { user, state throws(SecretServerRefusal) in
            let id = try resolveSecret(request, in: state)
            let access = SecretServerAccess(body: try bind(request), query: SecretServerQuery(request))
            let secret = try open(id, user: user, access: access, now: request.now, in: &state)
            return try fieldValue(secret, slug: request.parameter("slug"), world: state.world)
        }
    }

    private func fieldValue(_ secret: SSSecret, slug: String, world: SecretServerWorld) throws(SecretServerRefusal) -> SimulatorResponse {
        guard let field = world.template(secret.templateID)?.field(slug: slug), let item = secret.item(fieldID: field.id) else {
            throw SecretServerRefusal.validation("The field '\(slug)' does not exist on this Secret.")
        }
        guard field.kind == .file else { return .json(200, JSONWriter.stringLiteral(item.value)) }
        // A file field without an attachment answers an empty file.
        let name = item.file?.name ?? field.slug
        return .bytes(item.file?.bytes ?? [], contentType: "application/octet-stream",
                      headers: [("Content-Disposition", "attachment; filename=\"\(name)\"")])
    }

    /// `PUT api/v1/secrets/{id}/fields/{slug}`: `{"value": …}` for text, or a multipart `file` part.
    func putField(_ request: SimulatorRequest) -> SimulatorResponse {
        authorized(request) { user, state throws(SecretServerRefusal) in
            let id = try resolveSecret(request, in: state)
            guard var secret = state.world.secret(id) else { throw SecretServerRefusal.accessDenied }
            try checkEditable(secret, user: user, query: SecretServerQuery(request), in: &state)
            let slug = request.parameter("slug")
            guard let field = state.world.template(secret.templateID)?.field(slug: slug),
                  let index = secret.items.firstIndex(where: { $0.fieldID == field.id })
            else { throw SecretServerRefusal.validation("The field '\(slug)' does not exist on this Secret.") }
            if field.kind == .file {
                guard let part = MultipartForm.file(named: "file", request: request) else {
                    throw SecretServerRefusal.validation("Upload the file as a multipart/form-data part named 'file'.")
                }
                let fileID = secret.items[index].file?.id ?? state.world.takeFileID()
                secret.items[index].file = SSFile(id: fileID, name: part.fileName ?? field.name, bytes: part.bytes)
            } else {
                let body = try bind(request)
                guard let value = body.string("value") else { throw SecretServerRefusal.validation("The value is required.") }
                secret.items[index].value = value
                if field.kind == .password { secret.lastPasswordChange = request.now }
            }
            state.world.put(secret)
            let item = secret.items[index]
            return .json { SecretServerJSON.item(&$0, item, field: field) }
        }
    }

    /// `GET api/v1/secrets/{id}/summary`.
    func secretSummary(_ request: SimulatorRequest) -> SimulatorResponse {
        authorized(request) { _, state throws(SecretServerRefusal) in
            let id = try resolveSecret(request, in: state)
            guard let secret = state.world.secret(id) else { throw SecretServerRefusal.accessDenied }
            return .json { SecretServerJSON.summary(&$0, secret, world: state.world, folderPath: state.world.folderPath(secret.folderID), extendedFields: []) }
        }
    }

    /// `GET api/v1/secrets/lookup/{id}` → `{id, value}`.
    func lookupSecret(_ request: SimulatorRequest) -> SimulatorResponse {
        authorized(request) { _, state throws(SecretServerRefusal) in
            let id = try resolveSecret(request, in: state)
            guard let secret = state.world.secret(id) else { throw SecretServerRefusal.accessDenied }
            return .json { SecretServerJSON.lookup(&$0, id: secret.id, value: secret.name) }
        }
    }

    /// `GET api/v1/secrets/stub?secretTemplateId=&folderId=`: an empty SecretModel to fill in.
    func secretStub(_ request: SimulatorRequest) -> SimulatorResponse {
        authorized(request) { _, state throws(SecretServerRefusal) in
            let query = SecretServerQuery(request)
            guard let templateID = try query.int("secretTemplateId").unwrap(), let template = state.world.template(templateID) else {
                throw SecretServerRefusal.validation("A valid secretTemplateId is required.")
            }
            var stub = SSSecret(id: 0, name: "", folderID: try query.int("folderId").unwrap() ?? -1, templateID: template.id, created: request.now)
            stub.items = template.fields.map { SSItem(itemID: 0, fieldID: $0.id, value: "") }
            return .json { SecretServerJSON.secret(&$0, stub, world: state.world, now: request.now) }
        }
    }

    /// `POST api/v1/secrets` (`SecretCreateArgs`, keys in any case) → the new `SecretModel`.
    func createSecret(_ request: SimulatorRequest) -> SimulatorResponse {
        authorized(request) { _, state throws(SecretServerRefusal) in
            let body = try bind(request)
            guard let name = body.string("name")?.trimmingCharacters(in: .whitespaces), !name.isEmpty else {
                throw SecretServerRefusal.validation("The Secret name is required.")
            }
            guard let templateID = body.int("secretTemplateId"), let template = state.world.template(templateID) else {
                throw SecretServerRefusal.validation("A valid secretTemplateId is required.")
            }
            let folderID = body.int("folderId") ?? -1
            guard folderID == -1 || state.world.folder(folderID) != nil else { throw SecretServerRefusal.accessDenied }
            let given = try itemValues(body, template: template)
            var secret = SSSecret(id: state.world.nextSecretID, name: name, folderID: folderID, templateID: template.id, created: request.now)
            secret.siteID = body.int("siteId") ?? 1
            applyFlags(body, to: &secret)
            for field in template.fields {
                let value = given[field.id] ?? ""
                if field.isRequired, field.kind != .file, value.isEmpty {
                    throw SecretServerRefusal.validation("The field '\(field.name)' is required.")
                }
                var item = SSItem(itemID: state.world.takeItemID(), fieldID: field.id, value: field.kind == .file ? "" : value)
                // A file field given a value stores it as the attachment, named after the field.
                if field.kind == .file, !value.isEmpty {
                    item.file = SSFile(id: state.world.takeFileID(), name: field.name, bytes: Array(value.utf8))
                }
                secret.items.append(item)
            }
            state.world.put(secret)
            return .json { SecretServerJSON.secret(&$0, secret, world: state.world, now: request.now, created: true) }
        }
    }

    /// `PUT api/v1/secrets/{id}` (the full SecretModel back): name, folder, flags and item values.
    func updateSecret(_ request: SimulatorRequest) -> SimulatorResponse {
        authorized(request) { user, state throws(SecretServerRefusal) in
            let id = try resolveSecret(request, in: state)
            guard var secret = state.world.secret(id) else { throw SecretServerRefusal.accessDenied }
            try checkEditable(secret, user: user, query: SecretServerQuery(request), in: &state)
            secret = state.world.secret(id) ?? secret
            guard let template = state.world.template(secret.templateID) else { throw SecretServerRefusal.accessDenied }
            let body = try bind(request)
            if let name = body.string("name") {
                guard !name.trimmingCharacters(in: .whitespaces).isEmpty else { throw SecretServerRefusal.validation("The Secret name is required.") }
                secret.name = name
            }
            if let folderID = body.int("folderId") {
                guard folderID == -1 || state.world.folder(folderID) != nil else { throw SecretServerRefusal.accessDenied }
                secret.folderID = folderID
            }
            applyFlags(body, to: &secret)
            var byItemID: [Int: Int] = [:]
            for item in secret.items { byItemID[item.itemID] = item.fieldID }
            for (fieldID, value) in try itemValues(body, template: template, itemFields: byItemID) {
                guard let field = template.field(id: fieldID), let index = secret.items.firstIndex(where: { $0.fieldID == fieldID }) else { continue }
                // File contents change only through fields/{slug}; their placeholder comes back as is.
                if field.kind == .file { continue }
                if field.kind == .password, secret.items[index].value != value { secret.lastPasswordChange = request.now }
                secret.items[index].value = value
            }
            state.world.put(secret)
            return .json { SecretServerJSON.secret(&$0, secret, world: state.world, now: request.now) }
        }
    }

    /// `DELETE api/v1/secrets/{id}`: deactivates it → `DeletedModel`.
    func deleteSecret(_ request: SimulatorRequest) -> SimulatorResponse {
        authorized(request) { user, state throws(SecretServerRefusal) in
            let id = try resolveSecret(request, in: state)
            guard var secret = state.world.secret(id) else { throw SecretServerRefusal.accessDenied }
            try checkEditable(secret, user: user, query: SecretServerQuery(request), in: &state)
            secret = state.world.secret(id) ?? secret
            secret.active = false
            secret.checkout = nil
            state.world.put(secret)
            return SecretServerJSON.deleted(id: id, objectType: "Secret")
        }
    }

    /// `PUT api/v1/secrets/{id}/activate` (and `undelete`): active again → `SecretModel`.
    func undeleteSecret(_ request: SimulatorRequest) -> SimulatorResponse {
        authorized(request) { _, state throws(SecretServerRefusal) in
            let id = try resolveSecret(request, in: state)
            guard var secret = state.world.secret(id) else { throw SecretServerRefusal.accessDenied }
            secret.active = true
            state.world.put(secret)
            return .json { SecretServerJSON.secret(&$0, secret, world: state.world, now: request.now) }
        }
    }

    /// `POST api/v1/secret-templates/generate-password/{fieldId}` → a JSON string.
    func generatePassword(_ request: SimulatorRequest) -> SimulatorResponse {
        authorized(request) { _, state throws(SecretServerRefusal) in
            let fieldID = try id(request)
            guard state.world.templates.contains(where: { $0.field(id: fieldID)?.kind == .password }) else {
                throw SecretServerRefusal.validation("The field \(fieldID) is not a password field.")
            }
            return .json(200, JSONWriter.stringLiteral(DemoSecrets.password(seed: seed, key: DemoSecrets.randomToken(bytes: 8), version: 0)))
        }
    }

    /// A write needs the secret free or held by the caller; `forceCheckIn=true` frees it first.
    func checkEditable(_ secret: SSSecret, user: SSUser, query: SecretServerQuery, in state: inout SecretServerState) throws(SecretServerRefusal) {
        guard let holder = secret.checkout, holder.userID != user.id else { return }
        guard query.bool("forceCheckIn") == true else {
            throw refusal(.checkedOutByAnotherUser(state.world.user(holder.userID)?.displayName ?? "another user"))
        }
        state.checkIn(secret.id, at: query.request.now)
    }

    /// The check-out and access flags a create or update may set.
    private func applyFlags(_ body: JSONBody, to secret: inout SSSecret) {
        if let value = body.bool("checkOutEnabled") { secret.checkOutEnabled = value }
        if let value = body.int("checkOutIntervalMinutes") { secret.checkOutIntervalMinutes = value }
        if let value = body.bool("checkOutChangePasswordEnabled") { secret.checkOutChangePasswordEnabled = value }
        if let value = body.bool("requiresComment") { secret.requiresComment = value }
        if let value = body.bool("autoChangeEnabled") { secret.autoChangeEnabled = value }
        if let value = body.bool("enableInheritPermissions") { secret.enableInheritPermissions = value }
        if secret.checkOutEnabled, secret.checkOutIntervalMinutes <= 0 { secret.checkOutIntervalMinutes = 30 }
    }

    /// `items[]` as field id → value; an item names its field by `fieldId`, `slug`, `fieldName`
    /// or (on update) `itemId`. Unknown fields are refused.
    private func itemValues(_ body: JSONBody, template: SSTemplate, itemFields: [Int: Int] = [:]) throws(SecretServerRefusal) -> [Int: String] {
        guard case .array(let items)? = body["items"] else { return [:] }
        var values: [Int: String] = [:]
        for case .object(let object) in items {
            let item = JSONBody(object)
            let field = item.int("fieldId").flatMap(template.field(id:))
                ?? item.string("slug").flatMap(template.field(slug:))
                ?? item.string("fieldName").flatMap { name in template.fields.first { $0.name.lowercased() == name.lowercased() } }
                ?? item.int("itemId").flatMap { itemFields[$0] }.flatMap(template.field(id:))
            guard let field else { throw SecretServerRefusal.validation("An item names a field that template \(template.id) does not have.") }
            values[field.id] = item.string("itemValue") ?? ""
        }
        return values
    }
}
