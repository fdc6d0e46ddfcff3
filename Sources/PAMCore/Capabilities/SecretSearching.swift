/// Finds stored secrets across every folder by text, on the server (Secret Server's
/// `filter.searchText`), page by page, so the UI need not list every secret to search them.
public protocol SecretSearching: FolderBrowsing {
    func searchSecrets(_ text: String) -> PageStream<StoredSecret>
}
