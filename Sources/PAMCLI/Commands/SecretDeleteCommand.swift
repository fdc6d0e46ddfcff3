import ArgumentParser
import PAMCore

/// `pamtui secret delete REF [--yes]`.
struct SecretDeleteCommand: AsyncParsableCommand, GracefulOnSignal {
    static let configuration = CommandConfiguration(
        commandName: "delete", abstract: "Delete a secret (asks first on a terminal; without one, needs --yes).")

    @Argument(help: "The secret: [PROFILE:]FOLDER/PATH/NAME.")
    var reference: String

    @Flag(name: .long, help: "Do not ask.")
    var yes = false

    @Flag(name: .long, help: "Print the deleted secret as JSON.")
    var json = false

    @OptionGroup var profileOption: ProfileOption
    @OptionGroup var common: CommonOptions

    func run() async throws {
        try await Workspace.with(common) { workspace in
            let (client, target) = try SecretLocator.client(reference, profile: profileOption.profile, in: workspace, as: (any SecretWriting).self, to: "delete secrets")
            let secret = try await SecretLocator.secret(target, client: client)
            let name = LeaseText.one("\(client.profile):\(secret.path)")
            try Confirmation.require("delete secret \(name) (id \(secret.id))?", yes: yes)
            try await client.deleteSecret(id: secret.id)
            if json { return Records.print(Records.secret(secret, client)) }
            Console.out("deleted \(name) (id \(secret.id))")
        }
    }
}
