import Foundation
import PAMSimulator
import PAMTestSupport
import Testing

/// The built binary when a Secret Server secret must be asked for: without a terminal it says
/// which profile keys to set, with `otp_command` or `double_lock_password_command` it needs no
/// one, and on a terminal (tmux) it asks with echo off, put back on however the prompt ends.
@Suite struct CLIOneTimeCodeTests {
    static let doubleLocked = "Restricted/Treasury portal (DoubleLock)"

    @Test func withoutATerminalTheCodeIsNotAskedAndTheLineSaysWhatToSet() async throws {
        try await withSimulatedConfig(.secretserver, { TwoFactorProfile.otpUser($0) }) { config, _ in
            let result = try await Pamtui.run(["ls", "folders", "--config", config])
            #expect(result.status == 1, "\(result.stderr)")
            #expect(result.stderrLines.count == 1, "\(result.stderr)")
            #expect(result.stderr.hasPrefix("pamtui: flex-otp: "))
            #expect(result.stderr.contains("One-time code needed and there is no terminal to ask on: set otp_command or otp_env in the profile"))
        }
    }

    @Test func withOtpCommandTheCodeComesFromIt() async throws {
        try await withSimulatedConfig(.secretserver, { endpoint in
            TwoFactorProfile.otpUser(endpoint, #"otp_command = "printf \#(endpoint.credential("otpCode") ?? "")""#)
        }) { config, endpoint in
            let result = try await Pamtui.run(["ls", "folders", "--config", config, "--trace"])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout.contains("Restricted"))
            #expect(result.stderr.contains("oauth2/token"), "the trace is on stderr")
            #expect(!result.stderr.contains(endpoint.credential("otpCode") ?? "-"), "the trace has no header")
        }
    }

    @Test func aDoubleLockedSecretOpensWithThePasswordFromItsCommand() async throws {
        try await withSimulatedConfig(.secretserver, { endpoint in
            TwoFactorProfile.demoUser(endpoint, #"double_lock_password_command = "printf '%s' '\#(endpoint.credential("doubleLockPassword") ?? "")'""#)
        }) { config, _ in
            let shown = try await Pamtui.run(["show", Self.doubleLocked, "--field", "username", "--config", config])
            #expect(shown.status == 0, "\(shown.stderr)")
            #expect(shown.stdout == "treasurer\n")
        }
        try await withSimulatedConfig(.secretserver, { TwoFactorProfile.demoUser($0) }) { config, _ in
            let refused = try await Pamtui.run(["show", Self.doubleLocked, "--field", "username", "--config", config])
            #expect(refused.status == 1, "\(refused.stderr)")
            #expect(refused.stderrLines.count == 1, "\(refused.stderr)")
            #expect(refused.stderr.contains("DoubleLock password needed and there is no terminal to ask on: set double_lock_password_command or double_lock_password_env"))
        }
    }

    @Test(.enabled(if: TmuxSession.isAvailable)) func onATerminalTheCodeIsAskedAndNeverShown() async throws {
        try await withSimulatedConfig(.secretserver, { TwoFactorProfile.otpUser($0) }) { config, endpoint in
            let code = endpoint.credential("otpCode") ?? ""
            try await TmuxSession.with(command: Self.command(["ls", "folders", "--config", config]), width: 120, height: 30) { tmux in
                let asked = try await tmux.waitForScreen { $0.contains("One-time code:") }
                #expect(asked.contains("pamtui: flex-otp: Secret Server asks flex_otp for a second factor to sign in."))
                try await tmux.sendKeys(code, "Enter")
                let done = try await tmux.waitForScreen { $0.contains("ECHO=") }
                #expect(done.contains("EXIT=0"), "\(done)")
                #expect(done.contains("Restricted"))
                #expect(!done.contains(code), "the code is never echoed")
                #expect(done.contains("ECHO=echo"), "echo is on again")
            }
        }
    }

    @Test(.enabled(if: TmuxSession.isAvailable)) func ctrlCAtThePromptStopsAndPutsEchoBack() async throws {
        try await withSimulatedConfig(.secretserver, { TwoFactorProfile.otpUser($0) }) { config, _ in
            try await TmuxSession.with(command: Self.command(["ls", "folders", "--config", config]), width: 120, height: 30) { tmux in
                _ = try await tmux.waitForScreen { $0.contains("One-time code:") }
                try await tmux.sendKeys("12", "C-c")
                let done = try await tmux.waitForScreen { $0.contains("ECHO=") }
                #expect(done.contains("EXIT=130"), "\(done)")
                #expect(done.contains("ECHO=echo"), "\(done)")
            }
        }
    }

    /// `pamtui ARGUMENTS`, then its exit status and whether the terminal echoes, in a pane that stays.
    static func command(_ arguments: [String]) -> String {
        let quoted = arguments.map { "'\($0)'" }.joined(separator: " ")
        return "'\(Pamtui.binary)' \(quoted); echo \"EXIT=$?\"; echo \"ECHO=$(stty -a | tr ' ;' '\\n\\n' | grep -x -e echo -e -echo)\"; sleep 600"
    }
}
