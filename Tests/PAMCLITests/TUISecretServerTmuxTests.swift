import Foundation
import PAMTestSupport
import Testing

/// The demo's second profile, Secret Server, in the real binary's UI in tmux: a locked secret
/// found in the folder tree, checked out with a comment, read, copied and checked in.
@Suite(.enabled(if: TmuxSession.isAvailable)) struct TUISecretServerTmuxTests {
    @Test func findALockedSecretCheckItOutWithACommentCopyItAndCheckItIn() async throws {
        try await TmuxSession.withPamtui(["demo"], width: 130, height: 36) { tmux in
            try await tmux.sendKeys(":", "profile secretserver", "Enter")
            _ = try await tmux.waitForScreen { $0.contains("Delinea Secret Server") && $0.contains("Restricted") && $0.contains("Daisy Group") }
            try await tmux.sendKeys("4", "/", "restricted", "Enter", "Enter")
            _ = try await tmux.waitForScreen { $0.contains("Backup vault (comment and check-out)") && $0.contains("Domain Admin (check-out)") }
            _ = try await tmux.waitForScreen { $0.contains("check out with c, with a comment") }

            try await tmux.sendKeys("c")
            let dialog = try await tmux.waitForScreen { $0.contains("Check out") && $0.contains("Comment:") }
            #expect(dialog.contains("Ticket:") && !dialog.contains("Minutes:"), "the secret sets the length; its comment brings the ticket")
            try await tmux.sendKeys("restore test", "Enter")
            let leased = try await tmux.waitForScreen { $0.contains("leases: 1") && $0.contains("restore test") }
            #expect(leased.contains("Restricted/Backup vault") && !leased.contains("Demo-"), "listed as a lease, masked until revealed")
            // Enter reads its fields under my check-out, with its comment: the plain ones show.
            try await tmux.sendKeys("Enter")
            let read = try await tmux.waitForScreen { $0.contains("vaultadmin") }
            #expect(!read.contains("enter reads them") && read.contains("Password:"))

            try await tmux.sendKeys("r")
            let revealed = try await tmux.waitForScreen { $0.contains("masks again in") }
            let password = try #require(revealed.split(whereSeparator: { " │\n".contains($0) }).first { $0.hasPrefix("Demo-") }.map(String.init))
            try await tmux.sendKeys("y")
            _ = try await tmux.waitForScreen { $0.contains("clipboard clears in") }
            #expect(try await tmux.tmux(["show-buffer", "-b", "pamtui"]) == password)
            try await tmux.sendKeys("u")
            try await waitUntil(timeout: .seconds(20)) { (try? await tmux.tmux(["show-buffer", "-b", "pamtui"])) == "vaultadmin" }

            try await tmux.sendKeys("i")
            _ = try await tmux.waitForScreen { $0.contains("Check in Restricted/Backup vault") }
            try await tmux.sendKeys("Tab", "Enter")
            _ = try await tmux.waitForScreen { $0.contains("checked in Restricted/Backup vault") && !$0.contains("leases: 1") }

            // Someone else's lock: the dialog names them, and the refusal says for how long.
            try await tmux.sendKeys("j", "c")
            _ = try await tmux.waitForScreen { $0.contains("checked out by Jordan Doe") && $0.contains("Force check-in") }
            try await tmux.sendKeys("Enter")
            _ = try await tmux.waitForScreen { !$0.contains("Force check-in") && $0.split(separator: "\n").last?.contains("Restricted/B") == true }
            try await tmux.sendKeys("M")
            _ = try await tmux.waitForScreen { $0.contains("more min") }
            try await tmux.sendKeys("Escape", "q")
            let after = try await tmux.waitForScreen { $0.contains("EXIT=") }
            #expect(after.contains("EXIT=0"))
            #expect(try await tmux.alternateScreenOn() == false)
        }
    }

    @Test func searchFindsSecretsInEveryFolder() async throws {
        try await TmuxSession.withPamtui(["demo"], width: 130, height: 36) { tmux in
            try await tmux.sendKeys(":", "profile secretserver", "Enter")
            _ = try await tmux.waitForScreen { $0.contains("Delinea Secret Server") && $0.contains("Restricted") }
            try await tmux.sendKeys(":", "search admin", "Enter")
            let found = try await tmux.waitForScreen { $0.contains("Search: admin") && $0.contains("Domain Admin (check-out)") }
            #expect(found.contains("Grafana admin"), "from another folder")
            try await tmux.sendKeys("Escape", "q")
            _ = try await tmux.waitForScreen { $0.contains("EXIT=0") }
        }
    }

    /// The token runs out (a 10 s lifetime) while the UI is open: the header says so, and the next
    /// list signs in again by itself, with no error.
    @Test func theTokenRunningOutWhileTheUIIsOpenIsRenewedOnTheNextCall() async throws {
        try await SimulateProcess.with(["--vendors", "secretserver", "--set", "secretserver.token-ttl=10s"]) { simulator in
            try await TmuxSession.withPamtui(["--config", simulator.configPath], width: 130, height: 36, ready: { $0.contains("Daisy Group") }) { tmux in
                let expired = try await tmux.waitForScreen(timeout: .seconds(40)) { $0.contains("idle-expired") }
                #expect(expired.contains("signs in again when needed"))
                try await tmux.sendKeys("4", "/", "windows", "Enter", "Enter")
                let listed = try await tmux.waitForScreen { $0.contains("WIN-DC01 Administrator") && $0.contains("session 1 min left") }
                #expect(!listed.contains("failed") && !listed.contains("rror"), "renewed without a word")
                try await tmux.sendKeys("q")
                _ = try await tmux.waitForScreen { $0.contains("EXIT=0") }
            }
        }
    }
}
