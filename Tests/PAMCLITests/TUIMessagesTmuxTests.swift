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
        try await TmuxSession.withPamtui(["demo"], width: 80, height: 36) { tmux in
            // A second check-out of srv1/root that may neither reuse nor renew: the server refuses it.
            try await tmux.sendKeys("/", "root", "Enter", "c")
            _ = try await tmux.waitForScreen { $0.contains("Check out") && $0.contains("srv1/root") }
            try await tmux.sendKeys("Enter")
            _ = try await tmux.waitForScreen { $0.contains("leases: 1") }
            try await tmux.sendKeys("c")
            _ = try await tmux.waitForScreen { $0.contains("If I hold one") }
            try await tmux.sendKeys("Tab", "Tab", "Space", "Space")
            _ = try await tmux.waitForScreen { $0.contains("If I hold one: [none") }
            try await tmux.sendKeys("C-s")
            let failed = try await tmux.waitForScreen { $0.split(separator: "\n").last?.contains("(M: more)") == true && $0.contains("an active") }
            let status = try #require(failed.split(separator: "\n").last { $0.contains("(M: more)") })
            #expect(status.contains("?:help"), "the key hints keep their room: \(status)")

            try await tmux.sendKeys("M")
            let messages = try await tmux.waitForScreen { $0.contains("Messages") && $0.contains("error") }
            let text = joined(messages)
            #expect(text.contains("an active request for srv1/root already exists"), "\(messages)")
            #expect(text.contains("(BeyondTrust 4091)"), "the end of the message is there too")
            #expect(text.contains("check-out"), "with its operation")

            try await tmux.sendKeys("Escape", "L")
            let audit = try await tmux.waitForScreen { $0.contains("Audit log") && $0.contains("check-out failed") }
            #expect(audit.contains("409"), "the failed call with its status")
            try await tmux.sendKeys("Escape", "q")
            _ = try await tmux.waitForScreen { $0.contains("1 lease is still checked out.") }
            try await tmux.sendKeys("Left", "Left", "Enter")
            let after = try await tmux.waitForScreen { $0.contains("EXIT=") }
            #expect(after.contains("EXIT=0"))
        }
    }
}
