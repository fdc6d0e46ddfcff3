/// Creates, changes and deletes stored secrets. Field values are `SecretBytes` by slug, so a
/// password never becomes a `String` on its way to the server.
public protocol SecretWriting: FolderBrowsing {
    /// A new secret made from `templateID` in `folderID`, with these fields set.
    func createSecret(name: String, folderID: String, templateID: String, fields: [String: SecretBytes]) async throws -> StoredSecret
    /// Sets these fields of the secret `id`; the others keep their values. A file field's new
    /// content is stored under `fileNames[slug]` where given.
    func updateSecret(id: String, fields: [String: SecretBytes], fileNames: [String: String]) async throws
    func deleteSecret(id: String) async throws
    /// Deleted secrets of one folder (or all), which `undeleteSecret` brings back.
    func deletedSecrets(folderID: String?) async throws -> [StoredSecret]
    func undeleteSecret(id: String) async throws
}

extension SecretWriting {
    public func updateSecret(id: String, fields: [String: SecretBytes]) async throws {
        try await updateSecret(id: id, fields: fields, fileNames: [:])
    }
}
