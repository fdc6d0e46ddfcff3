import Foundation
import PAMTestSupport
import Testing

/// Nothing injected: text from a hostile server or user reaches the terminal only as visible
/// escapes, `--json` stays faithful, and secrets with control characters are not shown on a
/// terminal unless asked.
@Suite struct CLIHostileTextTests {
    /// A plain-HTTP simulator behind a `HostileProxy`, and a config that reaches it only through
    /// the proxy (its host is a `.invalid` name nothing resolves).
    func withHostileServer<R>(
        _ rewrite: @escaping HostileProxy.Rewrite, _ body: (_ hostileConfig: String, SimulateProcess) async throws -> R
    ) async throws -> R {
        try await SimulateProcess.with { simulator in
            let url = try #require(simulator.vendorField("beyondtrust", "url"))
            let port = try #require(URLComponents(string: url)?.port.flatMap { UInt16(exactly: $0) })
            let proxy = try HostileProxy(upstreamPort: port, rewrite: rewrite)
            defer { proxy.stop() }
            let config = try configVariant(of: simulator, name: "hostile") { text in
                text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
                    guard line.hasPrefix("url = ") else { return String(line) }
                    return line.replacingOccurrences(of: "127.0.0.1", with: "hostile.pamtui-test.invalid")
                        + "\ninsecure_http = true\nproxy = \"\(proxy.url)\""
                }.joined(separator: "\n")
            }
            return try await body(config, simulator)
        }
    }

    static let hostileReason = "\u{1B}]0;pwned\u{07} red\u{202E}evil\u{85}"

    @Test func tablesShowServerTextAsVisibleEscapes() async throws {
        try await withHostileServer({ path, body in
            if path.contains("/ManagedSystems") || path.contains("/ManagedAccounts") {
                return body.replacing(#""SystemName":"DC01""#, with: #""SystemName":"DC\u001b[2J01""#)
            }
            if path.contains("/Requests") { return body.replacing(#""plain-reason""#, with: #""\u001b]0;pwned\u0007 red\u202Eevil\u0085""#) }
            if path.contains("/Secrets-Safe/Folders") { return body.replacing(#""Name":"team""#, with: #""Name":"te\u001b[5mam""#) }
            if path.contains("/Secrets-Safe/Secrets") { return body.replacing(#""Title":"db""#, with: #""Title":"d\u202eb\r\nx""#) }
            return nil
        }) { config, simulator in
            let checkout = try await Pamtui.run(["checkout", "DC01/admin", "--reason", "plain-reason", "--config", simulator.configPath])
            #expect(checkout.status == 0, "\(checkout.stderr)")

            let expected: [([String], String)] = [
                (["ls", "systems"], #"DC\e[2J01"#),
                (["ls", "accounts"], #"DC\e[2J01"#),
                (["ls", "requests"], #"\e]0;pwned\x07 red\u202Eevil\u0085"#),
                (["ls", "folders"], #"te\e[5mam"#),
                (["ls", "secrets"], #"d\u202Eb\r\nx"#),
            ]
            for (arguments, escaped) in expected {
                let table = try await Pamtui.run(arguments + ["--config", config])
                #expect(table.status == 0, "\(arguments): \(table.stderr)")
                #expect(table.stdout.hasPrefix("PROFILE"), "\(arguments)")
                #expect(table.stdout.contains(escaped), "\(arguments): \(table.stdout.prefix(2000))")
                #expect(!holdsTerminalControls(table.stdout + table.stderr), "\(arguments)")
            }

            let json = try await Pamtui.run(["ls", "requests", "--json", "--config", config])
            #expect(json.status == 0)
            #expect(!holdsTerminalControls(json.stdout), "C0, C1 and bidi are \\u escapes in JSON")
            #expect(json.stdout.contains(#"\u001b]0;pwned\u0007 red\u202eevil\u0085"#))
            let requests = try jsonArray(json)
            #expect(requests.contains { $0["reason"] as? String == Self.hostileReason }, "JSON keeps the value exactly")
            let secrets = try jsonArray(try await Pamtui.run(["ls", "secrets", "--json", "--config", config]))
            #expect(secrets.contains { $0["title"] as? String == "d\u{202E}b\r\nx" })
        }
    }

    @Test func errorLinesShowControlsAsEscapes() async throws {
        try await SimulateProcess.with { simulator in
            let result = try await Pamtui.run(["show", "DC01/nob\u{1B}]0;x\u{07}ody\u{9B}", "--config", simulator.configPath])
            #expect(result.status == 4, "\(result.stderr)")
            #expect(result.stderrLines == [#"pamtui: beyondtrust: find account: no account DC01/nob\e]0;x\x07ody\u009B, or it is not enabled for API access"#])
        }
    }

    @Test func reasonsAndOptionsWithControlCharactersAreUsageErrors() async throws {
        let cases: [([String], String)] = [
            (["checkout", "DC01/admin", "--reason", "fix \u{1B}[2J now"], #"--reason must be plain text: it holds the control character \e"#),
            (["show", "DC01/admin", "--reason=a\nb"], #"--reason must be plain text: it holds the control character \n"#),
            (["checkin", "DC01/admin", "--reason", "\u{202E}enod"], #"--reason must be plain text: it holds the control character \u202E"#),
            (["checkout", "DC01/admin", "--conflict", "renew\u{85}"], #"--conflict must be plain text: it holds the control character \u0085"#),
            (["checkout", "DC01/admin", "--option", "conflict=\u{7F}"], #"--option must be plain text: it holds the control character \x7f"#),
        ]
        for (arguments, message) in cases {
            let result = try await Pamtui.run(arguments)
            #expect(result.status == 2, "\(arguments)")
            #expect(result.stderrLines == ["pamtui: \(message)"], "\(arguments)")
        }
    }

    @Test func configCheckRefusesControlNamesAndLongValues() async throws {
        try await withTemporaryDirectory(prefix: "pamtui-hostile-config") { directory in
            let names = "\(directory)/names.toml"
            try """
            [profiles."prod\\u001b]0;x\\u0007"]
            vendor = "beyondtrust"
            url = "https://pam.example.com/BeyondTrust/api/public/v3"
            run_as = "svc"
            api_key_env = "PAMTUI_TEST_KEY"
            """.write(toFile: names, atomically: true, encoding: .utf8)
            let check = try await Pamtui.run(["config", "check", "--config", names])
            #expect(check.status == 1)
            #expect(check.stderrLines.first == #"error: \#(names): profiles.prod\e]0;x\x07: a profile name must be plain text, without control characters"#)
            #expect(!holdsTerminalControls(check.stderr))

            let long = "\(directory)/long.toml"
            try """
            [profiles.prod]
            vendor = "beyondtrust"
            url = "https://pam.example.com/BeyondTrust/api/public/v3"
            run_as = "svc"
            api_key = "\(String(repeating: "k", count: 64 * 1024 + 1))"
            """.write(toFile: long, atomically: true, encoding: .utf8)
            chmod(long, 0o600)
            let longCheck = try await Pamtui.run(["config", "check", "--config", long])
            #expect(longCheck.status == 1)
            #expect(longCheck.stderrLines.first == "error: \(long):5: profiles.prod.api_key: value longer than 64 KiB")
            let load = try await Pamtui.run(["ls", "systems", "--config", long])
            #expect(load.status == 1)
            #expect(load.stderrLines == ["pamtui: \(long):5: profiles.prod.api_key: value longer than 64 KiB"])
        }
    }
}

/// `show` on a terminal (a pty from `script`) and on a pipe, with a secret full of escapes.
@Suite(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script"), "needs script(1) for a pty"))
struct CLIShowOnATerminalTests {
    static let secretJSON = #""\u001b]0;pwned\u0007hunter2""#
    static let secret = "\u{1B}]0;pwned\u{07}hunter2"

    /// Runs pamtui with its stdout on a pseudo-terminal.
    func onATerminal(_ arguments: [String]) async throws -> ToolResult {
        let command = ([Pamtui.binary] + arguments).map(shellQuoted).joined(separator: " ")
        return try await runTool("/usr/bin/script", ["-qec", command, "/dev/null"])
    }

    @Test func refusedOnATerminalUnlessRawAndWrittenAsIsToAPipe() async throws {
        try await CLIHostileTextTests().withHostileServer({ path, _ in
            path.contains("/Credentials/") ? Array(Self.secretJSON.utf8) : nil
        }) { config, _ in
            let piped = try await Pamtui.run(["show", "DC01/admin", "--config", config])
            #expect(piped.status == 0, "\(piped.stderr)")
            #expect(piped.stdout == Self.secret + "\n", "to a pipe the secret is written as it is")

            let refused = try await onATerminal(["show", "DC01/admin", "--config", config])
            #expect(refused.status == 2, "\(refused.output)")
            #expect(refused.output.contains("pamtui: the secret holds terminal control characters or bytes that are not UTF-8 text; not writing it to a terminal (pipe or redirect it, or use --raw)"))
            #expect(!refused.output.contains("pwned"))

            let raw = try await onATerminal(["show", "DC01/admin", "--raw", "--config", config])
            #expect(raw.status == 0, "\(raw.output)")
            #expect(raw.output.contains(Self.secret))
        }
    }

    @Test func aPlainSecretIsShownOnATerminal() async throws {
        try await SimulateProcess.with { simulator in
            let piped = try await Pamtui.run(["show", "DC01/admin", "--config", simulator.configPath])
            let password = piped.stdout.trimmingCharacters(in: .newlines)
            #expect(piped.status == 0 && !password.isEmpty)
            let shown = try await onATerminal(["show", "DC01/admin", "--config", simulator.configPath])
            #expect(shown.status == 0, "\(shown.output)")
            #expect(shown.output.contains(password))
        }
    }
}
