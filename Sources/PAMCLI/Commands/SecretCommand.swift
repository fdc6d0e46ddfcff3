import ArgumentParser

/// `pamtui secret`: read (the default), create, update or delete stored secrets.
struct SecretCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "secret",
        abstract: "Print, create, update, delete or undelete stored secrets.",
        discussion: HelpText.layout("""
        'pamtui secret REF' prints the secret (as 'secret get'). Field values for create and \
        update: --field SLUG=VALUE for a plain field, SLUG=- to read it from stdin, SLUG@FILE \
        from a file, or --field-command SLUG=COMMAND for what a command prints (pass, vault, \
        op); a secret field (a password, a key, notes) is never taken from the command line.
        """),
        subcommands: [SecretGetCommand.self, SecretCreateCommand.self, SecretUpdateCommand.self, SecretDeleteCommand.self, SecretUndeleteCommand.self],
        defaultSubcommand: SecretGetCommand.self
    )
}
