import Foundation
import PAMTestSupport
import Testing

/// CursesTerminal on a real terminal: the test binary runs `CursesChildProgram` inside tmux.
@Suite(.serialized, .enabled(if: TmuxSession.isAvailable, "needs tmux"))
struct RealTerminalTests {
    /// Runs the child in tmux with `environment`, waits for its first frame, then runs `body`.
    func withChild<R>(
        environment: [String: String] = [:], _ body: (TmuxSession, _ pid: pid_t, _ log: String) async throws -> R
    ) async throws -> R {
        let directory = try makeTemporaryDirectory(prefix: "pamtui-curses-child")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let log = "\(directory)/child.log"
        let variables = (["PAMTUI_CURSES_CHILD": "1", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"].merging(environment) { $1 })
            .map { "\($0.key)=\($0.value)" }.sorted().joined(separator: " ")
        // Output goes to a file: the UI draws on /dev/tty, and the pane keeps only what the shell prints after.
        // swift test may hand NO_COLOR down to us; the child must see a colour terminal.
        let command = "unset NO_COLOR COLORTERM; \(variables) '\(CommandLine.arguments[0])' --testing-library swift-testing --filter CursesChildProgram"
            + " >'\(log)' 2>&1; echo SHELL-AFTER EXIT=$?; sleep 600"
        return try await TmuxSession.with(command: command) { session in
            let screen = try await session.waitForScreen(timeout: .seconds(60)) { $0.contains("last=none") }
            let pid = try #require(screen.firstMatch(of: /pid=(\d+)/).flatMap { pid_t($0.1) })
            return try await body(session, pid, log)
        }
    }

    func childLog(_ path: String) -> String { (try? String(contentsOfFile: path, encoding: .utf8)) ?? "" }

    @Test func presentsDecodesKeysResizesAndRestoresOnQuit() async throws {
        try await withChild { session, _, log in
            let first = try await session.capture()
            #expect(first.contains("wide: 日本語 box: ┌─┐"))
            #expect(first.contains("size=80x24 resizes=0"))
            #expect(first.contains("depth=indexed256 utf8=true"))
            #expect(try await session.alternateScreenOn())
            let colours = try await session.capture(escapes: true)
            #expect(colours.contains("31m"), "DANGER is drawn red")

            let keys: [(String, String)] = [
                ("x", "x"), ("Up", "up"), ("C-a", "ctrl-a"), ("F5", "f5"), ("BTab", "shift-tab"), ("Enter", "enter"),
                ("BSpace", "backspace"), ("NPage", "pgdn"), ("Home", "home"), ("DC", "delete"), ("é", "é"), ("Escape", "esc"),
                ("Tab", "tab"), ("Space", "space"),
            ]
            for (key, name) in keys {
                try await session.sendKeys(key)
                try await session.waitForScreen { $0.contains("last=\(name) ") || $0.contains("last=\(name)\n") }
            }

            try await session.resize(width: 100, height: 30)
            let resized = try await session.waitForScreen { $0.contains("size=100x30 resizes=1") }
            #expect(resized.contains("last=resize 100x30"))
            let lines = resized.split(separator: "\n", omittingEmptySubsequences: false)
            #expect(lines.count >= 30 && lines[29].hasSuffix("BR"), "redrawn at the new size")

            try await session.resize(width: 20, height: 5)
            try await session.waitForScreen { $0.contains("need 30×8") }
            try await session.resize(width: 80, height: 24)
            try await session.waitForScreen { $0.contains("size=80x24 resizes=3") }

            try await session.sendKeys("q")
            let after = try await session.waitForScreen { $0.contains("SHELL-AFTER EXIT=0") }
            #expect(!after.contains("日本語"), "the normal screen is back")
            #expect(try await session.alternateScreenOn() == false)
            #expect(childLog(log).contains("CHILD-EXIT q"))
        }
    }

    @Test func aNonUTF8LocaleGetsASCII() async throws {
        try await withChild(environment: ["LANG": "C", "LC_ALL": "C"]) { session, _, _ in
            let screen = try await session.capture()
            #expect(screen.contains("depth=indexed256 utf8=false"))
            #expect(screen.contains("wide: ?????? box: +-+"))
            try await session.sendKeys("q")
            try await session.waitForScreen { $0.contains("SHELL-AFTER EXIT=0") }
        }
    }

    @Test func firstSigtermReachesTheAppWhichShutsDownGracefully() async throws {
        try await withChild { session, pid, log in
            #expect(kill(pid, SIGTERM) == 0)
            try await session.waitForScreen { $0.contains("SHELL-AFTER EXIT=0") }
            #expect(try await session.alternateScreenOn() == false)
            #expect(childLog(log).contains("CHILD-EXIT signal \(SIGTERM)"))
        }
    }

    @Test func secondSignalRestoresTheTerminalAndExitsWithTheSignal() async throws {
        try await withChild(environment: ["PAMTUI_CURSES_CHILD_MODE": "stubborn"]) { session, pid, log in
            #expect(kill(pid, SIGTERM) == 0)
            try await session.waitForScreen { $0.contains("last=ignored signal \(SIGTERM)") }
            #expect(kill(pid, SIGTERM) == 0)
            let after = try await session.waitForScreen { $0.contains("SHELL-AFTER EXIT=\(128 + SIGTERM)") }
            #expect(!after.contains("日本語"))
            #expect(try await session.alternateScreenOn() == false)
            #expect(!childLog(log).contains("CHILD-EXIT"))
        }
    }

    @Test func aHungAppIsEndedAfterTheGracePeriod() async throws {
        try await withChild(environment: ["PAMTUI_CURSES_CHILD_MODE": "stubborn", "PAMTUI_CURSES_CHILD_GRACE": "1"]) { session, pid, _ in
            #expect(kill(pid, SIGHUP) == 0)
            try await session.waitForScreen { $0.contains("SHELL-AFTER EXIT=\(128 + SIGHUP)") }
            #expect(try await session.alternateScreenOn() == false)
        }
    }

    @Test func sigquitRestoresAtOnce() async throws {
        try await withChild { session, pid, _ in
            #expect(kill(pid, SIGQUIT) == 0)
            try await session.waitForScreen { $0.contains("SHELL-AFTER EXIT=\(128 + SIGQUIT)") }
            #expect(try await session.alternateScreenOn() == false)
        }
    }
}
