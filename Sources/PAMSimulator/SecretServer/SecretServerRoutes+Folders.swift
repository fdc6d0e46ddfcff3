import Foundation
import PAMCore

extension SecretServerSimulator {
    /// `GET api/v1/folders/{id}` (or `0?folderPath=`): `FolderModel`; `getAllChildren=true`
    /// fills `childFolders` with the whole subtree, `includeAssociatedTemplates=true` the templates.
    func getFolder(_ request: SimulatorRequest) -> SimulatorResponse {
        authorized(request) { _, state throws(SecretServerRefusal) in
            let query = SecretServerQuery(request)
            var folderID = try id(request)
            if folderID == 0 {
                guard let path = query.string("folderPath"), let found = state.world.folder(path: path) else { throw SecretServerRefusal.accessDenied }
                folderID = found
            }
            guard state.world.folder(folderID) != nil else { throw SecretServerRefusal.accessDenied }
            let children = query.bool("getAllChildren") == true
            let templates = query.bool("includeAssociatedTemplates") == true
            return .json { SecretServerJSON.folder(&$0, folderID, world: state.world, children: children, templates: templates) }
        }
    }

    /// `GET api/v1/folders` and `folders/lookup`: `filter.searchText`, `filter.parentFolderId`
    /// (with `filter.limitToDirectDescendents`), `filter.onlyIncludeRootFolders`, `filter.folderTypeId`;
    /// unknown filters are ignored, as ASP.NET binding does.
    func searchFolders(_ request: SimulatorRequest, lookup: Bool) -> SimulatorResponse {
        authorized(request) { _, state throws(SecretServerRefusal) in
            let query = SecretServerQuery(request)
            let window = try query.window(defaultTake: configuration.defaultTake).unwrap()
            let world = state.world
            var ids: [Int]
            if let parent = try query.int("filter.parentFolderId").unwrap() {
                ids = query.bool("filter.limitToDirectDescendents") == true ? world.children(of: parent) : world.descendants(of: parent)
            } else {
                ids = world.descendants(of: -1)
            }
            if query.bool("filter.onlyIncludeRootFolders") == true { ids = ids.filter { world.folder($0)?.parentID == -1 } }
            if let type = try query.int("filter.folderTypeId").unwrap() { ids = ids.filter { world.folder($0)?.typeID == type } }
            if let text = query.string("filter.searchText")?.lowercased(), !text.isEmpty {
                ids = ids.filter { world.folder($0)?.name.lowercased().contains(text) ?? false }
            }
            let sort = query.sort(default: "folderName")
            ids.sort { ((world.folder($0)?.name.lowercased() ?? ""), $0) < ((world.folder($1)?.name.lowercased() ?? ""), $1) }
            if sort.name.lowercased() == "id" { ids.sort() }
            if sort.descending { ids.reverse() }
            let page = SecretServerPage(skip: window.skip, take: window.take, total: ids.count, sortName: sort.name, descending: sort.descending)
            return .json { w in
                page.write(&w) { w in
                    w.array { w in
                        for id in ids[page.range] {
                            guard let folder = world.folder(id) else { continue }
                            if lookup {
                                SecretServerJSON.lookup(&w, id: id, value: folder.name)
                            } else {
                                SecretServerJSON.folderSummary(&w, folder, world: world)
                            }
                        }
                    }
                }
            }
        }
    }

    /// `GET api/v1/folders/stub`: an empty FolderModel to fill in.
    func folderStub(_ request: SimulatorRequest) -> SimulatorResponse {
        authorized(request) { _, _ in
            .json { w in
                w.object { w in
                    w.field("id", 0)
                    w.field("folderName", nil as String?)
                    w.field("folderPath", nil as String?)
                    w.field("parentFolderId", -1)
                    w.field("folderTypeId", 1)
                    w.field("secretPolicyId", -1)
                    w.field("inheritSecretPolicy", true)
                    w.field("inheritPermissions", true)
                    w.field("childFolders", nil as String?)
                    w.field("secretTemplates", nil as String?)
                }
            }
        }
    }

    /// `POST api/v1/folders` `{folderName, folderTypeId, parentFolderId, …}` → `FolderModel`.
    func createFolder(_ request: SimulatorRequest) -> SimulatorResponse {
        authorized(request) { _, state throws(SecretServerRefusal) in
            let body = try bind(request)
            guard let name = body.string("folderName")?.trimmingCharacters(in: .whitespaces), !name.isEmpty else {
                throw SecretServerRefusal.validation("The folder name is required.")
            }
            let parent = body.int("parentFolderId") ?? -1
            try checkFolderPlacement(name: name, parent: parent, moving: nil, in: state.world)
            var folder = SSFolder(id: state.world.nextFolderID, name: name, parentID: parent)
            folder.typeID = body.int("folderTypeId") ?? 1
            folder.inheritPermissions = body.bool("inheritPermissions") ?? (parent != -1)
            folder.inheritSecretPolicy = body.bool("inheritSecretPolicy") ?? (parent != -1)
            folder.secretPolicyID = body.int("secretPolicyId") ?? -1
            state.world.put(folder)
            return .json { SecretServerJSON.folder(&$0, folder.id, world: state.world, children: false, templates: false) }
        }
    }

    /// `PUT api/v1/folders/{id}` (the FolderModel back): rename, move (`parentFolderId`), inheritance.
    func updateFolder(_ request: SimulatorRequest) -> SimulatorResponse {
        authorized(request) { _, state throws(SecretServerRefusal) in
            let folderID = try id(request)
            guard var folder = state.world.folder(folderID) else { throw SecretServerRefusal.accessDenied }
            let body = try bind(request)
            let name = body.string("folderName")?.trimmingCharacters(in: .whitespaces) ?? folder.name
            guard !name.isEmpty else { throw SecretServerRefusal.validation("The folder name is required.") }
            let parent = body.int("parentFolderId") ?? folder.parentID
            try checkFolderPlacement(name: name, parent: parent, moving: folderID, in: state.world)
            folder.name = name
            folder.parentID = parent
            if let value = body.int("folderTypeId") { folder.typeID = value }
            if let value = body.bool("inheritPermissions") { folder.inheritPermissions = value }
            if let value = body.bool("inheritSecretPolicy") { folder.inheritSecretPolicy = value }
            if let value = body.int("secretPolicyId") { folder.secretPolicyID = value }
            state.world.put(folder)
            return .json { SecretServerJSON.folder(&$0, folderID, world: state.world, children: false, templates: false) }
        }
    }

    /// `DELETE api/v1/folders/{id}` → `DeletedModel`; a folder with folders or secrets in it stays.
    func deleteFolder(_ request: SimulatorRequest) -> SimulatorResponse {
        authorized(request) { _, state throws(SecretServerRefusal) in
            let folderID = try id(request)
            guard state.world.folder(folderID) != nil else { throw SecretServerRefusal.accessDenied }
            state.world.indexFolders()
            guard state.world.children(of: folderID).isEmpty, state.world.secretIDs(inFolder: folderID).isEmpty else {
                throw SecretServerRefusal.validation("The folder cannot be deleted because it contains folders or secrets.")
            }
            state.world.removeFolder(folderID)
            state.world.metadataValues = state.world.metadataValues.filter { !($0.value.type == .folder && $0.value.itemID == folderID) }
            return SecretServerJSON.deleted(id: folderID, objectType: "Folder")
        }
    }

    /// A parent that exists, is not the folder itself or below it, and has no sibling of that name.
    private func checkFolderPlacement(name: String, parent: Int, moving: Int?, in world: SecretServerWorld) throws(SecretServerRefusal) {
        guard parent == -1 || world.folder(parent) != nil else { throw SecretServerRefusal.accessDenied }
        if let moving, parent == moving || world.descendants(of: moving).contains(parent) {
            throw SecretServerRefusal.validation("A folder cannot be moved into itself or one of its subfolders.")
        }
        if world.children(of: parent).contains(where: { $0 != moving && world.folder($0)?.name.lowercased() == name.lowercased() }) {
            throw SecretServerRefusal.validation("A folder named '\(name)' already exists in that folder.")
        }
    }
}
