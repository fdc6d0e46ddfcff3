import ArgumentParser
import PAMCore

/// `pamtui folder create|rename|move|delete`.
struct FolderCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "folder", abstract: "Create, rename, move or delete folders of secrets.",
        subcommands: [Create.self, Rename.self, Move.self, Delete.self])

    /// The folder options every subcommand shares.
    struct Target: ParsableArguments {
        @Argument(help: "The folder: [PROFILE:]PATH (or PROFILE:\\\\Path), or its id.")
        var reference: String

        @Flag(name: .long, help: "Print the folder as JSON.")
        var json = false

        @OptionGroup var profileOption: ProfileOption
        @OptionGroup var common: CommonOptions

        /// The client and the folder the reference names among the profile's folders.
        func located(_ workspace: Workspace) async throws -> (any FolderEditing, FolderTree.Node, [FolderTree.Node]) {
            let (client, target) = try SecretLocator.client(reference, profile: profileOption.profile, in: workspace, as: (any FolderEditing).self, to: "edit folders")
            let nodes = FolderTree(try await client.listFolders()).nodes
            return (client, try SecretLocator.folder(target.path, in: nodes, profile: client.profile), nodes)
        }

        /// Prints the folder as it now is (one listing, for its path and depth).
        func report(_ verb: String, _ folder: Folder, client: any FolderEditing) async throws {
            let nodes = FolderTree(try await client.listFolders()).nodes
            guard let node = nodes.first(where: { $0.id == folder.id }) else {
                return Console.out("\(verb) folder \(LeaseText.one(folder.name)) (id \(folder.id))")
            }
            if json { return Records.print(Records.folder(node, client)) }
            Console.out("\(verb) folder \(LeaseText.one("\(client.profile):\(node.path)")) (id \(node.id))")
        }
    }

    struct Create: AsyncParsableCommand, GracefulOnSignal {
        static let configuration = CommandConfiguration(abstract: "Create a folder (its parent must exist).")
        @OptionGroup var target: Target

        func run() async throws {
            try await Workspace.with(target.common) { workspace in
                let (client, reference) = try SecretLocator.client(
                    target.reference, profile: target.profileOption.profile, in: workspace, as: (any FolderEditing).self, to: "edit folders")
                let parts = reference.components
                var parentID: String?
                if parts.count > 1 {
                    parentID = try await SecretLocator.folderID(parts.dropLast().joined(separator: "/"), client: client)
                }
                let folder = try await client.createFolder(name: parts.last ?? reference.path, parentID: parentID)
                try await target.report("created", folder, client: client)
            }
        }
    }

    struct Rename: AsyncParsableCommand, GracefulOnSignal {
        static let configuration = CommandConfiguration(abstract: "Rename a folder.")
        @OptionGroup var target: Target
        @Argument(help: "The new name.") var name: String

        func run() async throws {
            try await Workspace.with(target.common) { workspace in
                let (client, node, _) = try await target.located(workspace)
                try await target.report("renamed", try await client.renameFolder(id: node.id, to: name), client: client)
            }
        }
    }

    struct Move: AsyncParsableCommand, GracefulOnSignal {
        static let configuration = CommandConfiguration(abstract: "Move a folder under another (/ for the top).")
        @OptionGroup var target: Target
        @Argument(help: "The new parent folder's path or id, or / for the top.") var parent: String

        func run() async throws {
            try await Workspace.with(target.common) { workspace in
                let (client, node, nodes) = try await target.located(workspace)
                let isTop = parent.allSatisfy { $0 == "/" || $0 == "\\" }
                let parentID = isTop ? nil : try SecretLocator.folder(parent, in: nodes, profile: client.profile).id
                try await target.report("moved", try await client.moveFolder(id: node.id, under: parentID), client: client)
            }
        }
    }

    struct Delete: AsyncParsableCommand, GracefulOnSignal {
        static let configuration = CommandConfiguration(abstract: "Delete an empty folder (asks first on a terminal; without one, needs --yes).")
        @OptionGroup var target: Target
        @Flag(name: .long, help: "Do not ask.") var yes = false

        func run() async throws {
            try await Workspace.with(target.common) { workspace in
                let (client, node, _) = try await target.located(workspace)
                let name = LeaseText.one("\(client.profile):\(node.path)")
                try Confirmation.require("delete folder \(name) (id \(node.id))?", yes: yes)
                try await client.deleteFolder(id: node.id)
                if target.json { return Records.print(Records.folder(node, client)) }
                Console.out("deleted folder \(name) (id \(node.id))")
            }
        }
    }
}
