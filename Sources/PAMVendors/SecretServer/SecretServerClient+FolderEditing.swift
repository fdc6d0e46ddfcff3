import PAMCore

extension SecretServerClient: FolderEditing {
    /// `POST folders`: a folder of type 1 (secrets) that inherits from its parent, as the web
    /// UI makes it; a top folder inherits nothing.
    public func createFolder(name: String, parentID: String?) async throws -> Folder {
        try await call("create folder") {
            let args = SecretServerDTO.FolderArgs(
                folderName: name, folderTypeId: 1, parentFolderId: parentID.flatMap(Int.init) ?? -1,
                inheritPermissions: parentID != nil, inheritSecretPolicy: parentID != nil)
            let folder = try await session.decode(SecretServerDTO.Folder.self, .createFolder, body: .bytes(WireJSON.encode(args)), subject: name)
            return SecretServerMapping.folder(folder)
        }
    }

    public func renameFolder(id: String, to name: String) async throws -> Folder {
        try await call("rename folder") { try await changeFolder(id) { $0.folderName = name } }
    }

    public func moveFolder(id: String, under parentID: String?) async throws -> Folder {
        try await call("move folder") { try await changeFolder(id) { $0.parentFolderId = parentID.flatMap(Int.init) ?? -1 } }
    }

    /// `DELETE folders/{id}`; the server refuses a folder that still holds folders or secrets.
    public func deleteFolder(id: String) async throws {
        try await call("delete folder") {
            _ = try await session.send(.deleteFolder(id: id), subject: "folder \(id)")
        }
    }

    /// `PUT folders/{id}` with the folder as it is (`GET folders/{id}`) and one change.
    private func changeFolder(_ id: String, _ change: (inout SecretServerDTO.FolderArgs) -> Void) async throws -> Folder {
        let current = try await session.decode(SecretServerDTO.Folder.self, .folder(id: id, allChildren: false), subject: "folder \(id)")
        var args = SecretServerDTO.FolderArgs(
            id: current.id, folderName: current.folderName ?? "", folderTypeId: current.folderTypeId ?? 1,
            parentFolderId: current.parentFolderId ?? -1, inheritPermissions: current.inheritPermissions,
            inheritSecretPolicy: current.inheritSecretPolicy, secretPolicyId: current.secretPolicyId)
        change(&args)
        let folder = try await session.decode(SecretServerDTO.Folder.self, .updateFolder(id: id), body: .bytes(WireJSON.encode(args)), subject: "folder \(id)")
        return SecretServerMapping.folder(folder)
    }
}
