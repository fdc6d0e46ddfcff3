import Foundation
import PAMTestSupport
import Testing

/// The filter and the text fields of the real binary in tmux, against the built-in simulator.
@Suite(.enabled(if: TmuxSession.isAvailable)) struct TUIInputTmuxTests {
    func withDemo(_ body: (TmuxSession) async throws -> Void) async throws {
        try await TmuxSession.withPamtui(["demo"], width: 120, height: 36, body)
    }

    /// Quits, checking in whatever is held, and expects a clean exit.
    func quit(_ tmux: TmuxSession, holdingLease: Bool) async throws {
        try await tmux.sendKeys("q")
        if holdingLease {
            _ = try await tmux.waitForScreen { $0.contains("Check in 1") }
            try await tmux.sendKeys("Left", "Left", "Enter")
        }
        let after = try await tmux.waitForScreen { $0.contains("EXIT=") }
        #expect(after.contains("EXIT=0"))
    }

    @Test func slashSeparatedTermsFindTheAccountInAnyColumn() async throws {
        try await withDemo { tmux in
            try await tmux.sendKeys("/", "DC01/admin", "Enter")
            let found = try await tmux.waitForScreen { $0.contains("/DC01/admin") && !$0.contains("svc-monitor") }
            #expect(found.contains("admin") && !found.contains("breakglass"))
            try await tmux.sendKeys("c")
            _ = try await tmux.waitForScreen { $0.contains("Check out") && $0.contains("DC01/admin") }
            try await tmux.sendKeys("Escape", "Escape")
            _ = try await tmux.waitForScreen { !$0.contains("Check out") && $0.contains("svc-monitor") }
            try await quit(tmux, holdingLease: false)
        }
    }

    @Test func backspacingPastAnEmptyFilterKeepsTypingIntoIt() async throws {
        try await withDemo { tmux in
            try await tmux.sendKeys("/", "x", "BSpace", "BSpace", "c", "a", "t")
            // The keys arrive in order: once "cat" shows, the c was text, not a check-out.
            let typed = try await tmux.waitForScreen { $0.contains("/cat") }
            #expect(!typed.contains("Check out"))
            try await tmux.sendKeys("Escape")
            let cleared = try await tmux.waitForScreen { !$0.contains("/cat") && $0.contains("svc-monitor") }
            #expect(!cleared.contains("Check out"))
            try await quit(tmux, holdingLease: false)
        }
    }

    @Test func ctrlUAndLeftEditTheReasonWhichReplacesTheDefault() async throws {
        try await withDemo { tmux in
            try await tmux.sendKeys("/", "dc01 admin", "Enter", "c")
            let dialog = try await tmux.waitForScreen { $0.contains("Check out") && $0.contains("DC01/admin") }
            #expect(dialog.contains("pamtui demo"), "the profile's reason is shown as the placeholder")
            try await tmux.sendKeys("wrong")
            let typed = try await tmux.waitForScreen { $0.contains("wrong") }
            #expect(!typed.contains("pamtui demo"), "typing replaces the placeholder")
            try await tmux.sendKeys("C-u")
            _ = try await tmux.waitForScreen { !$0.contains("wrong") }
            try await tmux.sendKeys("patchng", "Left", "Left", "i")
            _ = try await tmux.waitForScreen { $0.contains("patching") }
            // Enter on the field submits the dialog.
            try await tmux.sendKeys("Enter")
            let leased = try await tmux.waitForScreen { $0.contains("leases: 1") && $0.contains("Reason") && $0.contains("patching") }
            #expect(!leased.contains("pamtui demopatching") && !leased.contains("wrong"))
            try await quit(tmux, holdingLease: true)
        }
    }
}
