import Foundation
import PAMTestSupport
import Testing

/// CLI commands stopped by a signal: a note, the signal's exit code, nothing left unknown.
@Suite struct CLISignalTests {
    @Test func aListStoppedMidwayExitsWithTheSignalsCodeAndNoClosedDocument() async throws {
        try await SimulateProcess.with(["--vendors", "beyondtrust", "--scale", "100000"]) { simulator in
            let running = try RunningPamtui(["ls", "accounts", "--json", "--config", simulator.configPath])
            try await waitUntil(timeout: .seconds(60)) { running.stdoutBytes > 0 || !running.process.isRunning }
            running.signal(SIGTERM)
            let result = try await running.finish()
            #expect(result.status == 143)
            #expect(result.stderrLines.last == "pamtui: stopped by SIGTERM")
            // Streamed JSON stopped early is left unclosed, so a parser fails too; only a list
            // that had all arrived before the signal ends closed, and then it is whole.
            if result.stdout.hasSuffix("]\n") {
                #expect((try? JSONSerialization.jsonObject(with: Data(result.stdout.utf8))) != nil)
            } else {
                #expect((try? JSONSerialization.jsonObject(with: Data(result.stdout.utf8))) == nil)
            }
        }
    }

    @Test func aSecondSignalStopsAtOnceAndTheJournalStillKnowsTheCheckOut() async throws {
        let state = try makeTemporaryDirectory(prefix: "pamtui-signal-state")
        defer { try? FileManager.default.removeItem(atPath: state) }
        let environment = ["XDG_STATE_HOME": state]
        try await SimulateProcess.with(["--vendors", "beyondtrust", "--faults", "commit-then-delay=20s,methods=POST"]) { simulator in
            let config = simulator.configPath
            // A long grace, so the first signal cannot have ended the run before the second comes.
            let running = try RunningPamtui(
                ["checkout", "DC01/admin", "--config", config], environment: environment.merging(["PAMTUI_TEST_SIGNAL_GRACE": "15"]) { $1 })
            try await waitUntil(timeout: .seconds(30)) {
                let listed = try await Pamtui.run(["ls", "requests", "--json", "--config", config])
                return try jsonArray(listed).contains { $0["accountName"] as? String == "admin" } || !running.process.isRunning
            }
            running.signal(SIGINT)
            try await waitUntil(timeout: .seconds(10)) { !running.process.isRunning || running.stderrText.contains("SIGINT received") }
            running.signal(SIGINT)
            let result = try await running.finish()
            #expect(result.status == 130)
            #expect(result.stderr.contains("again: stopping now"))

            // The run never learnt its request; the journal's intent lets `leases` find it.
            let leases = try await Pamtui.run(["leases", "--json", "--config", config], environment: environment)
            #expect(leases.status == 0)
            let known = try jsonArray(leases)
            #expect(known.count == 1)
            #expect(known.first?["state"] as? String == "checkedOut")
            #expect(known.first?["accountName"] as? String == "admin")
            let id = try #require(known.first?["requestId"] as? String)

            let checkin = try await Pamtui.run(["checkin", "--all-known", "--config", config], environment: environment)
            #expect(checkin.status == 0)
            #expect(checkin.stdout.contains("(request \(id))"))
            let after = try await Pamtui.run(["leases", "--config", config], environment: environment)
            #expect(after.stdout == "no leases on record\n")
        }
    }
}
