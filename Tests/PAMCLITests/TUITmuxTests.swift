import Foundation
import PAMTestSupport
import Testing

/// The real binary's terminal UI in tmux against the built-in simulator, driven by keys.
@Suite(.enabled(if: TmuxSession.isAvailable)) struct TUITmuxTests {
    /// `pamtui demo ARGUMENTS` in a pane whose clipboard is tmux's own buffer, or the X server
    /// `display` when given.
    func withDemo(
        width: Int = 120, height: Int = 36, display: String? = nil, arguments: [String] = [],
        _ body: (TmuxSession) async throws -> Void
    ) async throws {
        try await TmuxSession.withPamtui(["demo"] + arguments, display: display, width: width, height: height, body)
    }

    @Test func findCheckOutRevealCopyCheckInAndQuitRestoresTheTerminal() async throws {
        try await withDemo { tmux in
            try await tmux.sendKeys("/", "dc01", "Enter")
            _ = try await tmux.waitForScreen { $0.contains("/dc01") && $0.contains("svc-monitor") && !$0.contains("iis-deploy") }
            try await tmux.sendKeys("c")
            _ = try await tmux.waitForScreen { $0.contains("Check out") && $0.contains("DC01/admin") }
            // Reason, minutes and BeyondTrust's two check-out options, then OK.
            try await tmux.sendKeys("Tab", "Tab", "Tab", "Tab", "Enter")
            let leased = try await tmux.waitForScreen { $0.contains("leases: 1") && $0.contains("DC01/admin") }
            #expect(!leased.contains("Demo-"), "masked until revealed")

            let password = try await reveal(tmux)

            try await tmux.sendKeys("y")
            _ = try await tmux.waitForScreen { $0.contains("clipboard clears in") }
            #expect(try await tmux.tmux(["show-buffer", "-b", "pamtui"]) == password)

            try await tmux.sendKeys("j")
            let moved = try await tmux.waitForScreen { !$0.contains("masks again in") }
            #expect(!moved.contains(password), "moving the selection masks the secret at once")

            try await tmux.sendKeys("k", "i")
            _ = try await tmux.waitForScreen { $0.contains("Check in DC01/admin?") }
            try await tmux.sendKeys("Tab", "Enter")
            _ = try await tmux.waitForScreen { $0.contains("checked in DC01/admin") && !$0.contains("leases: 1") }

            try await tmux.sendKeys("q")
            let after = try await tmux.waitForScreen { $0.contains("EXIT=") }
            #expect(after.contains("EXIT=0"))
            #expect(try await tmux.alternateScreenOn() == false)
            await #expect(throws: (any Error).self) { try await tmux.tmux(["show-buffer", "-b", "pamtui"]) }
        }
    }

    @Test func aCheckOutThatNeedsApprovalIsPendingAndIWithdrawsIt() async throws {
        try await withDemo { tmux in
            try await tmux.sendKeys("/", "breakglass", "Enter", "c")
            _ = try await tmux.waitForScreen { $0.contains("Check out") && $0.contains("DC01/breakglass") }
            try await tmux.sendKeys("Tab", "Tab", "Tab", "Tab", "Enter")
            _ = try await tmux.waitForScreen { $0.contains("is pending") && !$0.contains("leases: 1") }
            try await tmux.sendKeys("6")
            _ = try await tmux.waitForScreen { $0.contains("i:withdraw") && $0.contains("pending") }
            try await tmux.sendKeys("i")
            _ = try await tmux.waitForScreen { $0.contains("Withdraw the pending request for DC01/breakglass?") }
            try await tmux.sendKeys("Tab", "Enter")
            _ = try await tmux.waitForScreen { $0.contains("withdrew the pending request for DC01/breakglass") }
            try await tmux.sendKeys("q")
            let after = try await tmux.waitForScreen { $0.contains("EXIT=") }
            #expect(after.contains("EXIT=0"))
        }
    }

    @Test func aSecretsSafeFolderOpensAndItsFieldsAreRevealedAndCopied() async throws {
        try await withDemo { tmux in
            try await tmux.sendKeys("4", "/", "app", "Enter", "Enter")
            _ = try await tmux.waitForScreen { $0.contains("team/app") && $0.contains("api-token") && $0.contains("app-config") }
            let detail = try await tmux.waitForScreen { $0.contains("Username: app_rw") || $0.contains("Username:  app_rw") }
            #expect(!detail.contains("Demo-"), "masked until revealed")

            let password = try await reveal(tmux)

            try await tmux.sendKeys("y")
            _ = try await tmux.waitForScreen { $0.contains("clipboard clears in") }
            #expect(try await tmux.tmux(["show-buffer", "-b", "pamtui"]) == password)
            try await tmux.sendKeys("u")
            try await waitUntil { (try? await tmux.tmux(["show-buffer", "-b", "pamtui"])) == "app_rw" }

            try await tmux.sendKeys("Escape")
            let back = try await tmux.waitForScreen { $0.contains("Folders") && !$0.contains("api-token") }
            #expect(!back.contains(password))
            try await tmux.sendKeys("q")
            let after = try await tmux.waitForScreen { $0.contains("EXIT=") }
            #expect(after.contains("EXIT=0"))
            await #expect(throws: (any Error).self) { try await tmux.tmux(["show-buffer", "-b", "pamtui"]) }
        }
    }

    /// Filters to DC01 and checks out DC01/admin with the dialog's defaults.
    private func checkOut(_ tmux: TmuxSession) async throws {
        try await tmux.sendKeys("/", "dc01", "Enter", "c")
        _ = try await tmux.waitForScreen { $0.contains("Check out") && $0.contains("DC01/admin") }
        try await tmux.sendKeys("Tab", "Tab", "Tab", "Tab", "Enter")
        _ = try await tmux.waitForScreen { $0.contains("leases: 1") && $0.contains("DC01/admin") }
    }

    /// Checks out DC01/admin, reveals it and returns the password on screen.
    private func checkOutAndReveal(_ tmux: TmuxSession) async throws -> String {
        try await checkOut(tmux)
        return try await reveal(tmux)
    }

    /// Presses r and returns the demo password the detail pane then shows.
    private func reveal(_ tmux: TmuxSession) async throws -> String {
        try await tmux.sendKeys("r")
        let revealed = try await tmux.waitForScreen { $0.contains("masks again in") }
        return try #require(revealed.split(whereSeparator: { " │\n".contains($0) }).first { $0.hasPrefix("Demo-") }.map(String.init))
    }

    /// q with the lease open, then the dialog's first button ("Check in 1"): exits 0.
    private func quitCheckingIn(_ tmux: TmuxSession) async throws {
        try await tmux.sendKeys("q")
        _ = try await tmux.waitForScreen { $0.contains("1 lease is still checked out.") && $0.contains("Check in 1") }
        try await tmux.sendKeys("Left", "Left", "Enter")
        let after = try await tmux.waitForScreen { $0.contains("EXIT=") }
        #expect(after.contains("EXIT=0"))
        #expect(try await tmux.alternateScreenOn() == false)
    }

    @Test func copiedSecretIsClearedOnTimeWhileTheAppRuns() async throws {
        // Long enough that a loaded machine still reads the copy before it clears.
        try await withDemo(arguments: ["--clipboard", "tmux", "--clipboard-clear-seconds", "6"]) { tmux in
            let password = try await checkOutAndReveal(tmux)
            try await tmux.sendKeys("y")
            _ = try await tmux.waitForScreen { $0.contains("clipboard clears in") }
            #expect(try await tmux.tmux(["show-buffer", "-b", "pamtui"]) == password)

            let cleared = try await tmux.waitForScreen { $0.contains("clipboard cleared") }
            #expect(!cleared.contains("EXIT="), "the app is still running")
            #expect(!cleared.contains("clipboard clears in"), "the header's countdown is gone")
            #expect(try await tmux.alternateScreenOn())
            await #expect(throws: (any Error).self) { try await tmux.tmux(["show-buffer", "-b", "pamtui"]) }

            try await quitCheckingIn(tmux)
        }
    }

    @Test(.enabled(if: XvfbServer.isAvailable, "needs Xvfb and xclip"))
    func x11CopyIsReadableThenClearedOnTime() async throws {
        try await XvfbServer.with { xvfb in
            try await withDemo(display: xvfb.display, arguments: ["--clipboard", "x11", "--clipboard-clear-seconds", "6"]) { tmux in
                let password = try await checkOutAndReveal(tmux)
                try await tmux.sendKeys("y")
                _ = try await tmux.waitForScreen { $0.contains("clipboard clears in") }
                #expect(try xvfb.clipboard() == password)

                let cleared = try await tmux.waitForScreen { $0.contains("clipboard cleared") }
                #expect(!cleared.contains("EXIT="), "the app is still running")
                // xclip -o fails when nothing owns the clipboard (nil); pamtui's clear leaves it empty.
                let after = try xvfb.clipboard()
                #expect(after != password)
                #expect(after ?? "" == "")

                try await quitCheckingIn(tmux)
            }
        }
    }

    @Test func quittingWithALeaseAsksAndCancelKeepsRunning() async throws {
        try await withDemo { tmux in
            try await checkOut(tmux)
            try await tmux.sendKeys("q")
            _ = try await tmux.waitForScreen { $0.contains("1 lease is still checked out.") }
            try await tmux.sendKeys("Enter")
            _ = try await tmux.waitForScreen { !$0.contains("still checked out") && $0.contains("leases: 1") }
            try await tmux.sendKeys("q", "Left", "Left", "Enter")
            let after = try await tmux.waitForScreen { $0.contains("EXIT=") }
            #expect(after.contains("EXIT=0"))
        }
    }

    @Test func resizeRelaysOutAndTooSmallSaysSo() async throws {
        try await withDemo { tmux in
            try await tmux.resize(width: 50, height: 12)
            _ = try await tmux.waitForScreen { $0.contains("terminal too small") }
            try await tmux.resize(width: 100, height: 30)
            _ = try await tmux.waitForScreen { $0.contains("Accounts") && !$0.contains("too small") }
            try await tmux.sendKeys("q")
            _ = try await tmux.waitForScreen { $0.contains("EXIT=0") }
        }
    }

    @Test func sigtermRestoresTheTerminalAndClearsTheClipboard() async throws {
        try await withDemo { tmux in
            try await checkOut(tmux)
            try await tmux.sendKeys("y")
            _ = try await tmux.waitForScreen { $0.contains("clipboard clears in") }
            // Only this pane's pamtui: tests run in parallel, each with its own demo.
            let shell = try await tmux.tmux(["display", "-p", "-t", tmux.target, "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)
            _ = try await tmux.tmux(["run-shell", "pkill -TERM -P \(shell)"])
            _ = try await tmux.waitForScreen { $0.contains("EXIT=") }
            #expect(try await tmux.alternateScreenOn() == false)
            await #expect(throws: (any Error).self) { try await tmux.tmux(["show-buffer", "-b", "pamtui"]) }
        }
    }
}
