import Foundation
import Testing
import PAMCore
import PAMModules

/// What the conformance suite needs to know of one vendor's seeded simulator world. A vendor
/// joins the suite with one entry in `all`; its own scenarios live in its own test files.
struct ConformanceCase: Sendable, CustomTestStringConvertible {
    var module: any VendorModule
    /// An account to check out, `SYSTEM/ACCOUNT`; nil for vendors without accounts.
    var account: String?
    /// A stored secret, `FOLDER/PATH/TITLE`; nil for vendors without folders.
    var secret: String?
    /// An account reference that does not exist.
    var missingAccount: String?
    /// The profile key whose value, when wrong, makes sign-in fail.
    var credentialKey: String
    /// How long the simulator keeps an idle session.
    var sessionLifetime: TimeInterval
    /// A fragment of the sign-in request's path, to count sign-ins in the simulator's log.
    var signInPath: String
    /// Rows `--scale` adds for the paging scenario, and the pages they must arrive in at least.
    var scaledRows: Int
    var minimumPages: Int

    var testDescription: String { module.id.rawValue }

    static let all: [ConformanceCase] = [
        ConformanceCase(
            module: BeyondTrustModule(), account: "DC01/admin", secret: "team/app/db", missingAccount: "DC01/nobody",
            credentialKey: "api_key", sessionLifetime: 20 * 60, signInPath: "SignAppin", scaledRows: 2_500, minimumPages: 3
        ),
        // Secrets stand for accounts: the "account" is a secret with check-out on.
        ConformanceCase(
            module: SecretServerModule(), account: "Restricted/Domain Admin (check-out)",
            secret: "Infrastructure/Windows Servers/WIN-DC01 Administrator", missingAccount: "Infrastructure/nobody",
            credentialKey: "password", sessionLifetime: 20 * 60, signInPath: "oauth2/token", scaledRows: 2_500, minimumPages: 3
        ),
    ].filter { $0.module.simulator != nil }
}


