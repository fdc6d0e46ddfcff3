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
        self.account = try await checkout.findAccount(systemName: parsed.systemName, accountName: parsed.accountName)
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
        let declared = (try? VendorRegistry.standard.module(client.vendor).schema.checkoutOptions) ?? []
        return try options.request(for: account, vendorOptions: declared, profile: client.profile)
    }

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
