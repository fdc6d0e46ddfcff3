import PAMCore

extension BeyondTrustClient: FieldRetrieval {
    /// An account's password or SSH key comes under its lease (`GET Credentials`); a Secrets
    /// Safe secret's value or file needs none. User names are in the listing already.
    public func retrieve(_ target: CredentialTarget, fields: FieldSelection, context: RetrievalContext) async throws -> [FieldValue] {
        let wanted: [SecretField]
        switch fields {
        case .all: wanted = target.fields
        case .one(let slug):
            guard let field = target.fields.field(named: slug) else {
                let known = target.fields.map(\.slug).joined(separator: ", ")
                throw PAMError(.notFound, "\(target.path) has no field '\(slug)' (fields: \(known))", profile: profile)
            }
            wanted = [field]
        }
        var values: [FieldValue] = []
        for field in wanted {
            values.append(FieldValue(field: field, value: try await value(of: field, target, context)))
        }
        return values
    }

    private func value(of field: SecretField, _ target: CredentialTarget, _ context: RetrievalContext) async throws -> SecretBytes {
        if let plain = field.plainValue { return SecretBytes(utf8: plain) }
        switch target {
        case .account(let account):
            guard let lease = context.lease else {
                throw PAMError(.usage, "\(account.path) must be checked out first", profile: profile, operation: "retrieve credential")
            }
            return try await retrieve(lease, field: field.kind == .privateKey ? .key : .password)
        case .secret(let secret):
            return secret.kind == .file ? try await downloadFile(id: secret.id) : try await secretValue(id: secret.id)
        }
    }
}
