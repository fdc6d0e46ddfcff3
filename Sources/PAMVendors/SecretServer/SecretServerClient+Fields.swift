import Foundation
import PAMCore

extension SecretServerClient: FieldRetrieval {
    /// Any template field: text and passwords as their value, files as their bytes. Under a
    /// lease the read is my checked-out secret's; without one it only looks (`noAutoCheckout`),
    /// so no check-out ever happens outside the lease keeper. A reason or ticket sends the read
    /// as a restricted one (`POST …/restricted`), which records them.
    public func retrieve(_ target: CredentialTarget, fields: FieldSelection, context: RetrievalContext) async throws -> [FieldValue] {
        try await call("retrieve field") {
            let id = target.objectID
            var known = target.fields
            if known.isEmpty { known = await self.fields(of: try await model(id: id)) }
            let wanted: [SecretField]
            switch fields {
            case .all: wanted = known
            case .one(let slug):
                guard let field = known.field(named: slug) else {
                    throw PAMError(.notFound, "\(target.path) has no field '\(slug)' (fields: \(known.map(\.slug).joined(separator: ", ")))")
                }
                wanted = [field]
            }
            // Several text fields come in one read of the whole secret; files each on their own.
            let texts = wanted.filter { !$0.kind.isFileLike }
            let whole = texts.count > 1 ? try await wholeSecret(id: id, context: context, subject: target.path) : nil
            var values: [FieldValue] = []
            for field in wanted {
                if let whole, !field.kind.isFileLike {
                    let value = try SecretJSON.stringField("itemValue", inArray: "items", where: "slug", equals: field.slug, in: whole.body)
                    values.append(FieldValue(field: field, value: value ?? SecretBytes()))
                } else {
                    values.append(FieldValue(field: field, value: try await fieldValue(id: id, field: field, context: context, subject: target.path)))
                }
            }
            return values
        }
    }

    /// One read of the whole secret (a view, as the web UI's), its plain values kept and its
    /// secret ones wiped as they are scanned; restricted when the context carries a comment.
    public func describe(_ target: CredentialTarget, context: RetrievalContext) async throws -> [SecretField] {
        try await call("read secret") {
            let response = try await wholeSecret(id: target.objectID, context: context, subject: target.path)
            let model = try SecretModel(scanning: response.body, operation: "read secret")
            self.remember(model)
            return await self.fields(of: model)
        }
    }

    /// One field's value: a JSON string for text, raw bytes for a file.
    func fieldValue(id: String, field: SecretField, context: RetrievalContext, subject: String) async throws -> SecretBytes {
        let response = try await explaining(id: id, subject: subject) {
            if let body = try await restrictedBody(context, secretID: id, subject: subject) {
                return try await session.send(.restrictedField(secretID: id, slug: field.slug), body: body, subject: subject)
            }
            return try await session.send(.field(secretID: id, slug: field.slug, noAutoCheckout: context.lease == nil), subject: subject)
        }
        if field.kind.isFileLike { return response.body }
        // A text field is a JSON string; some servers send it bare.
        let quoted = response.body.withUnsafeBytes { $0.first == UInt8(ascii: "\"") }
        return quoted ? try SecretJSON.stringLiteral(response.body) : response.body
    }

    /// The whole secret with its values (for several fields in one call).
    private func wholeSecret(id: String, context: RetrievalContext, subject: String) async throws -> HTTPResponse {
        let response = try await explaining(id: id, subject: subject) {
            if let body = try await restrictedBody(context, secretID: id, subject: subject) { return try await session.send(.restricted(secretID: id), body: body, subject: subject) }
            return try await session.send(.secret(id: id, noAutoCheckout: context.lease == nil), subject: subject)
        }
        try SecretServerSession.requireJSON(response, endpoint: .secret(id: id, noAutoCheckout: true), site: session.site)
        return response
    }

    /// The restricted-read body when the context carries a comment or ticket, or the secret is
    /// DoubleLocked (its password goes in the body), else nil.
    func restrictedBody(_ context: RetrievalContext, secretID id: String, subject: String) async throws -> HTTPBody? {
        let comment = context.reason ?? configuration.defaults.comment
        let key = SecretServerCheckoutOptions.ticket.key
        let ticket = context.ticket ?? context.options[key] ?? configuration.defaults.options[key]
        let doubleLockPassword = try await doubleLock.password(for: id, subject: subject)
        guard comment != nil || ticket != nil || doubleLockPassword != nil else { return nil }
        return SecretServerDTO.RestrictedArgs(
            comment: comment, ticketNumber: ticket, noAutoCheckout: context.lease == nil ? true : nil,
            doubleLockPassword: doubleLockPassword).body
    }
}
