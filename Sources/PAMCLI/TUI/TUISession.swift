import Foundation
import PAMApp
import PAMClipboard
import PAMConfig
import PAMCore
import PAMCurses
import PAMScreen
import PAMTransport

/// Runs the terminal UI over a config's profiles until the user quits or a signal arrives.
/// Curses lives on one dedicated thread; effects run as tasks and wake it through the inbox.
enum TUISession {
    static func run(configuration: PAMConfiguration, common: CommonOptions, options: TUIOptions) async throws {
        let environment = ProcessInfo.processInfo.environment
        let selection = themeSelection(options.theme, configuration: configuration, environment: environment)
        if let warning = selection.warning { Console.warn(warning) }
        let wake = Locked<(@Sendable () -> Void)?>(nil)
        let inbox = Inbox { wake.withLock { $0 }?() }
        let observers: [any HTTPExchangeObserver] = [AuditObserver(inbox: inbox)] + ((try common.traceObserver()).map { [$0] } ?? [])
        let workspace = Workspace(configuration: configuration, observer: ExchangeFanout(observers))
        let clipboard = try? ClipboardService(
            detector: ClipboardDetector(environment: environment, preference: ClipboardPreference(configValue: configuration.defaults.clipboard) ?? .auto)
        )
        let quit = Locked(false)
        let runner = EffectRunner(
            clients: { profile in try workspace.client(profile) }, clipboard: clipboard.map(ClipboardAdapter.init),
            inbox: inbox, onQuit: { quit.withLock { $0 = true } }
        )
        var settings = AppState.Settings()
        settings.readonly = options.readonly
        settings.revealSeconds = configuration.defaults.revealSeconds
        settings.clipboardClearSeconds = configuration.defaults.clipboardClearSeconds
        settings.defaultReason = configuration.defaults.reason ?? ""
        settings.defaultDuration = configuration.defaults.durationMinutes
        for problem in settings.keymap.rebind(configuration.keyBindings) {
            Console.warn("\(configuration.path): \(problem)")
        }
        let profiles = configuration.profiles.map { profile in
            ProfileSummary(name: profile.name, vendor: profile.vendor, capabilities: ClientFactory.capabilities(of: profile.vendor))
        }

        let startSettings = settings
        let failure = Locked<(any Error)?>(nil)
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
            let thread = Thread {
                do {
                    try loop(profiles: profiles, settings: startSettings, theme: selection.theme, runner: runner, inbox: inbox, wake: wake, quit: quit)
                } catch {
                    failure.withLock { $0 = error }
                }
                done.resume()
            }
            thread.name = "pamtui-ui"
            thread.start()
        }
        runner.secrets.forgetAll()
        if let clipboard { _ = await clipboard.clearNow() }
        await workspace.close()
        if let error = failure.withLock({ $0 }) { throw error }
    }

    /// The UI loop: present, wait for keys, results or the next deadline, reduce, repeat.
    private static func loop(
        profiles: [ProfileSummary], settings: AppState.Settings, theme: Theme, runner: EffectRunner, inbox: Inbox,
        wake: Locked<(@Sendable () -> Void)?>, quit: Locked<Bool>
    ) throws {
        let terminal = try CursesTerminal(options: CursesTerminal.Options(mouse: settings.mouse))
        defer { terminal.shutdown() }
        let waker = terminal.waker
        wake.withLock { $0 = { waker.wake() } }
        var state = AppState(profiles: profiles, now: Date(), size: terminal.size, settings: settings)
        let view = AppView(glyphs: terminal.isUTF8 ? .unicode : .ascii)
        runner.run(Reducer.start(&state))
        while !quit.withLock({ $0 }) {
            let grid = view.render(state) { leaseID in runner.secrets.withSecret(leaseID) { $0.unsafeStringCopy() } }
            terminal.present(grid, theme: theme)
            let timeout = Reducer.nextDeadline(state).map { Duration.milliseconds(max(0, Int($0.timeIntervalSinceNow * 1000))) }
            let keys = terminal.readEvents(timeout: timeout ?? .seconds(60))
            if !terminal.pendingSignals().isEmpty {
                // SIGINT, SIGTERM, SIGHUP: leave now; the caller clears the clipboard and signs out.
                TerminalGuard.acknowledgeSignals()
                return
            }
            for key in keys {
                if case .resize = key { terminal.redrawAll() }
                runner.run(Reducer.reduce(&state, .key(key)))
            }
            if state.settings.mouse != terminal.isMouseOn { terminal.setMouse(state.settings.mouse) }
            for action in inbox.drain() { runner.run(Reducer.reduce(&state, action)) }
            runner.run(Reducer.reduce(&state, .tick(Date())))
        }
    }

    private static func themeSelection(_ name: String?, configuration: PAMConfiguration, environment: [String: String]) -> ThemeSelection {
        let executable = CommandLine.arguments.first ?? ""
        let bundled = ThemeLoader.searchPaths(executablePath: executable)
        let entries = ThemeLoader.available(bundled: bundled, user: ThemeLoader.userDirectory(environment: environment))
        return ThemeLoader.select(name: name ?? configuration.defaults.theme, entries: entries, environment: environment)
    }
}
