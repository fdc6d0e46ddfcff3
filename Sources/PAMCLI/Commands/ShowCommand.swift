import ArgumentParser
import PAMCore

/// `pamtui show REF`: prints only the secret, reusing my active request or checking out.
struct ShowCommand: AsyncParsableCommand, GracefulOnSignal {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print an account's password or SSH key, or any field of a secret, to stdout (and nothing else).",
        discussion: HelpText.layout("""
        Uses my active request on the account, or checks it out (the lease stays open until you \
        check in or it expires; a note on stderr says so). --checkin releases a request that show \
        opened itself as soon as the secret is printed. A secret that needs no check-out is read \
        without one; --reason (or --comment) and the vendor's ticket go with reads that require them.
        """)
    )

    @Argument(help: "The account or secret: [PROFILE:]SYSTEM/ACCOUNT or [PROFILE:]FOLDER/PATH/SECRET (or \\Folder\\Path\\Secret).")
    var reference: String

    @Option(
        name: .long,
        help: ArgumentHelp(
            "The field to print: its slug, or password, username, notes, key or private-key (the field of that kind, whatever its slug).",
            valueName: "slug"))
    var field: String = CredentialField.password.rawValue

    @Flag(name: .long, help: "Every field of the target (with --json).")
    var all = false

    @Flag(name: .long, help: "Print the fields as a JSON object (with --all).")
    var json = false

    @Option(name: .shortAndLong, help: ArgumentHelp("Write the field to this file (mode 0600), or - for stdout.", valueName: "file"))
    var output: String?

    @Flag(name: .long, help: "Replace the output file if it exists.")
    var force = false

    @Flag(name: .long, help: "Check in right after printing, if show checked out itself.")
    var checkin = false

    @Flag(name: .customLong("no-newline"), help: "Do not end the output with a newline.")
    var noNewline = false

    @Flag(name: .long, help: "Write the secret to a terminal even when it holds control characters.")
    var raw = false

    @OptionGroup var checkout: CheckoutOptions
    @OptionGroup var profileOption: ProfileOption
    @OptionGroup var common: CommonOptions

    func validate() throws {
        _ = try AccountReference.validated(reference)
        if json != all { throw ValidationError("--all and --json go together: --all --json prints every field") }
        if all, output != nil { throw ValidationError("--output takes one field, not --all") }
    }

    func run() async throws {
        try await Workspace.with(common) { workspace in
            let located = try await AccountLocator(reference, profile: profileOption.profile, in: workspace)
            if !all, output == nil, let credential = CredentialField(rawValue: field) {
                return try await showCredential(credential, located: located)
            }
            try await showFields(located)
        }
    }

    /// The password or key: one check-out that reuses my open request (the server says which),
    /// then the credential. No request listing before or after.
    private func showCredential(_ field: CredentialField, located: AccountLocator) async throws {
        let kept = try await located.checkOut(checkout, fetching: field)
        guard case .granted(let lease, let reused) = kept.outcome else { throw pending(kept.outcome, located) }
        // What show opened itself it must close on every path (with --checkin) or name.
        let opened = reused ? nil : lease
        let secret: SecretBytes
        switch kept.retrieval.credential {
        case .success(let fetched): secret = fetched
        case .failure(let error):
            try await settle(opened, located: located, after: error)
            throw error
        case nil:
            let error = PAMError(.malformed, "the check-out granted no credential", profile: located.client.profile, operation: "show")
            try await settle(opened, located: located, after: error)
            throw error
        }
        let refused = !raw && Console.stdoutIsTerminal && !TerminalText.isSafeToDisplay(secret)
        if !refused { Console.writeSecret(secret, newline: !noNewline) }
        secret.wipe()
        try await settle(opened, located: located, after: nil)
        if refused { throw PAMError.controlCharactersInSecret }
    }

    /// Any field, or all: under a lease when the target needs one, else read as it is (with
    /// the reason and ticket when given, for targets that require them).
    private func showFields(_ located: AccountLocator) async throws {
        guard let retrieval = located.client as? any FieldRetrieval else {
            throw PAMError(.unsupported, "profile \(located.client.profile) has no fields to show but the password or key", profile: located.client.profile)
        }
        var lease: Lease?
        var opened: Lease?
        // A plain field the look-up already holds (a user name) needs no lease.
        let plain = !all && located.account.fields.field(named: field)?.plainValue != nil
        if located.account.leaseRequired && !plain {
            let kept = try await located.checkOut(checkout)
            guard case .granted(let granted, let reused) = kept.outcome else { throw pending(kept.outcome, located) }
            lease = granted
            opened = reused ? nil : granted
        }
        let context = RetrievalContext(lease: lease, reason: checkout.reason, options: try checkout.options())
        do {
            let values = try await retrieval.retrieve(.account(located.account), fields: all ? .all : .one(field), context: context)
            defer { values.forEach { $0.value.wipe() } }
            try write(values, target: located)
        } catch let error as PAMError {
            try await settle(opened, located: located, after: error)
            throw error
        }
        try await settle(opened, located: located, after: nil)
    }

    private func write(_ values: [FieldValue], target located: AccountLocator) throws {
        if all { return FieldsJSON.print(values, client: located.client, account: located.account) }
        guard let value = values.first else { return }
        if let output, output != "-" {
            try SecretFile.write(value.value, to: output, replacing: force)
            return Console.err("pamtui: wrote \(value.value.count) bytes of \(LeaseText.one(value.field.label)) to \(output)")
        }
        if !raw && Console.stdoutIsTerminal && !TerminalText.isSafeToDisplay(value.value) { throw PAMError.controlCharactersInSecret }
        Console.writeSecret(value.value, newline: !noNewline && !value.field.kind.isFileLike)
    }

    private func pending(_ outcome: CheckoutOutcome, _ located: AccountLocator) -> PAMError {
        PAMError(
            .permission, LeaseText.pending(outcome.pendingRequest!, profile: located.client.profile),
            profile: located.client.profile, operation: "show")
    }

    /// Checks in the lease show opened when --checkin asks (trying again within bounds), else
    /// says on stderr that it stays open and how to end it.
    private func settle(_ opened: Lease?, located: AccountLocator, after failure: PAMError?) async throws {
        guard let lease = opened else { return }
        guard checkin else {
            return Console.err("pamtui: \(LeaseText.describe(lease)); check in with: \(LeaseText.checkInCommand(lease))")
        }
        do {
            try await located.keeper.releaseSurely(
                requestID: lease.requestID, action: .checkIn, reason: checkout.reason, with: located.client)
        } catch let error as PAMError {
            Console.err("pamtui: \(LeaseText.stillOpen(lease, error))")
            if failure == nil { throw error }
        }
    }
}
