import PAMCore

extension BeyondTrustClient: FolderBrowsing {
    public func listFolders() async throws -> [Folder] {
        try await call("list folders") {
            try await list(BeyondTrustDTO.Folder.self, .folders).items.map(BeyondTrustMapping.folder)
        }
    }

    /// Secrets Safe answers a folder's secrets in one response: a stream of one page.
    public func secretPages(folderID: String?) -> PageStream<StoredSecret> {
        .once { [self] in
            try await call("list secrets") {
                try await list(BeyondTrustDTO.Secret.self, .secrets(folderID: folderID)).items.map(BeyondTrustMapping.secret)
            }
        }
    }

    public func secretValue(id: String) async throws -> SecretBytes {
        try await call("get secret") {
            let response = try await session.send(.secret(id: id))
            let type = try SecretJSON.stringField("SecretType", in: response.body)?.unsafeStringCopy().lowercased()
            if type == "file" {
                throw PAMError(.usage, "secret \(id) is a file: download it instead")
            }
            let field = type == "text" ? "Text" : "Password"
            guard let value = try SecretJSON.stringField(field, in: response.body) else {
                throw PAMError(.malformed, "secret \(id) has no \(field)")
            }
            return value
        }
    }

    public func downloadFile(id: String) async throws -> SecretBytes {
        try await call("download file") {
            try await session.send(.fileDownload(id: id)).body
        }
    }
}
