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

    @OptionGroup var checkout: CheckoutOptions
    @OptionGroup var profileOption: ProfileOption
    @OptionGroup var common: CommonOptions

    func validate() throws {
        _ = try AccountReference.validated(reference)
    }

    func run() async throws {
        try await Workspace.with(common) { workspace in
            let located = try await AccountLocator(reference, profile: profileOption.profile, in: workspace)
            var openedHere = false
            var lease = try await located.activeLeases().first
            if lease == nil {
                lease = try await located.checkOut(checkout, in: workspace)
                openedHere = true
            }
            guard let lease else { return }
            let secret = try await located.client.retrieve(lease, field: field)
            Console.writeSecret(secret, newline: !noNewline)
            secret.wipe()
            if openedHere && checkin {
                try await located.client.checkIn(requestID: lease.requestID, reason: checkout.reason)
            } else if openedHere {
                Console.err("pamtui: \(LeaseText.describe(lease)); check in with: pamtui checkin \(lease.profile):\(lease.systemName)/\(lease.accountName)")
            }
        }
    }
}
