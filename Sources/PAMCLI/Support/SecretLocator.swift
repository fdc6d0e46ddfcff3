import Foundation
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

    /// The secret at `FOLDER/PATH/TITLE`, or with that id or title anywhere.
    static func secret(_ reference: TargetReference, client: any FolderBrowsing) async throws -> StoredSecret {
        let (folder, title) = reference.secret
        if let folder {
            let secrets = try await client.listSecrets(folderID: try await folderID(folder, client: client))
            if let found = secrets.first(where: { $0.title == title }) { return found }
        } else if let found = try await client.listSecrets(folderID: nil).first(where: { $0.id == title || $0.title == title }) {
            return found
        }
        throw PAMError(.notFound, "no secret \(reference.path)", profile: client.profile)
    }
}
