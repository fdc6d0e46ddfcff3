import ArgumentParser
import PAMCore
import PAMModules

/// `pamtui checkin REF | --request ID`.
struct CheckinCommand: AsyncParsableCommand, GracefulOnSignal {
    static let configuration = CommandConfiguration(
        commandName: "checkin",
        abstract: "Check in my requests on an account or secret (withdrawing pending ones), one request by id, or every lease on record.",
        discussion: "--all-known checks in every request the lease journal knows of (see 'pamtui leases'), across profiles. --force checks in a check-out someone else holds, where the vendor and your permissions allow it."
    )

    @Argument(help: "The account or secret: [PROFILE:]SYSTEM/ACCOUNT or [PROFILE:]FOLDER/PATH/SECRET.")
    var reference: String?

    @Option(name: .long, help: ArgumentHelp("Check in this request id instead.", valueName: "id"))
    var request: String?

    @Flag(name: .customLong("all-known"), help: "Check in every open request the lease journal knows of.")
    var allKnown = false

    @Option(name: [.customLong("reason"), .customLong("comment")], help: ArgumentHelp("Reason (comment) recorded with the check-in.", valueName: "text"))
    var reason: String?

    @Flag(name: .long, help: "Check in the account's check-out whoever holds it (force check-in).")
    var force = false

    @OptionGroup var profileOption: ProfileOption
    @OptionGroup var common: CommonOptions

    func validate() throws {
        guard [reference != nil, request != nil, allKnown].filter({ $0 }).count == 1 else {
            throw ValidationError("give an account reference, --request ID or --all-known")
        }
        if let reference { _ = try AccountReference.validated(reference) }
        if force && reference == nil { throw ValidationError("--force takes an account or secret reference") }
    }

    func run() async throws {
        try await Workspace.with(common) { workspace in
            if allKnown { return try await checkInAllKnown(workspace) }
            if let request {
                guard let client = try workspace.client(profileOption.profile) as? any CredentialCheckout else {
                    throw PAMError(.unsupported, "this profile has no check-in")
                }
                try await workspace.keeper.releaseSurely(requestID: request, action: .checkIn, reason: reason, with: client)
                return Console.out("checked in request \(LeaseText.one(request)) on \(client.profile)")
            }
            let located = try await AccountLocator(reference ?? "", profile: profileOption.profile, in: workspace)
            if force { return try await forceCheckIn(located) }
            let requests = try await located.openRequests()
            guard !requests.isEmpty else {
                throw PAMError(.notFound, "no open request of mine on \(located.account.path)", profile: located.client.profile, operation: "check-in")
            }
            for request in requests where request.release != nil {
                try await located.release(request, reason: reason)
                Console.out(Self.released(request, profile: located.client.profile))
            }
        }
    }

    /// Each request the journal knows of, checked against its server; every open one released.
    private func checkInAllKnown(_ workspace: Workspace) async throws {
        let known = try await KnownLeases.verify(in: workspace, profile: profileOption.profile)
        var failures = 0
        for entry in known {
            switch entry.standing {
            case .open(let request):
                guard let client = entry.client, request.release != nil else { continue }
                do {
                    try await workspace.keeper.releaseSurely(
                        requestID: request.id, action: request.release!, reason: reason, with: client)
                    Console.out(Self.released(request, profile: entry.record.profile))
                } catch let error as PAMError {
                    failures += 1
                    Console.err("pamtui: \(TerminalText.sanitized(error.description))")
                }
            case .unknown(let error):
                failures += 1
                Console.err("pamtui: \(LeaseText.one(entry.record.reference)): state unknown (\(LeaseText.one(error.message)))")
            case .closed:
                continue
            }
        }
        if failures > 0 {
            throw PAMError(.server, "\(Plural.count(failures, "known request")) could not be checked in; see them with: \(ShellCommand.pamtui(["leases"]))")
        }
    }

    /// Ends the check-out whoever holds it, through the vendor's forced release.
    private func forceCheckIn(_ located: AccountLocator) async throws {
        let profile = located.client.profile
        guard let forced = located.client as? any ForcedRelease else {
            throw PAMError(.unsupported, "profile \(profile) (\(VendorRegistry.standard.displayName(located.client.vendor))) cannot force a check-in", profile: profile)
        }
        try await forced.forceCheckIn(located.account, reason: reason)
        Console.out("checked in \(LeaseText.one("\(profile):\(located.account.path)")) (forced)")
    }

    static func released(_ request: AccessRequest, profile: String) -> String {
        let done = request.release == .cancel ? "withdrew the \(request.state.label) request" : "checked in"
        return "\(done) \(LeaseText.one("\(profile):\(request.path)")) (request \(LeaseText.one(request.id)))"
    }
}
