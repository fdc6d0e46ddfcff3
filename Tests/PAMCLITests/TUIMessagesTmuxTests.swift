import Foundation
import PAMTestSupport
import Testing

/// The real binary in tmux: a long error is cut in the status line, the key hints stay, and the
/// messages view (`M`) shows it in full.
@Suite(.enabled(if: TmuxSession.isAvailable)) struct TUIMessagesTmuxTests {
    /// The screen's text inside the box frames, lines joined, so a wrapped sentence reads whole.
    func joined(_ screen: String) -> String {
        screen.split(separator: "\n").map { line in
            line.split(whereSeparator: { "│|".contains($0) }).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        }.joined(separator: " ").split(separator: " ").joined(separator: " ")
    }

    @Test func aFailedCheckOutIsReadableInFullInMessages() async throws {
        try await TmuxSession.withPamtui(["demo"], width: 80, height: 24) { tmux in
            // srv1/backup-legacy is not enabled for API access: the server refuses the check-out.
            try await tmux.sendKeys("/", "backup-legacy", "Enter", "c")
            _ = try await tmux.waitForScreen { $0.contains("Check out") && $0.contains("srv1/backup-legacy") }
            try await tmux.sendKeys("Tab", "Tab", "Tab", "Tab", "Enter")
            let failed = try await tmux.waitForScreen { $0.contains("(M: more)") }
            let status = try #require(failed.split(separator: "\n").last { $0.contains("(M: more)") })
            #expect(status.contains("?:help") && status.contains("q:quit"), "the key hints keep their room: \(status)")

            try await tmux.sendKeys("M")
            let messages = try await tmux.waitForScreen { $0.contains("Messages") && $0.contains("error") }
            let text = joined(messages)
            #expect(text.contains("you lack permission for this account, or it is not enabled for API access"), "\(messages)")
            #expect(text.contains("(BeyondTrust 4031)"), "the end of the message is there too")
            #expect(text.contains("check-out"), "with its operation")

            try await tmux.sendKeys("Escape", "L")
            let audit = try await tmux.waitForScreen { $0.contains("Audit log") && $0.contains("check-out failed") }
            #expect(audit.contains("403"))
            try await tmux.sendKeys("Escape", "q")
            let after = try await tmux.waitForScreen { $0.contains("EXIT=") }
            #expect(after.contains("EXIT=0"))
        }
    }
}
