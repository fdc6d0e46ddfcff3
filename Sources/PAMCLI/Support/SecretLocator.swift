import PAMCore

/// Resolves Secrets Safe folder paths and `FOLDER/PATH/TITLE` references.
enum SecretLocator {
    /// The id of a folder given by path (`team/app`) or by id.
    static func folderID(_ pathOrID: String, client: any FolderBrowsing) async throws -> String {
        let tree = FolderTree(try await client.listFolders())
        let trimmed = pathOrID.trimmingCharacters(in: CharacterSet(charactersIn: "/"))
        if let node = tree.nodes.first(where: { $0.id == pathOrID || $0.path.caseInsensitiveCompare(trimmed) == .orderedSame }) {
            return node.id
        }
        throw PAMError(.notFound, "no folder \(pathOrID)", profile: client.profile)
    }

    /// The secret at `FOLDER/PATH/TITLE`, or with that id.
    static func secret(_ reference: String, client: any FolderBrowsing) async throws -> StoredSecret {
        let trimmed = reference.trimmingCharacters(in: CharacterSet(charactersIn: "/"))
        if let slash = trimmed.lastIndex(of: "/") {
            let folder = String(trimmed[..<slash])
            let title = String(trimmed[trimmed.index(after: slash)...])
            let secrets = try await client.listSecrets(folderID: try await folderID(folder, client: client))
            if let found = secrets.first(where: { $0.title == title }) { return found }
        } else if let found = try await client.listSecrets(folderID: nil).first(where: { $0.id == trimmed || $0.title == trimmed }) {
            return found
        }
        throw PAMError(.notFound, "no secret \(reference)", profile: client.profile)
    }
}

import Foundation
