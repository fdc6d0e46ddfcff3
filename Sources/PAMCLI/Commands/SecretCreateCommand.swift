import ArgumentParser
import PAMCore

/// `pamtui secret create FOLDER/PATH/NAME --template T --field SLUG=VALUE…`.
struct SecretCreateCommand: AsyncParsableCommand, GracefulOnSignal {
    static let configuration = CommandConfiguration(
        commandName: "create", abstract: "Create a secret from a template in a folder.")

    @Argument(help: "The new secret: [PROFILE:]FOLDER/PATH/NAME.")
    var reference: String

    @Option(name: .long, help: ArgumentHelp("The template, by name or id (see 'pamtui ls templates').", valueName: "template"))
    var template: String

    @Option(name: .customLong("field"), parsing: .singleValue, help: ArgumentHelp("A field: SLUG=VALUE, SLUG=- (stdin) or SLUG@FILE.", valueName: "field"))
    var fields: [String] = []

    @Option(name: .customLong("field-command"), parsing: .singleValue, help: ArgumentHelp(
        "A field whose value a command prints: SLUG=COMMAND, run by /bin/sh (as a profile's password_command).", valueName: "field"))
    var fieldCommands: [String] = []

    @Flag(name: .long, help: "Print the new secret as JSON.")
    var json = false

    @OptionGroup var profileOption: ProfileOption
    @OptionGroup var common: CommonOptions

    func run() async throws {
        try await Workspace.with(common) { workspace in
            let (client, target) = try SecretLocator.client(reference, profile: profileOption.profile, in: workspace, as: (any SecretWriting).self, to: "create secrets")
            guard let folder = target.secret.folder else { throw PAMError(.usage, "'\(reference)' names no folder: expected [PROFILE:]FOLDER/PATH/NAME") }
            guard let templates = client as? any TemplateBrowsing else { throw PAMError(.unsupported, "profile \(client.profile) lists no templates") }
            let all = try await templates.listTemplates()
            guard let chosen = all.first(where: { $0.id == template || $0.name.caseInsensitiveCompare(template) == .orderedSame }) else {
                throw PAMError(.notFound, "no template '\(template)' (templates: \(all.map(\.name).joined(separator: ", ")))", profile: client.profile)
            }
            let folderID = try await SecretLocator.folderID(folder, client: client)
            let values = try FieldAssignment.resolve(fields, commands: fieldCommands, fields: chosen.fields)
            defer { values.values.forEach { $0.wipe() } }
            var created = try await client.createSecret(name: target.secret.title, folderID: folderID, templateID: chosen.id, fields: values)
            created.folderPath = created.folderPath ?? folder.split(whereSeparator: { $0 == "/" || $0 == "\\" }).joined(separator: "/")
            if json { return Records.print(Records.secret(created, client)) }
            Console.out("created \(LeaseText.one("\(client.profile):\(created.path)")) (id \(created.id), template \(LeaseText.one(chosen.name)))")
        }
    }
}
