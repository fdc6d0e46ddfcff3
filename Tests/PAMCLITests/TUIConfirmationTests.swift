import Foundation
import PAMTestSupport
import Testing

/// A destructive command on a real terminal (tmux) asks first: anything but y or yes keeps
/// the secret (exit 1, "nothing was changed"), yes deletes it.
@Suite(.enabled(if: TmuxSession.isAvailable)) struct TUIConfirmationTests {
    @Test func secretDeleteAsksOnATerminal() async throws {
        try await SimulateProcess.with(["--vendors", "secretserver"]) { simulator in
            let reference = "Infrastructure/Network/fw01 admin console"
            let command = { (state: String) in
                "env -u DISPLAY -u WAYLAND_DISPLAY XDG_STATE_HOME='\(state)' TERM=screen-256color '\(Pamtui.binary)' secret delete "
                    + "'\(reference)' --config '\(simulator.configPath)'; echo \"EXIT=$?\"; sleep 600"
            }
            try await TmuxSession.with(command: command("\(simulator.directory)/state-no"), width: 140, height: 24) { tmux in
                _ = try await tmux.waitForScreen { $0.contains("[y/N]") }
                try await tmux.sendKeys("n", "Enter")
                let screen = try await tmux.waitForScreen { $0.contains("EXIT=") }
                #expect(screen.contains("nothing was changed"))
                #expect(screen.contains("EXIT=1"))
            }
            let kept = try await Pamtui.run(["ls", "secrets", "--filter", "fw01", "--json", "--config", simulator.configPath])
            #expect(try jsonArray(kept).count == 1)
            try await TmuxSession.with(command: command("\(simulator.directory)/state-yes"), width: 140, height: 24) { tmux in
                _ = try await tmux.waitForScreen { $0.contains("delete secret secretserver:\(reference) (id 2531)? [y/N]") }
                try await tmux.sendKeys("yes", "Enter")
                let screen = try await tmux.waitForScreen { $0.contains("EXIT=") }
                #expect(screen.contains("deleted secretserver:\(reference) (id 2531)"))
                #expect(screen.contains("EXIT=0"))
            }
            let gone = try await Pamtui.run(["ls", "secrets", "--filter", "fw01", "--json", "--config", simulator.configPath])
            #expect(try jsonArray(gone).isEmpty)
        }
    }
}
