import ArgumentParser
import PAMCore

/// `pamtui metadata ls|set|delete`: the metadata of a secret, or of a folder with `--folder`.
struct MetadataCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "metadata", abstract: "List, set or delete the metadata of a secret or folder.",
        subcommands: [ListEntries.self, SetValue.self, Delete.self])

    /// What the metadata belongs to, as every subcommand names it.
    struct Target: ParsableArguments {
        @Argument(help: "The secret ([PROFILE:]FOLDER/PATH/NAME), or with --folder the folder ([PROFILE:]PATH).")
        var reference: String

        @Flag(name: .long, help: "The reference is a folder, not a secret.")
        var folder = false

        @Flag(name: .long, help: "Print JSON.")
        var json = false

        @OptionGroup var profileOption: ProfileOption
        @OptionGroup var common: CommonOptions

        /// The client and the item the reference names.
        func item(_ workspace: Workspace) async throws -> (any MetadataEditing, MetadataItem, String) {
            let (client, target) = try SecretLocator.client(reference, profile: profileOption.profile, in: workspace, as: (any MetadataEditing).self, to: "edit metadata")
            guard let folders = client as? any FolderBrowsing else { throw PAMError(.unsupported, "profile \(client.profile) has no folders or secrets") }
            if folder {
                let node = try SecretLocator.folder(target.path, in: FolderTree(try await folders.listFolders()).nodes, profile: client.profile)
                return (client, .folder(node.id), "folder \(client.profile):\(node.path)")
            }
            do {
                let secret = try await SecretLocator.secret(target, client: folders)
                return (client, .secret(secret.id), "secret \(client.profile):\(secret.path)")
            } catch let error as PAMError where error.kind == .notFound {
                // A folder's path given without --folder: say how to name it.
                let tree = FolderTree(try await folders.listFolders()).nodes
                guard let node = try? SecretLocator.folder(target.path, in: tree, profile: client.profile) else { throw error }
                throw PAMError(.notFound, "no secret \(target.path); \(node.path) is a folder: add --folder", profile: client.profile)
            }
        }
    }

    struct ListEntries: AsyncParsableCommand, GracefulOnSignal {
        static let configuration = CommandConfiguration(commandName: "ls", abstract: "List the metadata.")
        @OptionGroup var target: Target

        func run() async throws {
            try await Workspace.with(target.common) { workspace in
                let (client, item, _) = try await target.item(workspace)
                let entries = try await client.metadata(of: item)
                if target.json {
                    var printer = JSONArrayPrinter()
                    entries.forEach { printer.append(Records.metadata($0, client)) }
                    return printer.finish()
                }
                var table = TextTable(["ID", "SECTION", "FIELD", "VALUE"])
                for entry in entries { table.add([entry.id, entry.section ?? "", entry.field, entry.value ?? ""]) }
                Console.out(table.render())
            }
        }
    }

    struct SetValue: AsyncParsableCommand, GracefulOnSignal {
        static let configuration = CommandConfiguration(
            commandName: "set", abstract: "Set a metadata field's value (adding it, and with --section creating the field, when new).")
        @OptionGroup var target: Target
        @Argument(help: "The field's name.") var field: String
        @Argument(help: "The value (text; metadata is not secret).") var value: String
        @Option(name: .long, help: ArgumentHelp("The section to create a new field in.", valueName: "name")) var section: String?

        func run() async throws {
            try await Workspace.with(target.common) { workspace in
                let (client, item, name) = try await target.item(workspace)
                let entry = try await client.setMetadata(of: item, field: field, value: value, section: section)
                if target.json { return Records.print(Records.metadata(entry, client)) }
                Console.out("set \(LeaseText.one(entry.field)) on \(LeaseText.one(name)) (metadata \(entry.id))")
            }
        }
    }

    struct Delete: AsyncParsableCommand, GracefulOnSignal {
        static let configuration = CommandConfiguration(
            abstract: "Delete a metadata value by its id (asks first on a terminal; without one, needs --yes).")
        @OptionGroup var target: Target
        @Argument(help: "The metadata value's id (see 'metadata ls').") var id: String
        @Flag(name: .long, help: "Do not ask.") var yes = false

        func run() async throws {
            try await Workspace.with(target.common) { workspace in
                let (client, item, name) = try await target.item(workspace)
                guard let entry = try await client.metadata(of: item).first(where: { $0.id == id }) else {
                    throw PAMError(.notFound, "\(name) has no metadata \(id)", profile: client.profile)
                }
                try Confirmation.require("delete metadata \(LeaseText.one(entry.field)) (\(id)) of \(LeaseText.one(name))?", yes: yes)
                try await client.deleteMetadata(of: item, entryID: id)
                if target.json { return Records.print(Records.metadata(entry, client)) }
                Console.out("deleted metadata \(LeaseText.one(entry.field)) (\(id)) of \(LeaseText.one(name))")
            }
        }
    }
}
