import ArgumentParser
import PAMCore

/// `pamtui show REF`: prints only the secret, reusing my active request or checking out.
struct ShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print an account's password or SSH key to stdout (and nothing else).",
        discussion: """
        Uses my active request on the account, or checks it out (the lease stays open until you \
        check in or it expires; a note on stderr says so). --checkin releases a request that show \
        opened itself as soon as the secret is printed.
        """
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
            let (outcome, fetched) = try await located.checkOutAndRetrieve(checkout, field: field)
            guard case .granted(let lease, let reused) = outcome, let secret = fetched else {
                if case .pending(let request) = outcome {
                    throw PAMError(.permission, LeaseText.pending(request, profile: located.client.profile), profile: located.client.profile, operation: "show")
                }
                throw PAMError(.malformed, "the check-out granted no credential", profile: located.client.profile, operation: "show")
            }
            let refused = !raw && Console.stdoutIsTerminal && !TerminalText.isSafeToDisplay(secret)
            if !refused { Console.writeSecret(secret, newline: !noNewline) }
            secret.wipe()
            if !reused && checkin {
                try await located.client.checkIn(requestID: lease.requestID, reason: checkout.reason)
            } else if !reused {
                Console.err("pamtui: \(LeaseText.describe(lease)); check in with: pamtui checkin \(LeaseText.reference(lease))")
            }
            if refused { throw PAMError.controlCharactersInSecret }
        }
    }
}
