import ArgumentParser
import PAMCore

/// `pamtui ls systems|accounts|requests|folders|secrets`.
struct ListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ls",
        abstract: "List systems, accounts, my requests, folders or secrets.",
        discussion: "Without --profile, every profile that can list the kind is listed."
    )

    enum Kind: String, ExpressibleByArgument, CaseIterable {
        case systems, accounts, requests, folders, secrets
    }

    @Argument(help: "What to list: systems, accounts, requests, folders or secrets.")
    var kind: Kind

    @OptionGroup var profileOption: ProfileOption

    @Option(name: .long, help: ArgumentHelp("Only this system's accounts (by name).", valueName: "name"))
    var system: String?

    @Option(name: .long, help: ArgumentHelp("Only secrets in this folder (path or id).", valueName: "folder"))
    var folder: String?

    @Option(name: .long, help: ArgumentHelp("Keep rows containing this text (case-insensitive).", valueName: "text"))
    var filter: String?

    @Flag(name: .long, help: "Print JSON instead of a table.")
    var json = false

    @OptionGroup var common: CommonOptions

    func run() async throws {
        try await Workspace.with(common) { workspace in
            let clients = try workspace.clients(profileOption.profile)
            switch kind {
            case .systems: try await listSystems(clients)
            case .accounts: try await listAccounts(clients)
            case .requests: try await listRequests(clients)
            case .folders: try await listFolders(clients)
            case .secrets: try await listSecrets(clients)
            }
        }
    }

    private func matches(_ fields: String?...) -> Bool {
        guard let filter, !filter.isEmpty else { return true }
        return fields.contains { $0?.localizedCaseInsensitiveContains(filter) == true }
    }

    /// The clients that have a capability; a profile named explicitly must have it.
    private func capable<C>(_ clients: [any VendorClient], as type: C.Type, what: String) throws -> [C] {
        let capable = clients.compactMap { $0 as? C }
        if profileOption.profile != nil, capable.isEmpty, let client = clients.first {
            throw PAMError(.unsupported, "profile \(client.profile) (\(client.vendor.displayName)) cannot list \(what)")
        }
        return capable
    }

    private func listSystems(_ clients: [any VendorClient]) async throws {
        var records: [Records.System] = []
        for client in try capable(clients, as: (any SystemBrowsing).self, what: "systems") {
            let systems = try await client.listSystems()
            records += systems.filter { matches($0.name, $0.platform, $0.address, $0.description) }.map { Records.system($0, client) }
        }
        if json { return Records.print(records) }
        var table = TextTable(["PROFILE", "ID", "SYSTEM", "PLATFORM", "ADDRESS"])
        for record in records { table.add([record.profile, record.id, record.name, record.platform ?? "", record.address ?? ""]) }
        Console.out(table.render())
    }

    private func listAccounts(_ clients: [any VendorClient]) async throws {
        var records: [Records.Account] = []
        for client in try capable(clients, as: (any AccountBrowsing).self, what: "accounts") {
            let accounts = try await client.listAccounts(system.map(AccountScope.systemName) ?? .all)
            records += accounts.filter { matches($0.name, $0.systemName, $0.domain, $0.description) }.map { Records.account($0, client) }
        }
        if json { return Records.print(records) }
        var table = TextTable(["PROFILE", "ID", "SYSTEM", "ACCOUNT", "DOMAIN", "PLATFORM"])
        for record in records {
            table.add([record.profile, record.id, record.systemName, record.name, record.domain ?? "", record.platform ?? ""])
        }
        Console.out(table.render())
    }

    private func listRequests(_ clients: [any VendorClient]) async throws {
        var records: [Records.Request] = []
        for client in try capable(clients, as: (any CredentialCheckout).self, what: "requests") {
            let requests = try await client.listRequests()
            records += requests.filter { matches($0.systemName, $0.accountName, $0.reason, $0.status) }.map { Records.request($0, client) }
        }
        if json { return Records.print(records) }
        var table = TextTable(["PROFILE", "REQUEST", "SYSTEM", "ACCOUNT", "STATUS", "EXPIRES", "REASON"])
        for record in records {
            table.add([record.profile, record.requestId, record.systemName, record.accountName, record.status, record.expiresAt ?? "", record.reason ?? ""])
        }
        Console.out(table.render())
    }

    private func listFolders(_ clients: [any VendorClient]) async throws {
        var records: [Records.Folder] = []
        for client in try capable(clients, as: (any FolderBrowsing).self, what: "folders") {
            let tree = FolderTree(try await client.listFolders())
            records += tree.nodes.filter { matches($0.path, $0.folder.description) }.map { Records.folder($0, client) }
        }
        if json { return Records.print(records) }
        var table = TextTable(["PROFILE", "FOLDER", "ID"])
        for record in records {
            table.add([record.profile, String(repeating: "  ", count: record.depth) + record.name, record.id])
        }
        Console.out(table.render())
    }

    private func listSecrets(_ clients: [any VendorClient]) async throws {
        var records: [Records.Secret] = []
        for client in try capable(clients, as: (any FolderBrowsing).self, what: "secrets") {
            let folderID = try await folder.asyncMap { try await SecretLocator.folderID($0, client: client) }
            let secrets = try await client.listSecrets(folderID: folderID)
            records += secrets.filter { matches($0.title, $0.folderPath, $0.username, $0.fileName) }.map { Records.secret($0, client) }
        }
        if json { return Records.print(records) }
        var table = TextTable(["PROFILE", "FOLDER", "TITLE", "KIND", "USERNAME", "ID"])
        for record in records {
            table.add([record.profile, record.folderPath ?? "", record.title, record.kind, record.username ?? "", record.id])
        }
        Console.out(table.render())
    }
}

extension Optional {
    /// `map` for an async transform.
    func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let self else { return nil }
        return try await transform(self)
    }
}
