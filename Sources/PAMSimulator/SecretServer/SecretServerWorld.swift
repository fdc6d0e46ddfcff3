import Foundation

/// Everything a Secret Server holds: users, templates, folders, secrets and metadata. It starts
/// as the seeded demo world (plus `--scale` generated secrets) and changes through the API, so
/// it lives inside the simulator's state lock.
struct SecretServerWorld: Sendable {
    let seed: UInt64
    /// When the world was made; ages and dates count back from it.
    let start: Date
    let templates: [SSTemplate] = SecretServerTemplates.all
    var users: [SSUser] = []
    private(set) var folders: [Int: SSFolder] = [:]
    private(set) var secrets: [Int: SSSecret] = [:]
    var metadataSections: [Int: SSMetadataSection] = [:]
    var metadataFields: [Int: SSMetadataField] = [:]
    var metadataValues: [Int: SSMetadataValue] = [:]

    var nextFolderID = 1928
    var nextSecretID = 2623
    var nextItemID = 24216
    var nextFileID = 5
    var nextMetadataValueID = 25
    var nextMetadataFieldID = 5
    var nextMetadataSectionID = 3
    /// Secret ids sorted by name (then id), rebuilt after a change: search sorts by name by default.
    private var byNameCache: [Int]?
    /// Secret ids per folder, rebuilt after a change.
    private var byFolderCache: [Int: [Int]]?
    /// The ids of recent searches, by user and query without its page window: a client paging
    /// through 100,000 secrets asks the same search once per page. Emptied by any change.
    private var searchCache: [String: [Int]] = [:]
    private static let searchCacheLimit = 16

    init(seed: UInt64, scale: Int, start: Date) {
        self.seed = seed
        self.start = start
        var generator = SeededGenerator(seed: seed, stream: "secretserver/world")
        addDemoUsers()
        addDemoFolders()
        addDemoSecrets(&generator)
        addDemoMetadata()
        addGeneratedSecrets(count: max(0, scale), &generator)
    }

    // MARK: Lookups

    func template(_ id: Int) -> SSTemplate? { templates.first { $0.id == id } }
    func user(_ id: Int) -> SSUser? { users.first { $0.id == id } }
    func folder(_ id: Int) -> SSFolder? { folders[id] }
    func secret(_ id: Int) -> SSSecret? { secrets[id] }

    /// `\Parent\Child`, or "" for "no folder" (−1).
    func folderPath(_ id: Int) -> String {
        var names: [String] = []
        var current = folders[id]
        var guardCount = 0
        while let folder = current, guardCount < 64 {
            names.append(folder.name)
            current = folders[folder.parentID]
            guardCount += 1
        }
        return names.isEmpty ? "" : "\\" + names.reversed().joined(separator: "\\")
    }

    /// The folder at `\A\B` (any run of `\` or `/` separates; case-insensitive).
    func folder(path: String) -> Int? {
        let wanted = Self.pathParts(path)
        guard !wanted.isEmpty else { return nil }
        var parent = -1
        for name in wanted {
            guard let next = children(of: parent).first(where: { folders[$0]?.name.lowercased() == name }) else { return nil }
            parent = next
        }
        return parent
    }

    /// The active secret at `\Folder\Sub\Name` (a bare `\Name` is a secret outside any folder).
    func secret(path: String) -> Int? {
        var parts = Self.pathParts(path)
        guard let name = parts.popLast() else { return nil }
        let folderID: Int
        if parts.isEmpty {
            folderID = -1
        } else {
            guard let found = folder(path: "\\" + parts.joined(separator: "\\")) else { return nil }
            folderID = found
        }
        return secretIDs(inFolder: folderID).first { secrets[$0].map { $0.active && $0.name.lowercased() == name } ?? false }
    }

    /// Lower-cased path names, split on any run of `\` or `/`.
    static func pathParts(_ path: String) -> [String] {
        path.split(whereSeparator: { $0 == "\\" || $0 == "/" }).map { $0.lowercased() }
    }

    /// Direct child folder ids of `id` (−1: the root folders), by name.
    func children(of id: Int) -> [Int] {
        folders.values.filter { $0.parentID == id }.sorted { ($0.name.lowercased(), $0.id) < ($1.name.lowercased(), $1.id) }.map(\.id)
    }

    /// Every folder below `id`, depth first.
    func descendants(of id: Int) -> [Int] {
        children(of: id).flatMap { [$0] + descendants(of: $0) }
    }

    /// Secret ids in one folder (−1: outside any folder), by id.
    func secretIDs(inFolder id: Int) -> [Int] {
        if let cache = byFolderCache { return cache[id] ?? [] }
        return secrets.values.filter { $0.folderID == id }.map(\.id).sorted()
    }

    /// All secret ids sorted by name, then id.
    mutating func secretIDsByName() -> [Int] {
        if let cache = byNameCache { return cache }
        let sorted = secrets.values.sorted { ($0.name.lowercased(), $0.id) < ($1.name.lowercased(), $1.id) }.map(\.id)
        byNameCache = sorted
        return sorted
    }

    /// Builds the per-folder index once a batch of changes is done (searches read it).
    mutating func indexFolders() {
        guard byFolderCache == nil else { return }
        var index: [Int: [Int]] = [:]
        for secret in secrets.values { index[secret.folderID, default: []].append(secret.id) }
        byFolderCache = index.mapValues { $0.sorted() }
    }

    func cachedSearch(_ key: String) -> [Int]? { searchCache[key] }

    mutating func cacheSearch(_ key: String, _ ids: [Int]) {
        if searchCache.count >= Self.searchCacheLimit { searchCache.removeAll() }
        searchCache[key] = ids
    }

    // MARK: Changes

    /// Counts the changes to secrets and folders: what was drawn from an older generation
    /// (a search's ids, a summary's JSON) is stale.
    private(set) var generation = 0

    private mutating func changed() {
        searchCache.removeAll()
        generation += 1
    }

    mutating func put(_ secret: SSSecret) {
        changed()
        let old = secrets[secret.id]
        secrets[secret.id] = secret
        if old?.name != secret.name || old == nil { byNameCache = nil }
        if old?.folderID != secret.folderID || old == nil { byFolderCache = nil }
        nextSecretID = max(nextSecretID, secret.id + 1)
    }

    mutating func put(_ folder: SSFolder) {
        changed()
        folders[folder.id] = folder
        nextFolderID = max(nextFolderID, folder.id + 1)
    }

    mutating func removeFolder(_ id: Int) {
        changed()
        folders[id] = nil
    }

    mutating func takeItemID() -> Int {
        defer { nextItemID += 1 }
        return nextItemID
    }

    mutating func takeFileID() -> Int {
        defer { nextFileID += 1 }
        return nextFileID
    }

    /// The value a password field has after `version` rotations.
    func password(secretID: Int, fieldID: Int, version: Int) -> String {
        DemoSecrets.password(seed: seed, key: "secretserver/\(secretID)/\(fieldID)", version: version)
    }
}
