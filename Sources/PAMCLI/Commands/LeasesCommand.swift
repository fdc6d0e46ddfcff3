import ArgumentParser
import PAMCore

/// `pamtui leases`: every request the lease journal knows of, across profiles, checked against
/// the servers. Closed ones are dropped from the journal; the ones no server could confirm are
/// flagged as unknown.
struct LeasesCommand: AsyncParsableCommand, GracefulOnSignal {
    static let configuration = CommandConfiguration(
        commandName: "leases",
        abstract: "List the leases on record (the lease journal), checked against the servers.",
        discussion: HelpText.layout("""
        Every check-out is journaled in $XDG_STATE_HOME/pamtui/leases.jsonl (no secrets, mode 0600) \
        before it is sent, so a lease from a run that crashed or lost its answer is listed here. \
        'pamtui checkin --all-known' checks them all in.
        """)
    )

    @Flag(name: .long, help: "Print JSON instead of a table.")
    var json = false

    @OptionGroup var profileOption: ProfileOption
    @OptionGroup var common: CommonOptions

    func run() async throws {
        try await Workspace.with(common) { workspace in
            let known = try await KnownLeases.verify(in: workspace, profile: profileOption.profile)
            if json {
                var printer = JSONArrayPrinter()
                known.forEach { printer.append(Records.known($0)) }
                return printer.finish()
            }
            guard !known.isEmpty else { return Console.out("no leases on record") }
            var table = TextTable(["PROFILE", "SYSTEM", "ACCOUNT", "REQUEST", "STATE", "EXPIRES"])
            for entry in known {
                let record = Records.known(entry)
                table.add([
                    record.profile, record.systemName, record.accountName, record.requestId ?? "-",
                    record.error.map { "unknown (\($0))" } ?? record.status, record.expiresAt ?? "",
                ])
            }
            Console.out(table.render())
        }
    }
}
