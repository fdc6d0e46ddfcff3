import Foundation

extension TmuxSession {
    /// `pamtui ARGUMENTS` in a pane with no X or Wayland display (its clipboard is tmux's own
    /// buffer), or the X server `display` when given. The pane prints `EXIT=status` when pamtui
    /// ends and stays open, so tests can read the restored screen. `body` runs once the screen
    /// is `ready` (by default: the demo's accounts are listed).
    public static func withPamtui(
        _ arguments: [String], display: String? = nil, width: Int = 120, height: Int = 36,
        ready: @escaping (String) -> Bool = { $0.contains("DC01") && $0.contains("Accounts") },
        _ body: (TmuxSession) async throws -> Void
    ) async throws {
        let setDisplay = display.map { "DISPLAY=\($0) " } ?? ""
        let quoted = arguments.map { "'\($0)'" }.joined(separator: " ")
        let command = "env -u DISPLAY -u WAYLAND_DISPLAY \(setDisplay)TERM=screen-256color '\(Pamtui.binary)' \(quoted); echo \"EXIT=$?\"; sleep 600"
        try await with(command: command, width: width, height: height) { tmux in
            _ = try await tmux.waitForScreen(ready)
            try await body(tmux)
        }
    }
}
