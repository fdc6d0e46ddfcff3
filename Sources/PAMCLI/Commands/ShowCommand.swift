import ArgumentParser
import PAMCore

/// `pamtui show REF`: prints only the secret, reusing my active request or checking out.
struct ShowCommand: AsyncParsableCommand, GracefulOnSignal {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print an account's password or SSH key to stdout (and nothing else).",
        discussion: HelpText.layout("""
        Uses my active request on the account, or checks it out (the lease stays open until you \
        check in or it expires; a note on stderr says so). --checkin releases a request that show \
        opened itself as soon as the secret is printed.
        """)
    )

    @Argument(help: "The account: [PROFILE:]SYSTEM/ACCOUNT.")
    var reference: String

    @Option(name: .long, help: "What to print: password or key (SSH private key).")
    var field: CredentialField = .password

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
    }

    func run() async throws {
        try await Workspace.with(common) { workspace in
            let located = try await AccountLocator(reference, profile: profileOption.profile, in: workspace)
            // The protocol minimum: one check-out that reuses my open request (the server says
            // which), then the credential. No request listing before or after.
            let kept = try await located.checkOut(checkout, fetching: field)
            guard case .granted(let lease, let reused) = kept.outcome else {
                throw PAMError(
                    .permission, LeaseText.pending(kept.outcome.pendingRequest!, profile: located.client.profile),
                    profile: located.client.profile, operation: "show")
            }
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
