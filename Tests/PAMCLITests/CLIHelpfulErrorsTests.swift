import Foundation
import PAMTestSupport
import Testing

/// Mistakes get short answers that say what was meant: a misspelt command or option, an
/// account or system that does not exist; help texts keep their lists whole; counts read right.
@Suite struct CLIHelpfulErrorsTests {
    @Test func misspeltCommandSuggestsTheCommandWithOneUsageLine() async throws {
        let result = try await Pamtui.run(["chekout", "DC01/admin"])
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderrLines == [
            "pamtui: unknown command 'chekout'; did you mean 'checkout'?",
            "Usage: pamtui checkout <reference> [<options>]",
            "See 'pamtui checkout --help'.",
        ])
    }

    @Test func unknownCommandWithNothingCloseListsTheCommands() async throws {
        let result = try await Pamtui.run(["frobnicate"])
        #expect(result.status == 2)
        #expect(result.stderrLines.count == 3, "\(result.stderrLines)")
        #expect(result.stderrLines.first == "pamtui: unknown command 'frobnicate'")
        let usage = try #require(result.stderrLines.dropFirst().first)
        #expect(usage.hasPrefix("Usage: pamtui <command> [<options>] (commands: ls, checkout, show, checkin, leases,"), "\(usage)")
        #expect(!usage.contains("self-check"), "hidden commands stay hidden")
        #expect(result.stderrLines.last == "See 'pamtui --help'.")
    }

    @Test func misspeltSubcommandOfConfig() async throws {
        let result = try await Pamtui.run(["config", "chek"])
        #expect(result.status == 2)
        #expect(result.stderrLines.first == "pamtui: unknown command 'chek'; did you mean 'check'?")
        #expect(result.stderrLines.last == "See 'pamtui config check --help'.")
    }

    @Test func misspeltOptionsSuggestTheOptionIncludingVendorFlags() async throws {
        let cases: [([String], String)] = [
            (["checkout", "DC01/admin", "--duraton", "5"], "pamtui: unknown option '--duraton' for 'pamtui checkout'; did you mean '--duration'?"),
            (["show", "DC01/admin", "--no-newlin"], "pamtui: unknown option '--no-newlin' for 'pamtui show'; did you mean '--no-newline'?"),
            // Vendor flags are data (rewritten before parsing), and are suggested all the same.
            (["checkout", "DC01/admin", "--conflct", "renew"], "pamtui: unknown option '--conflct' for 'pamtui checkout'; did you mean '--conflict'?"),
            (["leases", "--jsn"], "pamtui: unknown option '--jsn' for 'pamtui leases'; did you mean '--json'?"),
            // Before the reference, the misspelt option's value is read as the reference first.
            (["show", "--profle", "x", "DC01/admin"], "pamtui: unknown option '--profle' for 'pamtui show'; did you mean '--profile'?"),
        ]
        for (arguments, first) in cases {
            let result = try await Pamtui.run(arguments)
            #expect(result.status == 2, "\(arguments)")
            #expect(result.stderrLines.count == 3, "\(arguments): \(result.stderrLines)")
            #expect(result.stderrLines.first == first, "\(arguments)")
            #expect(result.stderrLines.last == "See 'pamtui \(arguments[0]) --help'.", "\(arguments)")
        }
    }

    @Test func otherUsageErrorsAreShortToo() async throws {
        let result = try await Pamtui.run(["show"])
        #expect(result.status == 2)
        #expect(result.stderrLines == [
            "pamtui: missing expected argument '<reference>'",
            "Usage: pamtui show <reference> [<options>]",
            "See 'pamtui show --help'.",
        ])
    }

    @Test func unknownAccountsSuggestTheNearestOfTheSameSystem() async throws {
        try await SimulateProcess.with { simulator in
            for command in [["show"], ["checkout"], ["checkin"]] {
                let result = try await Pamtui.run(command + ["DC01/admn", "--config", simulator.configPath])
                #expect(result.status == 4, "\(command): \(result.stderr)")
                #expect(result.stderrLines.count == 1, "\(command): \(result.stderrLines)")
                #expect(result.stderr.contains("no account DC01/admn"), "\(result.stderr)")
                #expect(result.stderr.hasSuffix("; did you mean DC01/admin?\n"), "\(command): \(result.stderr)")
            }
            let system = try await Pamtui.run(["show", "DC0/admin", "--config", simulator.configPath])
            #expect(system.status == 4)
            #expect(system.stderr.hasSuffix("; there is no system DC0: did you mean DC01?\n"), "\(system.stderr)")
            let nothing = try await Pamtui.run(["show", "DC01/zzzzzzzzzzzz", "--config", simulator.configPath])
            #expect(nothing.status == 4)
            #expect(!nothing.stderr.contains("did you mean"), "\(nothing.stderr)")
        }
    }

    /// ArgumentParser re-wraps discussion text at the terminal's width; the fault list and the
    /// vendor options must come out whole, each line indented as laid out, at any width.
    @Test(arguments: [60, 80, 132]) func helpListsKeepTheirLayout(columns: Int) async throws {
        let simulate = try await Pamtui.run(["simulate", "--help"], environment: ["COLUMNS": "\(columns)"])
        #expect(simulate.status == 0)
        let lines = simulate.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let faults = try #require(lines.firstIndex { $0.hasPrefix("Faults (--faults") })
        let usage = try #require(lines.firstIndex { $0.hasPrefix("USAGE:") })
        let section = Array(lines[faults..<usage])
        // Our text only: ArgumentParser lays out its options itself and cannot cut a long path.
        #expect(lines[..<usage].allSatisfy { $0.count < columns }, "\(lines[..<usage].filter { $0.count >= columns })")
        for name in ["latency=DURATION", "error5xx=P", "commit-then-drop=P", "methods=LIST", "expire-session-after=DURATION", "auth=true"] {
            #expect(section.contains { $0.hasPrefix("  \(name)") }, "\(name) starts its own line at \(columns) columns")
        }
        // A fault's description never falls back to the left margin.
        for fragment in ["answering,", "methods=POST|PUT", "recover)"] {
            let line = try #require(section.first { $0.contains(fragment) }, "\(fragment)")
            #expect(line.hasPrefix("  "), "\(columns) columns: \(line)")
        }
        let checkout = try await Pamtui.run(["checkout", "--help"], environment: ["COLUMNS": "\(columns)"])
        let help = checkout.stdout.split(separator: "\n").map(String.init)
        let checkoutUsage = help.firstIndex { $0.hasPrefix("USAGE:") } ?? help.count
        #expect(help[..<checkoutUsage].allSatisfy { $0.count < columns })
        let vendor = try #require(help.first { $0.contains("When I already") })
        #expect(vendor.hasPrefix("      "), "\(vendor)")
    }

    @Test func configCheckPrintsEachProblemOnceAndCountsInWords() async throws {
        try await SimulateProcess.with { simulator in
            let good = try await Pamtui.run(["config", "check", "--config", simulator.configPath])
            #expect(good.status == 0)
            #expect(good.stdout.hasSuffix(": OK, 1 profile\n"), "\(good.stdout)")
            let bad = try configVariant(of: simulator, name: "bad") { $0 + "\nduration = 0\n" }
            let result = try await Pamtui.run(["config", "check", "--config", bad])
            #expect(result.status == 1)
            let problems = result.stderrLines.filter { $0.contains("duration") }
            #expect(problems.count == 1, "\(result.stderrLines)")
            #expect(result.stderrLines.last == "pamtui: \(bad): 1 error", "\(result.stderrLines)")
        }
    }

    /// A reused request says how long is left and, only when another length was asked for (by
    /// flag or by the profile), how long that was; the vendor's renew flag it names opens a new one.
    @Test func reusedRequestNamesWhatIsLeftAndHowToRenew() async throws {
        try await SimulateProcess.with { simulator in
            let plain = try configVariant(of: simulator, name: "plain") { removing("duration", from: $0) }
            let withDefault = try configVariant(of: simulator, name: "default") {
                removing("duration", from: $0).replacingOccurrences(of: "[profiles.beyondtrust]", with: "[profiles.beyondtrust]\nduration = 60")
            }
            func checkout(_ extra: [String], config: String = plain) async throws -> String {
                let result = try await Pamtui.run(["checkout", "DC01/admin", "--config", config] + extra)
                #expect(result.status == 0, "\(result.stderr)")
                return result.stdout
            }
            let first = try await checkout(["--duration", "30"])
            #expect(first.contains("(in 30 min)"), "\(first)")
            let advice = " \u{2014} use --conflict renew for a new one)\n"
            for (extra, config) in [(["--duration", "30"], plain), ([], plain)] {
                let again = try await checkout(extra, config: config)
                #expect(again.hasPrefix("reusing your open request "), "\(again)")
                #expect(again.contains(" on beyondtrust:DC01/admin (expires in "), "\(again)")
                #expect(!again.contains("asked for"), "\(extra): \(again)")
                #expect(again.hasSuffix(advice), "\(again)")
            }
            let longer = try await checkout(["--duration", "120"])
            #expect(longer.hasSuffix("; asked for 120 min" + advice), "\(longer)")
            let byProfile = try await checkout([], config: withDefault)
            #expect(byProfile.hasSuffix("; asked for 60 min" + advice), "\(byProfile)")
            let renewed = try await checkout(["--duration", "120", "--conflict", "renew"])
            #expect(renewed.hasPrefix("checked out "), "\(renewed)")
            #expect(renewed.contains("(in 120 min)"), "\(renewed)")
        }
    }
}
