import ArgumentParser
import PAMCore
import PAMModules

/// `pamtui ls systems|accounts|requests|folders|secrets|templates`.
struct ListCommand: AsyncParsableCommand, GracefulOnSignal {
    static let configuration = CommandConfiguration(
        commandName: "ls",
        abstract: "List systems, accounts, my requests, folders, secrets or secret templates.",
        discussion: "Without --profile, every profile that can list the kind is listed."
    )

    enum Kind: String, ExpressibleByArgument, CaseIterable {
        case systems, accounts, requests, folders, secrets, templates
    }

    @Argument(help: "What to list: systems, accounts, requests, folders, secrets or templates.")
    var kind: Kind

    @OptionGroup var profileOption: ProfileOption

    @Option(name: .long, help: ArgumentHelp("Only this system's accounts (by name).", valueName: "name"))
    var system: String?

    @Option(name: .long, help: ArgumentHelp("Only secrets in this folder, or folders under it (path, \\-path or id).", valueName: "folder"))
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
            case .templates: try await listTemplates(clients)
            }
        }
    }

    /// The items whose fields contain the filter text; all items without a filter.
    private func kept<Item>(_ items: [Item], _ fields: (Item) -> [String?]) -> [Item] {
        guard let filter, !filter.isEmpty else { return items }
        return items.filter { item in fields(item).contains { $0?.localizedCaseInsensitiveContains(filter) == true } }
    }

    /// The clients that have a capability; a profile named explicitly must have it.
    private func capable<C>(_ clients: [any VendorClient], as type: C.Type, what: String) throws -> [C] {
        let capable = clients.compactMap { $0 as? C }
        if profileOption.profile != nil, capable.isEmpty, let client = clients.first {
            throw PAMError(.unsupported, "profile \(client.profile) (\(VendorRegistry.standard.displayName(client.vendor))) cannot list \(what)")
        }
        return capable
    }

    /// Prints the rows of every client as JSON or as a table, taking each list page by page: JSON
    /// rows are written as their page arrives, a table waits for its column widths.
    private func output<Item: Sendable, Record: JSONRecord>(
        _ sources: [(client: any VendorClient, pages: PageStream<Item>)], fields: (Item) -> [String?],
        record: (Item, any VendorClient) -> Record, headers: [String], row: (Record) -> [String]
    ) async throws {
        if json {
            var printer = JSONArrayPrinter()
            for (client, pages) in sources {
                for try await page in pages { kept(page, fields).forEach { printer.append(record($0, client)) } }
            }
            return printer.finish()
        }
        var table = TextTable(headers)
        for (client, pages) in sources {
            for try await page in pages { kept(page, fields).forEach { table.add(row(record($0, client))) } }
        }
        Console.out(table.render())
    }

    private func listSystems(_ clients: [any VendorClient]) async throws {
        let sources = try capable(clients, as: (any SystemBrowsing).self, what: "systems").map { ($0 as any VendorClient, $0.systemPages()) }
        try await output(sources, fields: { [$0.name, $0.platform, $0.address, $0.description] }, record: Records.system,
                         headers: ["PROFILE", "ID", "SYSTEM", "PLATFORM", "ADDRESS"]) {
            [$0.profile, $0.id, $0.name, $0.platform ?? "", $0.address ?? ""]
        }
    }

    private func listAccounts(_ clients: [any VendorClient]) async throws {
        let scope = system.map(AccountScope.systemName) ?? .all
        let sources = try capable(clients, as: (any AccountBrowsing).self, what: "accounts").map { ($0 as any VendorClient, $0.accountPages(scope)) }
        try await output(sources, fields: { [$0.name, $0.systemName, $0.domain, $0.description] }, record: Records.account,
                         headers: ["PROFILE", "ID", "SYSTEM", "ACCOUNT", "DOMAIN", "PLATFORM"]) {
            [$0.profile, $0.id, $0.systemName, $0.name, $0.domain ?? "", $0.platform ?? ""]
        }
    }

    private func listRequests(_ clients: [any VendorClient]) async throws {
        let sources = try capable(clients, as: (any CredentialCheckout).self, what: "requests").map { client in
            (client as any VendorClient, PageStream.once { try await client.listRequests() })
        }
        try await output(sources, fields: { [$0.systemName, $0.accountName, $0.reason, $0.vendorState, $0.state.label] },
                         record: { Records.request($0, client: $1) }, headers: ["PROFILE", "REQUEST", "SYSTEM", "ACCOUNT", "STATUS", "EXPIRES", "REASON"]) {
            [$0.profile, $0.requestId, $0.systemName, $0.accountName, $0.status, $0.expiresAt ?? "", $0.reason ?? ""]
        }
    }

    private func listFolders(_ clients: [any VendorClient]) async throws {
        let under = folder
        let sources = try capable(clients, as: (any FolderBrowsing).self, what: "folders").map { client in
            (client as any VendorClient, PageStream.once {
                let nodes = FolderTree(try await client.listFolders()).nodes
                guard let under else { return nodes }
                return SecretLocator.subtree(try SecretLocator.folder(under, in: nodes, profile: client.profile), of: nodes)
            })
        }
        try await output(sources, fields: { [$0.path, $0.folder.description] }, record: Records.folder, headers: ["PROFILE", "FOLDER", "ID"]) {
            [$0.profile, String(repeating: "  ", count: $0.depth) + $0.name, $0.id]
        }
    }

    private func listSecrets(_ clients: [any VendorClient]) async throws {
        var sources: [(client: any VendorClient, pages: PageStream<StoredSecret>)] = []
        for client in try capable(clients, as: (any FolderBrowsing).self, what: "secrets") {
            let folderID = try await folder.asyncMap { try await SecretLocator.folderID($0, client: client) }
            sources.append((client, client.secretPages(folderID: folderID)))
        }
        try await output(sources, fields: { [$0.title, $0.folderPath, $0.username, $0.fileName] }, record: Records.secret,
                         headers: ["PROFILE", "FOLDER", "TITLE", "KIND", "USERNAME", "ID"]) {
            [$0.profile, $0.folderPath ?? "", $0.title, $0.kind, $0.username ?? "", $0.id]
        }
    }
}

extension ListCommand {
    private func listTemplates(_ clients: [any VendorClient]) async throws {
        let sources = try capable(clients, as: (any TemplateBrowsing).self, what: "templates").map { client in
            (client as any VendorClient, PageStream.once { try await client.listTemplates() })
        }
        try await output(sources, fields: { [$0.name] + $0.fields.map(\.slug) }, record: Records.template,
                         headers: ["PROFILE", "ID", "TEMPLATE", "FIELDS"]) {
            [$0.profile, $0.id, $0.name, $0.fields.map(\.slug).joined(separator: ", ")]
        }
    }
}

extension Optional {
    /// `map` for an async transform.
    func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let self else { return nil }
        return try await transform(self)
    }
}
