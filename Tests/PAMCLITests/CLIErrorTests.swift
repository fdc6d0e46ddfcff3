import Foundation
import PAMTestSupport
import Testing

/// Each error class: one line on stderr naming profile and operation, and its exit code.
@Suite struct CLIErrorTests {
    /// Runs `arguments` against a fresh simulator, with an optionally edited config.
    func run(
        _ arguments: [String], simulate: [String] = [], edit: ((String) -> String)? = nil
    ) async throws -> ProcessResult {
        try await SimulateProcess.with(["--tls"] + simulate) { simulator in
            let config = try edit.map { try configVariant(of: simulator, name: "variant", $0) } ?? simulator.configPath
            return try await Pamtui.run(arguments + ["--config", config])
        }
    }

    func expectOneLine(_ result: ProcessResult, status: Int32, _ expected: String) {
        #expect(result.status == status, "\(result.stderr)")
        #expect(result.stderrLines.count == 1, "\(result.stderrLines)")
        #expect(result.stderr.hasPrefix("pamtui: "))
        #expect(result.stderr.contains(expected), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    @Test func authentication() async throws {
        let result = try await run(["ls", "systems"], edit: { setting("api_key", to: "\"0000\"", in: $0) })
        expectOneLine(result, status: 3, "beyondtrust: sign in: sign-in refused (401)")
    }

    @Test func permission() async throws {
        let result = try await run(["show", "DC01/breakglass", "--reason", "incident"])
        // The credential answers 4034: show says the request waits for approval and how to withdraw it.
        expectOneLine(result, status: 1, "beyondtrust: show: request 124 for beyondtrust:DC01/breakglass is pending approval; withdraw it with: pamtui checkin beyondtrust:DC01/breakglass")
    }

    @Test func notFound() async throws {
        let result = try await run(["show", "DC01/nobody"])
        expectOneLine(result, status: 4, "beyondtrust: find account: no account DC01/nobody")
    }

    @Test func conflict() async throws {
        try await SimulateProcess.with { simulator in
            let arguments = ["checkout", "srv1/root", "--conflict", "none", "--config", simulator.configPath]
            #expect(try await Pamtui.run(arguments).status == 0)
            expectOneLine(try await Pamtui.run(arguments), status: 5, "beyondtrust: check-out: an active request for srv1/root already exists")
        }
    }

    @Test func serverError() async throws {
        let result = try await run(["ls", "systems"], simulate: ["--faults", "error5xx=1"])
        expectOneLine(result, status: 1, "beyondtrust: list systems: server error 503")
    }

    @Test func malformedResponse() async throws {
        let result = try await run(["ls", "accounts"], simulate: ["--faults", "malformed=1"])
        expectOneLine(result, status: 1, "beyondtrust: list accounts: unexpected response to list accounts")
    }

    @Test func connectionRefused() async throws {
        let result = try await run(["ls", "systems"], edit: {
            setting("url", to: "\"https://127.0.0.1:1/BeyondTrust/api/public/v3\"", in: $0)
        })
        expectOneLine(result, status: 6, "beyondtrust: list systems: connection refused by 127.0.0.1:1")
    }

    @Test func unresolvableHost() async throws {
        let result = try await run(["ls", "systems"], edit: {
            setting("url", to: "\"https://pam.invalid/BeyondTrust/api/public/v3\"", in: $0)
        })
        expectOneLine(result, status: 6, "beyondtrust: list systems: cannot resolve host pam.invalid")
    }

    @Test func tlsVerification() async throws {
        let result = try await run(["ls", "systems"], edit: { removing("ca_file", from: $0) })
        expectOneLine(result, status: 6, "not trusted")
    }

    @Test func timeout() async throws {
        let result = try await run(["ls", "systems"], simulate: ["--faults", "latency=5s"], edit: {
            $0.replacingOccurrences(of: "auth = \"api_key\"", with: "auth = \"api_key\"\ntimeout = 0.5")
        })
        expectOneLine(result, status: 6, "within")
    }

    @Test func configurationNamesFileLineAndKey() async throws {
        let result = try await run(["ls", "systems"], edit: { $0 + "\nrun_az = \"x\"\n" })
        #expect(result.status == 1)
        #expect(result.stderrLines.count == 1)
        #expect(result.stderr.contains("variant.toml:"))
        #expect(result.stderr.contains("profiles.beyondtrust.run_az: unknown key (did you mean 'run_as'?)"))
    }

    @Test(arguments: [["ls", "bogus"], ["checkout"], ["checkin"], ["simulate", "--host", "10.1.2.3"], ["show", "no-slash"]])
    func usage(arguments: [String]) async throws {
        let result = try await Pamtui.run(arguments)
        #expect(result.status == 2, "\(result.stderr)")
        #expect(!result.stderr.isEmpty)
    }

    @Test func noConfigExplainsHowToStart() async throws {
        let result = try await Pamtui.run([])
        #expect(result.status == 1)
        #expect(result.stderr.contains("pamtui demo"))
        #expect(result.stderr.contains("pamtui config example"))
    }

    @Test func anUnregisteredSimulatorVendorIsOneLineListingTheRegisteredOnes() async throws {
        let result = try await Pamtui.run(["simulate", "--vendors", "beyondtrst"])
        #expect(result.status == 2)
        #expect(result.stderrLines == ["pamtui: unknown vendor 'beyondtrst' (did you mean 'beyondtrust'? registered: beyondtrust, secretserver)"])
    }

    @Test func configCheckReportsEveryProblem() async throws {
        try await SimulateProcess.with { simulator in
            let good = try await Pamtui.run(["config", "check", "--resolve", "--config", simulator.configPath])
            #expect(good.status == 0)
            #expect(good.stdout.contains("OK, 1 profile"))
            let bad = try configVariant(of: simulator, name: "bad") { setting("url", to: "\"http://pam.example.com\"", in: $0) + "\nduration = 0\napi_key_env = \"X\"\n" }
            let result = try await Pamtui.run(["config", "check", "--config", bad])
            #expect(result.status == 1)
            #expect(result.stderr.contains("plain http://"))
            #expect(result.stderr.contains("profiles.beyondtrust.duration"))
            #expect(result.stderr.contains("give only one of api_key, api_key_env"))
            #expect(result.stderr.contains("3 errors"))
        }
    }
}
