import ArgumentParser
import Foundation
import PAMCore

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
            throw PAMError(.unsupported, "profile \(client.profile) (\(client.vendor.displayName)) has no check-out", profile: client.profile)
        }
        self.client = checkout
        self.account = try await checkout.findAccount(systemName: parsed.systemName, accountName: parsed.accountName)
    }

    /// Checks the account out with the command's options and the profile's default conflict option.
    func checkOut(_ options: CheckoutOptions, in workspace: Workspace) async throws -> Lease {
        let defaults = try workspace.configuration.profile(named: client.profile).defaults
        return try await client.checkOut(options.request(for: account, defaultConflict: defaults.conflict))
    }

    /// My active requests on this account, as leases.
    func activeLeases() async throws -> [Lease] {
        let requests = try await client.listRequests()
        return requests
            .filter { $0.systemID == account.systemID && $0.accountID == account.id && $0.isActive }
            .map { $0.lease(profile: client.profile, vendor: client.vendor, at: Date()) }
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
