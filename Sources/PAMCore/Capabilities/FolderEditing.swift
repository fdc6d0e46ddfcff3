/// Creates, renames, moves and deletes folders of stored secrets.
public protocol FolderEditing: FolderBrowsing {
    /// A new folder under `parentID`, or at the top when nil.
    func createFolder(name: String, parentID: String?) async throws -> Folder
    func renameFolder(id: String, to name: String) async throws -> Folder
    /// Moves the folder under `parentID`, or to the top when nil.
    func moveFolder(id: String, under parentID: String?) async throws -> Folder
    /// Deletes an empty folder.
    func deleteFolder(id: String) async throws
}
