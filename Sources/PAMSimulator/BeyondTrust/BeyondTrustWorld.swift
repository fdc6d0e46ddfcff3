import Foundation

/// The seeded, read-only part of the Password Safe world: systems, accounts, folders and secrets,
/// with indexes built once so that big worlds list quickly.
struct BeyondTrustWorld: Sendable {
    let seed: UInt64
    /// The instant the world was made; ages and change dates count back from it.
    let start: Date
    private(set) var systems: [BTSystem] = []
    private(set) var accounts: [BTAccount] = []
    private(set) var folders: [BTFolder] = []
    private(set) var secrets: [BTSecret] = []

    private var systemByID: [Int: Int] = [:]
    private var systemByName: [String: Int] = [:]
    private var accountByID: [Int: Int] = [:]
    private var folderByID: [String: Int] = [:]
    private var secretByID: [String: Int] = [:]
    /// Indexes of API-enabled accounts, in listing order.
    private(set) var apiAccounts: [Int] = []

    init(seed: UInt64, scale: Int, start: Date) {
        self.seed = seed
        self.start = start
        var generator = SeededGenerator(seed: seed, stream: "beyondtrust/world")
        addDemoSystems(&generator)
        addGeneratedSystems(count: max(0, scale), &generator)
        addDemoSecrets(&generator)
        buildIndexes()
    }

    // MARK: Lookups

    func system(id: Int) -> Int? { systemByID[id] }
    func system(named name: String) -> Int? { systemByName[name.lowercased()] }
    func account(id: Int) -> Int? { accountByID[id] }
    func folder(id: String) -> Int? { folderByID[id.lowercased()] }
    func secret(id: String) -> Int? { secretByID[id.lowercased()] }

    /// The account called `name` on a system; `DOMAIN\name` and `name@domain` match domain accounts.
    func account(named name: String, onSystem systemIndex: Int) -> Int? {
        let wanted = name.lowercased()
        var bare = wanted
        var domain: String?
        if let slash = wanted.firstIndex(of: "\\") {
            domain = String(wanted[..<slash])
            bare = String(wanted[wanted.index(after: slash)...])
        } else if let at = wanted.firstIndex(of: "@") {
            domain = String(wanted[wanted.index(after: at)...])
            bare = String(wanted[..<at])
        }
        return systems[systemIndex].accounts.first { index in
            let account = accounts[index]
            guard account.name.lowercased() == bare else { return false }
            guard let domain else { return true }
            guard let accountDomain = account.domainName?.lowercased() else { return false }
            return accountDomain == domain || accountDomain.split(separator: ".").first.map(String.init) == domain
        }
    }

    /// The `/`-joined path of a folder.
    func folderPath(_ index: Int, separator: String = "/") -> String {
        folders[index].path.joined(separator: separator)
    }

    /// Indexes of `index` and every folder below it.
    func folderAndDescendants(_ index: Int) -> Set<Int> {
        var result: Set<Int> = [index]
        var changed = true
        while changed {
            changed = false
            for (candidate, folder) in folders.enumerated() where !result.contains(candidate) {
                if let parent = folder.parentIndex, result.contains(parent) {
                    result.insert(candidate)
                    changed = true
                }
            }
        }
        return result
    }

    // MARK: Building

    mutating func addSystem(_ system: BTSystem, accounts newAccounts: [BTAccount]) {
        var system = system
        let first = accounts.count
        let systemIndex = systems.count
        for var account in newAccounts {
            account.systemIndex = systemIndex
            accounts.append(account)
        }
        system.accounts = first..<accounts.count
        systems.append(system)
    }

    mutating func addFolder(_ name: String, description: String, parent: Int?, _ generator: inout SeededGenerator) -> Int {
        let path = (parent.map { folders[$0].path } ?? []) + [name]
        folders.append(BTFolder(id: generator.guid(), name: name, description: description, parentIndex: parent, path: path))
        return folders.count - 1
    }

    mutating func addSecret(_ secret: BTSecret) {
        secrets.append(secret)
    }

    private mutating func buildIndexes() {
        systemByID.reserveCapacity(systems.count)
        systemByName.reserveCapacity(systems.count)
        for (index, system) in systems.enumerated() {
            systemByID[system.id] = index
            systemByName[system.name.lowercased()] = index
        }
        accountByID.reserveCapacity(accounts.count)
        apiAccounts.reserveCapacity(accounts.count)
        for (index, account) in accounts.enumerated() {
            accountByID[account.id] = index
            if account.apiEnabled { apiAccounts.append(index) }
        }
        for (index, folder) in folders.enumerated() { folderByID[folder.id.lowercased()] = index }
        for (index, secret) in secrets.enumerated() { secretByID[secret.id.lowercased()] = index }
    }
}
