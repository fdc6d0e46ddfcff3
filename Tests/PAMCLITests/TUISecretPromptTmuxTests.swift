import Foundation
import PAMSimulator
import PAMTestSupport
import Testing

/// The real binary's UI in tmux asking for secrets a profile has no source for: the two-factor
/// user's one-time code (the pane never shows it; the sign-in it completes lists the folders)
/// and the DoubleLock password of a DoubleLocked secret being revealed.
@Suite(.enabled(if: TmuxSession.isAvailable)) struct TUISecretPromptTmuxTests {
    @Test func theCodeIsAskedInADialogThatNeverShowsIt() async throws {
        try await withSimulatedConfig(.secretserver, { TwoFactorProfile.otpUser($0) }) { config, endpoint in
            let code = endpoint.credential("otpCode") ?? ""
            try await TmuxSession.withPamtui(["--config", config], ready: { $0.contains("One-time code:") }) { tmux in
                let dialog = try await tmux.capture()
                #expect(dialog.contains("flex-otp") && dialog.contains("second factor"))
                try await tmux.sendKeys(code)
                let typed = try await tmux.waitForScreen { $0.contains(String(repeating: "•", count: code.count)) }
                #expect(!typed.contains(code))
                try await tmux.sendKeys("Enter")
                let listed = try await tmux.waitForScreen { $0.contains("Restricted") && $0.contains("Daisy Group") }
                #expect(!listed.contains("One-time code"))
                #expect(!listed.contains(code))
                try await tmux.sendKeys("q")
                let after = try await tmux.waitForScreen { $0.contains("EXIT=") }
                #expect(after.contains("EXIT=0"))
            }
        }
    }

    @Test func escapeCancelsTheSignInWithOneLine() async throws {
        try await withSimulatedConfig(.secretserver, { TwoFactorProfile.otpUser($0) }) { config, _ in
            try await TmuxSession.withPamtui(["--config", config], ready: { $0.contains("One-time code:") }) { tmux in
                try await tmux.sendKeys("Escape")
                _ = try await tmux.waitForScreen { $0.contains("sign-in cancelled") && !$0.contains("One-time code:") }
                try await tmux.sendKeys("q")
                _ = try await tmux.waitForScreen { $0.contains("EXIT=0") }
            }
        }
    }

    @Test func revealingADoubleLockedSecretAsksItsPassword() async throws {
        try await withSimulatedConfig(.secretserver, { TwoFactorProfile.demoUser($0) }) { config, endpoint in
            let password = endpoint.credential("doubleLockPassword") ?? ""
            try await TmuxSession.withPamtui(["--config", config], width: 130, height: 36, ready: { $0.contains("Restricted") }) { tmux in
                try await tmux.sendKeys("4", "/", "restricted", "Enter", "Enter")
                _ = try await tmux.waitForScreen { $0.contains("Treasury portal (DoubleLock)") }
                try await tmux.sendKeys("/", "treasury", "Enter", "r")
                _ = try await tmux.waitForScreen { $0.contains("DoubleLock password:") && $0.contains("is DoubleLocked") }
                try await tmux.sendKeys(password)
                let typed = try await tmux.waitForScreen { $0.contains(String(repeating: "•", count: min(password.count, 30))) }
                #expect(!typed.contains(password))
                try await tmux.sendKeys("Enter")
                let revealed = try await tmux.waitForScreen { $0.contains("masks again in") }
                #expect(!revealed.contains(password) && !revealed.contains("DoubleLock password:"))
                try await tmux.sendKeys("q")
                _ = try await tmux.waitForScreen { $0.contains("EXIT=0") }
            }
        }
    }
}
