import Foundation
import PAMCore
import PAMModules

/// Resolves folder paths and `FOLDER/PATH/TITLE` references.
enum SecretLocator {
    /// The reference parsed, and the client of its profile (or `--profile`'s) as `type`, the
    /// capability the command needs for `what` ("create secrets").
    static func client<C>(_ reference: String, profile: String?, in workspace: Workspace, as type: C.Type, to what: String) throws -> (C, TargetReference) {
        let target = try TargetReference(parsing: reference)
        if let profile, let named = target.profile, profile != named {
            throw PAMError(.usage, "--profile \(profile) and the reference's profile \(named) differ")
        }
        let client = try workspace.client(target.profile ?? profile)
        guard let capable = client as? C else {
            throw PAMError(.unsupported, "profile \(client.profile) (\(VendorRegistry.standard.displayName(client.vendor))) cannot \(what)", profile: client.profile)
        }
        return (capable, target)
    }

    /// The id of a folder given by path (`team/app`) or by id.
    static func folderID(_ pathOrID: String, client: any FolderBrowsing) async throws -> String {
        try folder(pathOrID, in: FolderTree(try await client.listFolders()).nodes, profile: client.profile).id
    }

    /// The folder given by path (`team/app`, `\\Team\\App`) or id among `nodes`.
    static func folder(_ pathOrID: String, in nodes: [FolderTree.Node], profile: String) throws -> FolderTree.Node {
        let path = pathOrID.split(whereSeparator: { $0 == "/" || $0 == "\\" }).joined(separator: "/")
        if let node = nodes.first(where: { $0.id == pathOrID || $0.path.caseInsensitiveCompare(path) == .orderedSame }) {
            return node
        }
        throw PAMError(.notFound, "no folder \(pathOrID)", profile: profile)
    }

    /// `root` and every folder below it, in tree order.
    static func subtree(_ root: FolderTree.Node, of nodes: [FolderTree.Node]) -> [FolderTree.Node] {
        let prefix = root.path.lowercased() + "/"
        return nodes.filter { $0.id == root.id || $0.path.lowercased().hasPrefix(prefix) }
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
