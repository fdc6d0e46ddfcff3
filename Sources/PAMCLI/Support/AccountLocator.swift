import ArgumentParser
import Foundation
import PAMCore
import PAMModules

/// Resolves `[PROFILE:]SYSTEM/ACCOUNT` to a client, an account and my active lease on it.
struct AccountLocator {
    let client: any AccountLookup & CredentialCheckout
    let account: Account
    /// Journals check-outs and releases, so none is forgotten.
    let keeper: LeaseKeeper
    /// The profile's check-out length, when it sets one (or `[defaults]` does).
    let defaultMinutes: Int?

    /// Finds the account named by `reference` (the profile may be left out when there is one).
    init(_ reference: String, profile: String?, in workspace: Workspace) async throws {
        let parsed = try AccountReference(parsing: reference)
        if let profile, let named = parsed.profile, profile != named {
            throw PAMError(.usage, "--profile \(profile) and the reference's profile \(named) differ")
        }
        let client = try workspace.client(parsed.profile ?? profile)
        guard let checkout = client as? any AccountLookup & CredentialCheckout else {
            throw PAMError(.unsupported, "profile \(client.profile) (\(VendorRegistry.standard.displayName(client.vendor))) has no check-out", profile: client.profile)
        }
        self.client = checkout
        self.keeper = workspace.keeper
        self.defaultMinutes = try? workspace.configuration.profile(named: checkout.profile).defaults.durationMinutes
        do {
            self.account = try await checkout.findAccount(systemName: parsed.systemName, accountName: parsed.accountName)
        } catch var error as PAMError where error.kind == .notFound {
            guard let browsing = checkout as? any AccountBrowsing else { throw error }
            error.message += await Self.nearestNames(systemName: parsed.systemName, accountName: parsed.accountName, in: browsing)
            throw error
        }
    }

    /// "; did you mean …?" with up to three accounts of the same system, or, when the system has
    /// none (it does not exist), up to three systems; empty when nothing is close. Listed through
    /// the capabilities only after a not-found, so a found account costs nothing more.
    static func nearestNames(systemName: String, accountName: String, in client: any AccountBrowsing) async -> String {
        let accounts = (try? await client.listAccounts(.systemName(systemName))) ?? []
        if !accounts.isEmpty {
            let names = Suggestion.nearest(to: accountName, in: accounts.map(\.name))
            return names.isEmpty ? "" : "; did you mean \(alternatives(names.map { "\(accounts[0].systemName)/\($0)" }))?"
        }
        guard let systems = client as? any SystemBrowsing,
            let names = try? await systems.listSystems().map(\.name), !names.contains(systemName)
        else { return "" }
        let near = Suggestion.nearest(to: systemName, in: names)
        return near.isEmpty ? "; there is no system \(systemName)" : "; there is no system \(systemName): did you mean \(alternatives(near))?"
    }

    /// `a`, `a or b`, `a, b or c`.
    static func alternatives(_ names: [String]) -> String {
        names.count < 2 ? names.joined() : names.dropLast().joined(separator: ", ") + " or " + names.last!
    }

    /// Checks the account out with the command's options, and fetches `field` under the lease
    /// when given (in the vendor's fewest calls); the profile's check-out options fill in what
    /// the command leaves out (the client applies them).
    func checkOut(_ options: CheckoutOptions, fetching field: CredentialField? = nil) async throws -> LeaseKeeper.Kept {
        let kept = try await keeper.checkOut(try request(options), with: client, fetching: field)
        if let lost = kept.recoveredFrom {
            let id = kept.outcome.requestID
            Console.err("pamtui: the check-out's answer was lost (\(lost.message)); the server holds request \(LeaseText.one(id)), so it is reported")
        }
        return kept
    }

    /// Ends `request` (checking in or withdrawing it), trying again if an answer is lost.
    func release(_ request: AccessRequest, reason: String?) async throws {
        guard let action = request.release else { return }
        try await keeper.releaseSurely(requestID: request.id, action: action, reason: reason, with: client)
    }

    /// The command's request, its options checked against what the profile's vendor declares.
    private func request(_ options: CheckoutOptions) throws -> CheckoutRequest {
        try options.request(for: account, vendorOptions: vendorOptions, profile: client.profile)
    }

    /// The check-out options the profile's vendor declares.
    var vendorOptions: [CheckoutOptionSpec] { (try? VendorRegistry.standard.module(client.vendor).schema.checkoutOptions) ?? [] }

    /// The length the operator asked for: `--duration`, else the profile's; nil when neither.
    func askedMinutes(_ options: CheckoutOptions) -> Int? { options.duration ?? defaultMinutes }

    /// My open requests on this account: checked out, approved or pending.
    func openRequests() async throws -> [AccessRequest] {
        try await client.listRequests().filter {
            $0.systemID == account.systemID && $0.accountID == account.id && $0.state.isOpen
        }
    }
}

extension AccountReference {
    /// Parses a command-line reference, reporting a bad one as a usage error (exit 2).
    static func validated(_ text: String) throws -> AccountReference {
        do {
            return try AccountReference(parsing: text)
        } catch let error as PAMError {
            throw ValidationError(error.message)
        }
    }
}
