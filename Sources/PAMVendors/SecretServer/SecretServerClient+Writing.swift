import PAMCore

extension SecretServerClient: SecretWriting {
    /// `POST secrets` with the fields by slug (checked against the template first); the body
    /// holds the values, so it is composed in wiping memory.
    public func createSecret(name: String, folderID: String, templateID: String, fields: [String: SecretBytes]) async throws -> StoredSecret {
        try await call("create secret") {
            guard let template = Int(templateID), let known = await templateFields(template) else {
                throw PAMError(.notFound, "no template \(templateID)")
            }
            try Self.check(Array(fields.keys), against: known, in: "template \(templateID)")
            let body = SecretServerBody.secret(room: fields.values.reduce(1024) { $0 + $1.count * 6 + 64 }) { json in
                json.field("folderId", Int(folderID) ?? -1)
                json.field("items") { array in
                    array.array { array in
                        for slug in fields.keys.sorted() {
                            array.object { item in
                                item.key("itemValue")
                                item.secretString(fields[slug]!)
                                item.field("slug", slug)
                            }
                        }
                    }
                }
                json.field("name", name)
                json.field("secretTemplateId", template)
                json.field("siteId", 1)
            }
            let response = try await session.send(.createSecret, body: .secret(body), subject: name)
            try SecretServerSession.requireJSON(response, endpoint: .createSecret, site: session.site)
            let model = try SecretModel(scanning: response.body, operation: "create secret")
            return StoredSecret(
                id: String(model.id), folderID: SecretServerMapping.id(model.folderID), folderPath: nil, title: model.name,
                kind: .credential, description: model.templateName, fields: await self.fields(of: model))
        }
    }

    /// `PUT secrets/{id}/fields/{slug}` for each field: `{"value": …}` for text, a multipart
    /// upload for a file (named by `fileNames`, else the field's current file name).
    public func updateSecret(id: String, fields: [String: SecretBytes], fileNames: [String: String]) async throws {
        try await call("update secret") {
            let model = try await model(id: id)
            let known = await self.fields(of: model)
            try Self.check(Array(fields.keys), against: known, in: "secret \(model.name)")
            for slug in fields.keys.sorted() {
                let value = fields[slug]!
                let endpoint = SecretServerEndpoint.updateField(secretID: id, slug: slug)
                if let field = known.first(where: { $0.slug == slug }), field.kind.isFileLike {
                    let upload = SecretServerBody.fileUpload(value, fileName: fileNames[slug] ?? field.fileName ?? slug)
                    defer { upload.body.wipe() }
                    _ = try await session.send(endpoint, headers: [HTTPHeader("Content-Type", upload.contentType)], body: .secret(upload.body), subject: model.name)
                    continue
                }
                let body = SecretServerBody.secret(room: value.count * 6 + 64) { json in
                    json.key("value")
                    json.secretString(value)
                }
                defer { body.wipe() }
                _ = try await session.send(endpoint, body: .secret(body), subject: model.name)
            }
        }
    }

    /// `DELETE secrets/{id}` (the server deactivates it; it can be undeleted there).
    public func deleteSecret(id: String) async throws {
        try await call("delete secret") {
            _ = try await session.send(.deleteSecret(id: id), subject: "secret \(id)")
        }
    }

    /// A search of the folder for inactive secrets only.
    public func deletedSecrets(folderID: String?) async throws -> [StoredSecret] {
        var search = SecretSearch(folderID: folderID)
        search.onlyDeleted = true
        return try await searchPages(search, operation: "list deleted secrets").collect()
    }

    /// `PUT secrets/{id}/activate`.
    public func undeleteSecret(id: String) async throws {
        try await call("undelete secret") {
            _ = try await session.send(.undeleteSecret(id: id), subject: "secret \(id)")
        }
    }

    static func check(_ slugs: [String], against fields: [SecretField], in what: String) throws {
        let known = Set(fields.map(\.slug))
        if let unknown = slugs.sorted().first(where: { !known.contains($0) }) {
            throw PAMError(.usage, "\(what) has no field '\(unknown)' (fields: \(fields.map(\.slug).joined(separator: ", ")))")
        }
    }
}
