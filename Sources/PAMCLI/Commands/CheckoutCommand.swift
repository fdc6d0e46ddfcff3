import ArgumentParser
import Foundation
import PAMCore
import PAMModules

/// Options shared by the commands that check out.
struct CheckoutOptions: ParsableArguments {
    @Option(
        name: [.customLong("reason"), .customLong("comment")],
        help: ArgumentHelp("Reason (comment) recorded with the request or read (default: the profile's).", valueName: "text"))
    var reason: String?

    @Option(name: .long, help: ArgumentHelp("Lease length in minutes (default: the profile's, else the account's).", valueName: "minutes"))
    var duration: Int?

    @Option(
        name: .customLong("option"), parsing: .singleValue,
        help: ArgumentHelp("A vendor check-out option as KEY=VALUE; each is also its own flag (see below).", valueName: "key=value")
    )
    var vendorOptions: [String] = []

    /// The vendor options as given, by key.
    func options() throws -> [String: String] {
        var options: [String: String] = [:]
        for pair in vendorOptions {
            guard let equals = pair.firstIndex(of: "="), equals != pair.startIndex else {
                throw PAMError(.usage, "--option \(pair): expected KEY=VALUE")
            }
            options[String(pair[..<equals])] = String(pair[pair.index(after: equals)...])
        }
        return options
    }

    /// The request for `account`, with the options checked against what its vendor declares.
    func request(for account: Account, vendorOptions declared: [CheckoutOptionSpec], profile: String) throws -> CheckoutRequest {
        let given = try options()
        for (key, value) in given {
            guard let spec = declared.first(where: { $0.key == key }) else {
                let known = declared.map(\.flag).joined(separator: ", ")
                throw PAMError(.usage, "profile \(profile) takes no check-out option \(CheckoutOptionSpec(key: key, label: "", help: "").flag) (it takes: \(known.isEmpty ? "none" : known))")
            }
            if let problem = spec.problem(with: value) { throw PAMError(.usage, "\(spec.flag): \(problem)") }
        }
        return CheckoutRequest(account: account, reason: reason, durationMinutes: duration, options: given)
    }

    /// `--conflict renew` and `--access-type=SSH` as `--option conflict=renew`: vendor options
    /// are data, so their flags are rewritten before parsing rather than declared one by one. A
    /// yes/no option alone (`--extend`, not followed by yes or no) means yes.
    static func rewritingVendorFlags(_ arguments: [String], options: [CheckoutOptionSpec]) -> [String] {
        var rewritten: [String] = []
        var index = arguments.startIndex
        while index < arguments.endIndex {
            let argument = arguments[index]
            if argument == "--" { rewritten += arguments[index...]; break }
            let (flag, inline) = argument.split(separator: "=", maxSplits: 1).map(String.init).pairOrSingle
            if let spec = options.first(where: { $0.flag == flag }) {
                if let inline {
                    rewritten += ["--option", "\(spec.key)=\(inline)"]
                } else if spec.isYesNo, index + 1 == arguments.endIndex || !spec.choices!.contains(arguments[index + 1]) {
                    rewritten += ["--option", "\(spec.key)=yes"]
                } else if index + 1 < arguments.endIndex {
                    index += 1
                    rewritten += ["--option", "\(spec.key)=\(arguments[index])"]
                } else {
                    rewritten.append(argument)
                }
            } else {
                rewritten.append(argument)
            }
            index += 1
        }
        return rewritten
    }

    /// The vendor options for `--help`, from the registry.
    static func help(_ options: [CheckoutOptionSpec]) -> String {
        options.map { spec in
            let values = spec.isYesNo ? " [yes|no]" : spec.choices.map { " " + $0.joined(separator: "|") } ?? " TEXT"
            return "  \(spec.flag)\(values)\n      \(spec.help)"
        }.joined(separator: "\n")
    }
}

extension CheckoutOptionSpec {
    /// A yes/no option, which may be given as a bare flag.
    fileprivate var isYesNo: Bool { choices.map { Set($0) == ["yes", "no"] } ?? false }
}

extension Array where Element == String {
    fileprivate var pairOrSingle: (String, String?) { (first ?? "", count > 1 ? self[1] : nil) }
}

extension CredentialField: ExpressibleByArgument {}

/// `pamtui checkout REF`: opens a request and prints the lease, never the password.
struct CheckoutCommand: AsyncParsableCommand, GracefulOnSignal {
    static let configuration = CommandConfiguration(
        commandName: "checkout",
        abstract: "Check out an account's credential or a secret and print the lease (not the password).",
        discussion: HelpText.layout("""
        Vendor check-out options (defaults from the profile, then [defaults]):
        \(CheckoutOptions.help(VendorRegistry.standard.checkoutOptions))

        An account whose requests need approval prints the pending request and exits 0; \
        'pamtui checkin' on it withdraws the request.
        """)
    )

    @Argument(help: "The account or secret: [PROFILE:]SYSTEM/ACCOUNT or [PROFILE:]FOLDER/PATH/SECRET.")
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
            switch try await located.checkOut(checkout).outcome {
            case .granted(let lease, let reused):
                if json { return Records.print(Records.lease(lease)) }
                Console.out(
                    reused
                        ? LeaseText.reused(lease, askedMinutes: located.askedMinutes(checkout), options: located.vendorOptions)
                        : LeaseText.describe(lease))
            case .pending(let request):
                if json { return Records.print(Records.request(request, client: located.client)) }
                Console.out(LeaseText.pending(request, profile: located.client.profile))
            }
        }
    }
}

/// Sentences about leases for humans.
enum LeaseText {
    static func describe(_ lease: Lease, now: Date = Date()) -> String {
        let minutes = Int((lease.remaining(at: now) / 60).rounded())
        return "checked out \(reference(lease)): request \(one(lease.requestID)), expires \(ISODateTime.format(lease.expiresAt)) (in \(minutes) min)"
    }

    /// A reused request and how long is left; "asked for" only when the operator asked for a
    /// length (flag or profile) a minute or more away from that. The way to a new request is the
    /// vendor's option that has a `renew` choice, so no vendor is named here.
    static func reused(_ lease: Lease, askedMinutes: Int?, options: [CheckoutOptionSpec], now: Date = Date()) -> String {
        let left = lease.remaining(at: now) / 60
        var details = left < 1 ? "expires in under a minute" : "expires in \(Int(left.rounded(.down))) min"
        if let askedMinutes, abs(Double(askedMinutes) - left) >= 1 { details += "; asked for \(askedMinutes) min" }
        if let renew = options.first(where: { $0.choices?.contains("renew") == true }) {
            details += " \u{2014} use \(renew.flag) renew for a new one"
        }
        return "reusing your open request \(one(lease.requestID)) on \(reference(lease)) (\(details))"
    }

    static func pending(_ request: AccessRequest, profile: String) -> String {
        let reference = "\(profile):\(request.path)"
        return "request \(one(request.id)) for \(one(reference)) is pending approval; withdraw it with: \(ShellCommand.pamtui(["checkin", reference]))"
    }

    /// A lease that a release could not end, with the exact command that ends it.
    static func stillOpen(_ lease: Lease, _ error: PAMError) -> String {
        "could not check in request \(one(lease.requestID)) on \(reference(lease)) (\(one(error.message))); it stays open until "
            + "\(ISODateTime.format(lease.expiresAt)); check in with: "
            + ShellCommand.pamtui(["checkin", "--request", lease.requestID, "-p", lease.profile])
    }

    /// How to check `lease` in, as a command to paste.
    static func checkInCommand(_ lease: Lease) -> String {
        ShellCommand.pamtui(["checkin", "\(lease.profile):\(lease.systemName)/\(lease.accountName)"])
    }

    /// `PROFILE:SYSTEM/ACCOUNT` of a lease, on one line whatever the server named them.
    static func reference(_ lease: Lease) -> String { one("\(lease.profile):\(lease.systemName)/\(lease.accountName)") }

    /// Server text inside a sentence: a line break in a name must not start a fake line.
    static func one(_ text: String) -> String { TerminalText.sanitized(text) }
}
