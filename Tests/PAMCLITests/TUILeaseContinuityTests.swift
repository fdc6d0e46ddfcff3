import Foundation
import PAMTestSupport
import Testing

/// No lease is forgotten between runs: one checked out before the UI starts shows up in it, and
/// one kept when quitting is listed after the terminal is restored.
@Suite(.enabled(if: TmuxSession.isAvailable)) struct TUILeaseContinuityTests {
    /// `pamtui` on the simulator's profiles.
    func withUI(_ simulator: SimulateProcess, _ body: (TmuxSession) async throws -> Void) async throws {
        try await TmuxSession.withPamtui(["--config", simulator.configPath], body)
    }

    @Test func aLeaseFromTheCommandLineAppearsAndChecksInFromTheUI() async throws {
        try await SimulateProcess.with { simulator in
            let checkout = try await Pamtui.run(["checkout", "DC01/admin", "--reason", "before the UI", "--config", simulator.configPath])
            #expect(checkout.status == 0, "\(checkout.stderr)")
            try await withUI(simulator) { tmux in
                _ = try await tmux.waitForScreen { $0.contains("leases: 1") && $0.contains("already checked out") }
                try await tmux.sendKeys("6", "i")
                _ = try await tmux.waitForScreen { $0.contains("Check in DC01/admin?") }
                try await tmux.sendKeys("Tab", "Enter")
                _ = try await tmux.waitForScreen { $0.contains("checked in DC01/admin") && !$0.contains("leases: 1") }
                try await tmux.sendKeys("q")
                _ = try await tmux.waitForScreen { $0.contains("EXIT=0") }
            }
            let requests = try await Pamtui.run(["ls", "requests", "--json", "--config", simulator.configPath])
            #expect(requests.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "[]", "checked in on the server too")
        }
    }

    @Test func keepingALeaseListsItAfterTheTerminalIsRestored() async throws {
        try await SimulateProcess.with { simulator in
            try await withUI(simulator) { tmux in
                try await tmux.sendKeys("/", "dc01", "Enter", "c", "Tab", "Tab", "Tab", "Tab", "Enter")
                _ = try await tmux.waitForScreen { $0.contains("leases: 1") }
                try await tmux.sendKeys("q", "Left", "Enter")
                let after = try await tmux.waitForScreen { $0.contains("EXIT=") }
                #expect(after.contains("EXIT=0"))
                #expect(after.contains("1 lease still checked out"))
                #expect(after.contains("pamtui checkin beyondtrust:DC01/admin"))
                #expect(try await tmux.alternateScreenOn() == false)
            }
        }
    }
}
