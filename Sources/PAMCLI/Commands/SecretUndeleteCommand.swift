import ArgumentParser
import PAMCore

/// `pamtui secret undelete REF`: a deleted secret active again, found among its folder's deleted
/// secrets.
struct SecretUndeleteCommand: AsyncParsableCommand, GracefulOnSignal {
    static let configuration = CommandConfiguration(commandName: "undelete", abstract: "Bring back a deleted secret.")

    @Argument(help: "The deleted secret: [PROFILE:]FOLDER/PATH/NAME.")
    var reference: String

    @Flag(name: .long, help: "Print the secret as JSON.")
    var json = false

    @OptionGroup var profileOption: ProfileOption
    @OptionGroup var common: CommonOptions

    func run() async throws {
        try await Workspace.with(common) { workspace in
            let (client, target) = try SecretLocator.client(reference, profile: profileOption.profile, in: workspace, as: (any SecretWriting).self, to: "undelete secrets")
            let (folder, title) = target.secret
            var folderID: String?
            if let folder { folderID = try await SecretLocator.folderID(folder, client: client) }
            let deleted = try await client.deletedSecrets(folderID: folderID)
            guard let secret = deleted.first(where: { $0.title == title || $0.id == title }) else {
                throw PAMError(.notFound, "no deleted secret \(target.path)", profile: client.profile)
            }
            try await client.undeleteSecret(id: secret.id)
            if json { return Records.print(Records.secret(secret, client)) }
            Console.out("undeleted \(LeaseText.one("\(client.profile):\(secret.path)")) (id \(secret.id))")
        }
    }
}
