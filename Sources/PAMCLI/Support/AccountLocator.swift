import ArgumentParser
import Foundation
import PAMCore
import PAMModules

/// Resolves `[PROFILE:]SYSTEM/ACCOUNT` to a client, an account and my active lease on it.
struct AccountLocator {
    let client: any AccountBrowsing & CredentialCheckout
    let account: Account

    /// Finds the account named by `reference` (the profile may be left out when there is one).
    init(_ reference: String, profile: String?, in workspace: Workspace) async throws {
        let parsed = try AccountReference(parsing: reference)
        if let profile, let named = parsed.profile, profile != named {
            throw PAMError(.usage, "--profile \(profile) and the reference's profile \(named) differ")
        }
        let client = try workspace.client(parsed.profile ?? profile)
        guard let checkout = client as? any AccountBrowsing & CredentialCheckout else {
            throw PAMError(.unsupported, "profile \(client.profile) (\(VendorRegistry.standard.displayName(client.vendor))) has no check-out", profile: client.profile)
        }
        self.client = checkout
        self.account = try await checkout.findAccount(systemName: parsed.systemName, accountName: parsed.accountName)
    }

    /// Checks the account out with the command's options; the profile's check-out options fill
    /// in what the command leaves out (the client applies them).
    func checkOut(_ options: CheckoutOptions) async throws -> CheckoutOutcome {
        try await client.checkOut(try request(options))
    }

    /// Checks out and fetches the credential in the vendor's fewest calls.
    func checkOutAndRetrieve(_ options: CheckoutOptions, field: CredentialField) async throws -> (CheckoutOutcome, SecretBytes?) {
        try await client.checkOutAndRetrieve(try request(options), field: field)
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
