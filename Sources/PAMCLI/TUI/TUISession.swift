import Foundation
import PAMApp
import PAMClipboard
import PAMConfig
import PAMCore
import PAMCurses
import PAMModules
import PAMScreen
import PAMTransport

/// Runs the terminal UI over a config's profiles until the user quits or a signal arrives.
/// Curses lives on one dedicated thread; effects run as tasks and wake it through the inbox.
enum TUISession {
    /// Runs the UI; returns the leases still checked out when it ended (kept, or left by a signal).
    static func run(configuration: PAMConfiguration, common: CommonOptions, options: TUIOptions) async throws -> [Lease] {
        let environment = ProcessInfo.processInfo.environment
        let defaults = options.applied(to: configuration.defaults)
        let themes = ThemeBook(environment: environment)
        let selection = themes.select(defaults.theme)
        if let warning = selection.warning { Console.warn(warning) }
        let wake = Locked<(@Sendable () -> Void)?>(nil)
        let inbox = Inbox { wake.withLock { $0 }?() }
        let observers: [any HTTPExchangeObserver] = [AuditObserver(inbox: inbox)] + ((try common.traceObserver()).map { [$0] } ?? [])
        // A one-time code or DoubleLock password a profile has no source for is asked in a dialog.
        let prompter = DialogPrompter(inbox: inbox)
        let workspace = Workspace(configuration: configuration, observer: ExchangeFanout(observers), prompter: prompter)
        let clipboard = try? ClipboardService(
            detector: ClipboardDetector(environment: environment, preference: ClipboardPreference(configValue: defaults.clipboard) ?? .auto)
        )
        let quit = Locked(false)
        let runner = EffectRunner(
            clients: { profile in try workspace.client(profile) }, clipboard: clipboard.map(ClipboardAdapter.init),
            inbox: inbox, keeper: workspace.keeper, history: InputHistoryFile(path: InputHistoryFile.standardPath(environment: environment)),
            prompter: prompter, onQuit: { quit.withLock { $0 = true } }
        )
        var settings = AppState.Settings()
        settings.readonly = options.readonly
        settings.revealSeconds = defaults.revealSeconds
        settings.clipboardClearSeconds = defaults.clipboardClearSeconds
        settings.bell = defaults.bell
        settings.theme = selection.theme.name
        settings.themes = themes.names
        for problem in settings.keymap.rebind(configuration.keyBindings) {
            Console.warn("\(configuration.path): \(problem)")
        }
        let profiles = configuration.profiles.map { profile in
            ProfileSummary(
                name: profile.name, vendor: profile.vendor, vendorName: VendorRegistry.standard.displayName(profile.vendor),
                capabilities: ClientFactory.capabilities(of: profile), warning: profile.tls.verify ? nil : "TLS NOT VERIFIED",
                checkout: CheckoutPolicy(
                    durationMinutes: profile.defaults.durationMinutes, reason: profile.defaults.reason,
                    requireReason: profile.defaults.requireReason,
                    options: (try? VendorRegistry.standard.module(profile.vendor).schema.checkoutOptions) ?? [],
                    optionValues: profile.defaults.checkoutOptions
                )
            )
        }

        let start = UILoop(profiles: profiles, settings: settings, theme: selection.theme, themes: themes, runner: runner, inbox: inbox)
        let outcome = Locked<Result<[Lease], any Error>>(.success([]))
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
            let thread = Thread {
                outcome.withLock { $0 = Result { try start.run(wake: wake, quit: quit) } }
                done.resume()
            }
            thread.name = "pamtui-ui"
            thread.start()
        }
        runner.cancelSubscriptions()
        prompter.close()
        runner.secrets.forgetAll()
        if let clipboard { _ = await clipboard.clearNow() }
        await workspace.close()
        return try outcome.withLock { $0 }.get()
    }

    /// Tells the user, after the terminal is restored, which leases are still checked out.
    static func reportKept(_ leases: [Lease]) {
        guard !leases.isEmpty else { return }
        Console.err("pamtui: \(Plural.count(leases.count, "lease")) still checked out:")
        for lease in leases {
            // The command last on its line, so the whole rest of the line can be pasted.
            Console.err("  \(LeaseText.reference(lease)) until \(ISODateTime.format(lease.expiresAt)); check in with: \(LeaseText.checkInCommand(lease))")
        }
    }
}

/// The UI thread's loop: present, wait for keys, results or the next deadline, reduce, repeat.
/// It performs the effects that belong to the terminal (bell, mouse, theme) and hands the rest
/// to the effect runner.
private struct UILoop: Sendable {
    let profiles: [ProfileSummary]
    let settings: AppState.Settings
    let theme: Theme
    let themes: ThemeBook
    let runner: EffectRunner
    let inbox: Inbox

    func run(wake: Locked<(@Sendable () -> Void)?>, quit: Locked<Bool>) throws -> [Lease] {
        let terminal = try CursesTerminal(options: CursesTerminal.Options(mouse: settings.mouse))
        defer { terminal.shutdown() }
        let waker = terminal.waker
        wake.withLock { $0 = { waker.wake() } }
        var state = AppState(profiles: profiles, now: Date(), size: terminal.size, settings: settings)
        var theme = self.theme
        let view = AppView(glyphs: terminal.isUTF8 ? .unicode : .ascii)
        func perform(_ effects: [Effect]) {
            for effect in effects {
                switch effect {
                case .bell: terminal.bell()
                case .setMouse(let on): terminal.setMouse(on)
                case .setTheme(let name):
                    let selection = themes.select(name)
                    theme = selection.theme
                    if let warning = selection.warning {
                        perform(Reducer.reduce(&state, .report(title: "Theme", lines: [warning])))
                    }
                default: runner.run(effect)
                }
            }
        }
        perform(Reducer.start(&state))
        while !quit.withLock({ $0 }) {
            let grid = view.render(state) { leaseID in runner.secrets.withSecret(leaseID) { $0.unsafeStringCopy() } }
            terminal.present(grid, theme: theme)
            let timeout = Reducer.nextDeadline(state).map { Duration.milliseconds(max(0, Int($0.timeIntervalSinceNow * 1000))) }
            let keys = terminal.readEvents(timeout: timeout ?? .seconds(60))
            if !terminal.pendingSignals().isEmpty {
                // SIGINT, SIGTERM, SIGHUP: leave now; the caller clears the clipboard and signs out.
                TerminalGuard.acknowledgeSignals()
                return state.leases
            }
            for key in keys {
                if case .resize = key { terminal.redrawAll() }
                perform(Reducer.reduce(&state, .key(key)))
            }
            for action in inbox.drain() { perform(Reducer.reduce(&state, action)) }
            perform(Reducer.reduce(&state, .tick(Date())))
        }
        return state.leases
    }
}
