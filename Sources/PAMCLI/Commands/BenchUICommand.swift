import ArgumentParser
import Foundation
import PAMApp
import PAMCore
import PAMCurses
import PAMScreen

/// `pamtui bench-ui`: measures the UI's hot paths over a large synthetic account list
/// (used by `make bench`; timings, not pass/fail). With `--present` it times presenting frames
/// through ncurses on the terminal it runs in (bench/ui_present.sh runs it in a 250x80 tmux pane).
struct BenchUICommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-ui", abstract: "Measure filtering and drawing over many accounts.", shouldDisplay: false
    )

    @Option(name: .long, help: "How many accounts to load.")
    var accounts = 100_000

    @Flag(name: .long, help: "Time presenting frames through ncurses on this terminal (needs a tty).")
    var present = false

    @Option(name: .long, help: ArgumentHelp("With --present: write the results to this file (the terminal is in use meanwhile).", valueName: "file"))
    var output: String?

    @Option(name: .long, help: "With --present: how many presents of each kind to time.")
    var rounds = 20

    func run() throws {
        if present {
            let lines = try measurePresent()
            if let output {
                try (lines.joined(separator: "\n") + "\n").write(toFile: output, atomically: true, encoding: .utf8)
            } else {
                lines.forEach(Console.out)
            }
            return
        }
        var state = syntheticState()
        let keystrokes = measureFilterKeystrokes(&state)
        let frames = measureFrames(state)
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        Console.out("ui accounts loaded:     \(accounts)")
        Console.out("filter keystroke:       median \(format(percentile(keystrokes, 0.5))) ms, p99 \(format(percentile(keystrokes, 0.99))) ms   target median <= 2 ms   \(percentile(keystrokes, 0.5) <= 2 ? "PASS" : "MISS")")
        Console.out("frame into grid 250x80: median \(format(percentile(frames, 0.5))) ms   target <= 1 ms   \(percentile(frames, 0.5) <= 1 ? "PASS" : "MISS")")
        Console.out("ui peak RSS:            \(usage.ru_maxrss / 1024) MB   target <= 80 MB   \(usage.ru_maxrss / 1024 <= 80 ? "PASS" : "MISS")")
    }

    private func syntheticState() -> AppState {
        let names = ["admin", "svc-backup", "root", "deploy", "sa", "app_rw", "helpdesk", "netadmin"]
        let systems = (0..<max(1, accounts / 50)).map { ManagedSystem(id: String(10_000 + $0), name: String(format: "srv-%05d", $0), platform: "Linux") }
        let list = (0..<accounts).map { index in
            let system = systems[index / 50 % systems.count]
            return Account(id: String(1_000_000 + index), systemID: system.id, systemName: system.name, name: "\(names[index % names.count])-\(index % 50)")
        }
        var state = AppState(
            profiles: [ProfileSummary(name: "bench", vendor: "bench", capabilities: [.systems, .accounts, .checkout])],
            now: Date(), size: Size(width: 120, height: 40)
        )
        _ = Reducer.start(&state)
        _ = Reducer.reduce(&state, .systemsLoaded(requestID: 1, .success(systems)))
        _ = Reducer.reduce(&state, .accountsLoaded(requestID: 2, .success(list)))
        return state
    }

    /// One keystroke = reduce the key, then draw the frame the UI would show.
    private func measureFilterKeystrokes(_ state: inout AppState) -> [Double] {
        _ = Reducer.reduce(&state, .key(.character("/")))
        var samples: [Double] = []
        let view = AppView()
        // A different query each round, so each starts with a full scan rather than a cached result.
        for query in ["svc-4", "adm-1", "root-2", "dep-3", "help-4", "net-5"] {
            for key in query.map(KeyEvent.character) + Array(repeating: KeyEvent.backspace, count: query.count) {
                samples.append(milliseconds {
                    _ = Reducer.reduce(&state, .key(key))
                    _ = view.render(state)
                })
            }
        }
        _ = Reducer.reduce(&state, .key(.escape))
        return samples
    }

    private func measureFrames(_ state: AppState) -> [Double] {
        var sized = state
        sized.size = Size(width: 250, height: 80)
        let view = AppView()
        return (0..<50).map { _ in milliseconds { _ = view.render(sized) } }
    }

    /// Presents through ncurses on the terminal (sized by the caller), timing (a) a full redraw
    /// of the whole screen and (b) the frame after one filter keystroke, which only sends the
    /// cells that changed. The changed-cell counts do not depend on the machine.
    private func measurePresent() throws -> [String] {
        let terminal = try CursesTerminal()
        defer { terminal.shutdown() }
        let size = terminal.size
        var state = syntheticState()
        _ = Reducer.reduce(&state, .key(.resize(size)))
        let view = AppView(glyphs: terminal.isUTF8 ? .unicode : .ascii)
        _ = Reducer.reduce(&state, .key(.character("/")))
        for character in "svc-" { _ = Reducer.reduce(&state, .key(.character(character))) }
        let before = view.render(state)
        _ = Reducer.reduce(&state, .key(.character("4")))
        let after = view.render(state)
        let theme = Theme.builtInDefault
        // Warm-up: colour pairs are allocated on first use.
        terminal.present(before, theme: theme)
        terminal.present(after, theme: theme)

        var full: [Double] = []
        var incremental: [Double] = []
        for _ in 0..<max(1, rounds) {
            terminal.redrawAll()
            full.append(milliseconds { terminal.present(after, theme: theme) })
            terminal.present(before, theme: theme)
            incremental.append(milliseconds { terminal.present(after, theme: theme) })
        }
        let changed = GridDiff.changedCells(from: before, to: after).count
        let label = "present \(size.width)x\(size.height)"
        return [
            "\(label) full:".padding(toLength: 30, withPad: " ", startingAt: 0)
                + "median \(format(percentile(full, 0.5))) ms (\(size.width * size.height) cells)",
            "\(label) one keystroke:".padding(toLength: 30, withPad: " ", startingAt: 0)
                + "median \(format(percentile(incremental, 0.5))) ms (\(changed) cells changed)",
        ]
    }

    private func milliseconds(_ body: () -> Void) -> Double {
        let duration = ContinuousClock().measure(body)
        return Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
    }

    private func percentile(_ samples: [Double], _ fraction: Double) -> Double {
        let sorted = samples.sorted()
        guard !sorted.isEmpty else { return 0 }
        return sorted[min(sorted.count - 1, Int(Double(sorted.count - 1) * fraction))]
    }

    private func format(_ value: Double) -> String { String(format: "%.2f", value) }
}
