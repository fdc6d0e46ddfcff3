import ArgumentParser
import Foundation
import PAMCore
import PAMVendors

/// Options shared by the commands that check out.
struct CheckoutOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Reason recorded with the request (default: the profile's).", valueName: "text"))
    var reason: String?

    @Option(name: .long, help: ArgumentHelp("Lease length in minutes (default: the profile's, else the account's).", valueName: "minutes"))
    var duration: Int?

    @Option(name: .long, help: ArgumentHelp("When I already hold a request: reuse, renew or none (fail).", valueName: "option"))
    var conflict: ConflictOption?

    @Option(name: .customLong("access-type"), help: ArgumentHelp("Vendor access type, e.g. View, RDP or SSH (default: the profile's, else View).", valueName: "type"))
    var accessType: String?

    func request(for account: Account, defaultConflict: ConflictOption) -> CheckoutRequest {
        CheckoutRequest(
            account: account, reason: reason, durationMinutes: duration, accessType: accessType,
            conflict: conflict ?? defaultConflict
        )
    }
}

extension ConflictOption: ExpressibleByArgument {}
extension CredentialField: ExpressibleByArgument {}

/// `pamtui checkout REF`: opens a request and prints the lease, never the password.
struct CheckoutCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "checkout",
        abstract: "Check out an account's credential and print the lease (not the password)."
    )

    @Argument(help: "The account: [PROFILE:]SYSTEM/ACCOUNT.")
    var reference: String

    @OptionGroup var checkout: CheckoutOptions
    @OptionGroup var profileOption: ProfileOption

    @Flag(name: .long, help: "Print JSON instead of a sentence.")
    var json = false

    @OptionGroup var common: CommonOptions

    func validate() throws {
        _ = try AccountReference.validated(reference)
    }

    func run() async throws {
        try await Workspace.with(common) { workspace in
            let located = try await AccountLocator(reference, profile: profileOption.profile, in: workspace)
            let lease = try await located.checkOut(checkout, in: workspace)
            if json { return Records.print(Records.lease(lease)) }
            Console.out(LeaseText.describe(lease))
        }
    }
}

/// Sentences about leases for humans.
enum LeaseText {
    static func describe(_ lease: Lease, now: Date = Date()) -> String {
        let minutes = Int((lease.remaining(at: now) / 60).rounded())
        return "checked out \(lease.profile):\(lease.systemName)/\(lease.accountName): request \(lease.requestID), expires \(ISODateTime.format(lease.expiresAt)) (in \(minutes) min)"
    }
}
