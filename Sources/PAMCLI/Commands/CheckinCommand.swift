import ArgumentParser
import PAMCore

/// `pamtui checkin REF | --request ID`.
struct CheckinCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "checkin",
        abstract: "Check in my active requests on an account, or one request by id."
    )

    @Argument(help: "The account: [PROFILE:]SYSTEM/ACCOUNT.")
    var reference: String?

    @Option(name: .long, help: ArgumentHelp("Check in this request id instead.", valueName: "id"))
    var request: String?

    @Option(name: .long, help: ArgumentHelp("Reason recorded with the check-in.", valueName: "text"))
    var reason: String?

    @OptionGroup var profileOption: ProfileOption
    @OptionGroup var common: CommonOptions

    func validate() throws {
        guard (reference == nil) != (request == nil) else {
            throw ValidationError("give either an account reference or --request ID")
        }
        if let reference { _ = try AccountReference.validated(reference) }
    }

    func run() async throws {
        try await Workspace.with(common) { workspace in
            if let request {
                guard let client = try workspace.client(profileOption.profile) as? any CredentialCheckout else {
                    throw PAMError(.unsupported, "this profile has no check-in")
                }
                try await client.checkIn(requestID: request, reason: reason)
                return Console.out("checked in request \(request) on \(client.profile)")
            }
            let located = try await AccountLocator(reference ?? "", profile: profileOption.profile, in: workspace)
            let leases = try await located.activeLeases()
            guard !leases.isEmpty else {
                throw PAMError(.notFound, "no active request of mine on \(located.account.path)", profile: located.client.profile, operation: "check-in")
            }
            for lease in leases {
                try await located.client.checkIn(requestID: lease.requestID, reason: reason)
                Console.out("checked in \(lease.profile):\(lease.systemName)/\(lease.accountName) (request \(lease.requestID))")
            }
        }
    }
}
