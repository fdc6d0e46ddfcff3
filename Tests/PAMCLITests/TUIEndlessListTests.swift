import Foundation
import PAMTestSupport
import Testing

/// The terminal UI of the real binary, in tmux, while the accounts list never finishes: the
/// pane counts what has loaded and `q` still quits at once.
@Suite(.enabled(if: TmuxSession.isAvailable)) struct TUIEndlessListTests {
    /// The count in the Accounts pane's badge while it loads (`12000…`), if one shows.
    static func loadingCount(_ screen: String) -> Int? {
        guard let line = screen.split(separator: "\n").first(where: { $0.contains("Accounts") }),
              let match = line.firstMatch(of: /(\d+)…/)
        else { return nil }
        return Int(match.1)
    }

    @Test func anEndlessAccountListShowsAGrowingCountAndQQuits() async throws {
        // Full pages of fresh accounts forever, each a little late: a slow server with a list
        // far under the default bound of 10 million rows.
        try await HostileListServer.with({ method, path in
            guard path.contains("/ManagedAccounts") else { return HostileWire.fallback(method, path) }
            let (limit, offset) = HostileWire.window(path)
            return .slow(HostileWire.accounts(offset..<offset + limit), delay: .milliseconds(100))
        }) { server in
            try await withTemporaryDirectory(prefix: "pamtui-tui-endless") { directory in
                let config = try server.writeConfig(in: directory)
                let command = "env -u DISPLAY -u WAYLAND_DISPLAY XDG_STATE_HOME='\(directory)/state' TERM=screen-256color "
                    + "'\(Pamtui.binary)' --config '\(config)'; echo \"EXIT=$?\"; sleep 600"
                try await TmuxSession.with(command: command, width: 120, height: 36) { tmux in
                    let first = try await tmux.waitForScreen { $0.contains("ENDLESS01") && Self.loadingCount($0) != nil }
                    let shown = try #require(Self.loadingCount(first))
                    let later = try await tmux.waitForScreen { (Self.loadingCount($0) ?? 0) > shown }
                    #expect(later.contains("acct-"), "the rows so far are listed while more load")

                    try await tmux.sendKeys("q")
                    let after = try await tmux.waitForScreen(timeout: .seconds(10)) { $0.contains("EXIT=") }
                    #expect(after.contains("EXIT=0"))
                    #expect(try await tmux.alternateScreenOn() == false)
                }
            }
        }
    }
}
