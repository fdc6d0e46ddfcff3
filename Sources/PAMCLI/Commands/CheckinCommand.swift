import ArgumentParser
import PAMCore

/// `pamtui checkin REF | --request ID`.
struct CheckinCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "checkin",
        abstract: "Check in my requests on an account (withdrawing pending ones), or one request by id."
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
                return Console.out("checked in request \(LeaseText.one(request)) on \(client.profile)")
            }
            let located = try await AccountLocator(reference ?? "", profile: profileOption.profile, in: workspace)
            let requests = try await located.openRequests()
            guard !requests.isEmpty else {
                throw PAMError(.notFound, "no open request of mine on \(located.account.path)", profile: located.client.profile, operation: "check-in")
            }
            let profile = located.client.profile
            for request in requests {
                // Each state has its own way out: a lease is checked in, a pending request withdrawn.
                guard let action = request.release else { continue }
                try await located.client.release(requestID: request.id, action: action, reason: reason)
                let done = action == .cancel ? "withdrew the \(request.state.label) request" : "checked in"
                Console.out("\(done) \(LeaseText.one("\(profile):\(request.path)")) (request \(LeaseText.one(request.id)))")
            }
        }
    }
}
