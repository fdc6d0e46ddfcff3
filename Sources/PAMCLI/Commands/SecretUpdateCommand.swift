import ArgumentParser
import PAMCore

/// `pamtui secret update REF --field SLUG=VALUE…`.
struct SecretUpdateCommand: AsyncParsableCommand, GracefulOnSignal {
    static let configuration = CommandConfiguration(
        commandName: "update", abstract: "Set fields of a secret; the others keep their values.")

    @Argument(help: "The secret: [PROFILE:]FOLDER/PATH/NAME.")
    var reference: String

    @Option(name: .customLong("field"), parsing: .singleValue, help: ArgumentHelp("A field: SLUG=VALUE, SLUG=- (stdin) or SLUG@FILE.", valueName: "field"))
    var fields: [String] = []

    @Option(name: .customLong("field-command"), parsing: .singleValue, help: ArgumentHelp(
        "A field whose value a command prints: SLUG=COMMAND, run by /bin/sh (as a profile's password_command).", valueName: "field"))
    var fieldCommands: [String] = []

    @Flag(name: .long, help: "Print the secret as JSON.")
    var json = false

    @OptionGroup var profileOption: ProfileOption
    @OptionGroup var common: CommonOptions

    func validate() throws {
        if fields.isEmpty && fieldCommands.isEmpty {
            throw ValidationError("give at least one --field SLUG=VALUE, SLUG=- or SLUG@FILE, or --field-command SLUG=COMMAND")
        }
    }

    func run() async throws {
        try await Workspace.with(common) { workspace in
            let (client, target) = try SecretLocator.client(reference, profile: profileOption.profile, in: workspace, as: (any SecretWriting).self, to: "update secrets")
            let secret = try await SecretLocator.secret(target, client: client)
            let values = try FieldAssignment.resolve(fields, commands: fieldCommands, fields: secret.fields)
            defer { values.values.forEach { $0.wipe() } }
            try await client.updateSecret(id: secret.id, fields: values, fileNames: try FieldAssignment.fileNames(fields, fields: secret.fields))
            if json { return Records.print(Records.secret(secret, client)) }
            Console.out("updated \(LeaseText.one("\(client.profile):\(secret.path)")): \(values.keys.sorted().joined(separator: ", "))")
        }
    }
}
