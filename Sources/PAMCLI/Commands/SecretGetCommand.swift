import ArgumentParser
import Foundation
import PAMCore

/// `pamtui secret [get] [PROFILE:]FOLDER/PATH/TITLE`: prints a stored secret or writes a file secret.
struct SecretGetCommand: AsyncParsableCommand, GracefulOnSignal {
    static let configuration = CommandConfiguration(
        commandName: "get",
        abstract: "Print a stored secret (credential password or text), or save a file secret (the default)."
    )

    @Argument(help: "The secret: [PROFILE:]FOLDER/PATH/TITLE, or its id.")
    var reference: String

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file (mode 0600) instead of stdout.", valueName: "file"))
    var output: String?

    @Flag(name: .long, help: "Replace the output file if it exists.")
    var force = false

    @Flag(name: .long, help: "Write the secret to a terminal even when it holds control characters.")
    var raw = false

    @OptionGroup var profileOption: ProfileOption
    @OptionGroup var common: CommonOptions

    func run() async throws {
        try await Workspace.with(common) { workspace in
            let (client, target) = try SecretLocator.client(reference, profile: profileOption.profile, in: workspace, as: (any FolderBrowsing).self, to: "read stored secrets")
            let secret = try await SecretLocator.secret(target, client: client)
            let value = secret.kind == .file ? try await client.downloadFile(id: secret.id) : try await client.secretValue(id: secret.id)
            defer { value.wipe() }
            guard let output else {
                if !raw && Console.stdoutIsTerminal && !TerminalText.isSafeToDisplay(value) { throw PAMError.controlCharactersInSecret }
                return Console.writeSecret(value, newline: secret.kind != .file)
            }
            try SecretFile.write(value, to: output, replacing: force)
            Console.err("pamtui: wrote \(value.count) bytes to \(output)")
        }
    }
}
