import Foundation
@testable import PAMApp
import PAMCore
import PAMScreen
import Testing

@Suite struct ReducerLoadingTests {
    @Test func startLoadsEveryPaneTheProfileHasWithRequestIDs() {
        var state = AppState(
            profiles: [ProfileSummary(name: "bt", vendor: "fake", vendorName: "Fake PAM", capabilities: [.systems, .accounts, .checkout, .folders])],
            now: t0, size: Size(width: 80, height: 24)
        )
        let effects = Reducer.start(&state)
        #expect(effects == [
            .loadSystems(profile: "bt", requestID: 1), .loadAccounts(profile: "bt", scope: .all, requestID: 2),
            .subscribe(id: "leases:bt", every: .seconds(60), .loadLeases(profile: "bt")), .loadFolders(profile: "bt", requestID: 3),
            .loadHistory,
        ])
        #expect(state.systems == .loading(requestID: 1))
        #expect(state.visiblePanes == [.profiles, .systems, .accounts, .folders, .leases])
    }

    @Test func staleResultsAreDropped() throws {
        var state = loadedState()
        _ = Reducer.reduce(&state, .command(.refresh))
        let before = state.accounts
        _ = Reducer.reduce(&state, .accountsLoaded(requestID: 2, .success([root])))
        #expect(state.accounts == before)
        let current = try #require(state.accounts.pendingRequest)
        _ = Reducer.reduce(&state, .accountsLoaded(requestID: current, .failure(ActionError(message: "bt: list accounts: server error 503", kind: .server))))
        #expect(state.accounts == .failed("bt: list accounts: server error 503"))
    }

    @Test func openingASystemScopesAccountsAndBackUnscopes() {
        var state = loadedState()
        _ = state.press(.character("2"))
        #expect(state.focus == .systems)
        #expect(state.press(.enter) == [.loadAccounts(profile: "bt", scope: .systemID("123"), requestID: 4)])
        #expect(state.focus == .accounts && state.accountScope == dc01)
        #expect(state.press(.escape) == [.loadAccounts(profile: "bt", scope: .all, requestID: 5)])
        #expect(state.accountScope == nil)
    }
}

@Suite struct ReducerNavigationTests {
    @Test func selectionMovesAndClamps() {
        var state = loadedState()
        _ = state.press(.character("j"), .character("j"), .character("j"), .down)
        #expect(state.pane(.accounts).selected == 2)
        _ = state.press(.character("g"))
        #expect(state.pane(.accounts).selected == 0)
        _ = state.press(.end)
        #expect(Presentation.selectedAccount(state) == root)
    }

    @Test func tabCyclesOnlyThePanesTheProfileHas() {
        var state = loadedState()
        var seen: [Pane] = []
        for _ in 0..<5 {
            _ = state.press(.tab)
            seen.append(state.focus)
        }
        #expect(seen == [.folders, .leases, .profiles, .systems, .accounts])
        _ = state.press(.character("5"))
        #expect(state.focus == .accounts, "no tasks pane without the capability")
        _ = state.press(.backTab)
        #expect(state.focus == .systems)
    }

    @Test func filterNarrowsNegatesATermAndClears() {
        var state = loadedState()
        _ = state.press(.character("/"))
        _ = state.type("brk")
        #expect(Array(Presentation.accounts(state)) == [breakglass])
        _ = state.press(.control("u"))
        _ = state.type("!brea")
        _ = state.press(.enter)
        #expect(Array(Presentation.accounts(state)) == [admin, root])
        _ = state.press(.escape)
        #expect(Presentation.accounts(state).count == 3)
        #expect(state.pane(.accounts).filter.isEmpty && !state.filterEditing)
    }
}

@Suite struct ReducerCheckoutTests {
    @Test func checkoutDialogUsesDefaultsAndSendsTheRequest() {
        var state = loadedState()
        state.profiles[0].checkout = CheckoutPolicy(reason: "maintenance")
        _ = state.press(.character("c"))
        guard case .checkout(let form) = state.overlay else { Issue.record("no dialog"); return }
        #expect(form.reason.text.isEmpty && form.reason.placeholder == "maintenance" && form.duration.text == "120" && form.focus == 0)
        _ = state.type("maintenance: patch")
        _ = state.press(.tab)
        _ = state.press(.backspace, .backspace, .backspace)
        _ = state.type("30")
        let effects = state.press(.enter)
        #expect(effects == [.checkOut(
            profile: "bt", CheckoutRequest(account: admin, reason: "maintenance: patch", durationMinutes: 30), requestID: 4
        ), .saveHistory(InputHistory(entries: [InputHistory.reason: ["maintenance: patch"]]))])
        #expect(state.overlay == nil)
    }

    @Test func profileDurationWinsOverTheAccountsAndAReasonCanBeRequired() {
        var state = loadedState()
        state.profiles[0].checkout = CheckoutPolicy(durationMinutes: 15, requireReason: true)
        _ = state.press(.character("c"))
        guard case .checkout(let form) = state.overlay else { Issue.record("no dialog"); return }
        #expect(form.duration.text == "15" && form.reason.isEmpty)
        #expect(state.press(.tab, .tab, .enter) == [])
        guard case .checkout(let refused) = state.overlay else { Issue.record("dialog closed without a reason"); return }
        #expect(refused.error == "a reason is required on bt" && refused.focus == 0)
        _ = state.type("incident 42")
        #expect(state.press(.tab, .tab, .enter) == [.checkOut(
            profile: "bt", CheckoutRequest(account: admin, reason: "incident 42", durationMinutes: 15), requestID: 4
        ), .saveHistory(InputHistory(entries: [InputHistory.reason: ["incident 42"]]))])
    }

    @Test func checkoutRefusesTooLongAndBadDurations() {
        var state = loadedState()
        _ = state.press(.character("c"), .tab)
        _ = state.press(.backspace, .backspace, .backspace)
        _ = state.type("999")
        _ = state.press(.tab, .enter)
        guard case .checkout(let form) = state.overlay else { Issue.record("dialog closed"); return }
        #expect(form.error == "at most 240 minutes for this account")
    }

    @Test func aCheckedOutLeaseAppearsAndTicksDown() {
        var state = loadedState()
        _ = Reducer.reduce(&state, .checkedOut(requestID: 4, .success(.granted(lease(admin), reused: false))))
        #expect(state.leases == [lease(admin)])
        #expect(Presentation.focusedLease(state) == lease(admin))
        _ = Reducer.reduce(&state, .tick(t0.addingTimeInterval(25 * 60 + 1)))
        #expect(Presentation.countdown(lease(admin), now: state.now) == "4:59")
        #expect(Presentation.urgency(lease(admin), now: state.now) == .warning)
        #expect(Presentation.urgency(lease(admin), now: t0.addingTimeInterval(29 * 60 + 30)) == .danger)
        let effects = Reducer.reduce(&state, .tick(t0.addingTimeInterval(30 * 60)))
        #expect(effects == [.forgetSecret(key: "bt:124")])
        #expect(state.leases.isEmpty)
        #expect(state.flash?.isError == true)
    }

    @Test func checkinAsksAndDefaultsToCancel() {
        var state = loadedState()
        _ = Reducer.reduce(&state, .checkedOut(requestID: 4, .success(.granted(lease(admin), reused: false))))
        _ = state.press(.character("i"))
        #expect(state.overlay == .confirmCheckin(leaseID: "bt:124", confirm: false))
        #expect(state.press(.enter) == [])
        #expect(state.overlay == nil && state.leases.count == 1)
        _ = state.press(.character("i"), .tab)
        #expect(state.press(.enter) == [.checkIn(lease(admin), reason: nil)])
        #expect(state.checkingIn == ["bt:124"])
        #expect(Reducer.reduce(&state, .checkedIn(leaseID: "bt:124", .success(lease(admin)))) == [.forgetSecret(key: "bt:124")])
        #expect(state.leases.isEmpty && state.checkingIn.isEmpty)
    }
}

@Suite struct ReducerSecretTests {
    @Test func revealLastsItsSecondsAndMovingMasksAtOnce() {
        var state = loadedState()
        #expect(state.press(.character("r")) == [])
        #expect(state.flash?.text == "check the account out first (c)")
        _ = Reducer.reduce(&state, .checkedOut(requestID: 4, .success(.granted(lease(admin), reused: false))))
        #expect(state.press(.character("r")) == [.fetchSecret(lease(admin), purpose: .reveal)])
        _ = Reducer.reduce(&state, .secretReady(key: "bt:124", purpose: .reveal, .success("DC01/admin")))
        #expect(state.reveal == Reveal(key: "bt:124", until: t0.addingTimeInterval(15)))
        #expect(Reducer.reduce(&state, .tick(t0.addingTimeInterval(15))) == [.forgetSecret(key: "bt:124")])
        #expect(state.reveal == nil)
        _ = Reducer.reduce(&state, .secretReady(key: "bt:124", purpose: .reveal, .success("DC01/admin")))
        #expect(state.press(.character("j")) == [.forgetSecret(key: "bt:124")])
        #expect(state.reveal == nil)
    }

    @Test func copyHoldsTheClipboardUntilItClears() {
        var state = loadedState()
        _ = Reducer.reduce(&state, .checkedOut(requestID: 4, .success(.granted(lease(admin), reused: false))))
        #expect(state.press(.character("y")) == [.fetchSecret(lease(admin), purpose: .copy(clearAfterSeconds: 30))])
        let hold = ClipboardHold(backend: "tmux", clearsAt: t0.addingTimeInterval(30))
        #expect(Reducer.reduce(&state, .copied(key: "bt:124", subject: "DC01/admin", .success(hold))) == [.forgetSecret(key: "bt:124")])
        #expect(state.audit.last?.text == "copied DC01/admin")
        #expect(Reducer.nextDeadline(state) == t0.addingTimeInterval(1))
        #expect(Reducer.reduce(&state, .tick(t0.addingTimeInterval(30))) == [.clearClipboard])
        #expect(state.clipboard == nil)
    }

    @Test func readOnlyRefusesPrivilegedCommands() {
        var settings = AppState.Settings()
        settings.readonly = true
        var state = loadedState(settings: settings)
        for key in ["c", "i", "y"] {
            #expect(state.press(.character(Character(key))) == [])
            #expect(state.flash?.text.hasPrefix("read-only mode") == true)
            #expect(state.overlay == nil)
        }
    }
}

@Suite struct ReducerQuitTests {
    @Test func quittingWithoutLeasesClearsTheClipboardAndQuits() {
        var state = loadedState()
        _ = Reducer.reduce(&state, .copied(key: "bt:1", subject: "DC01/admin", .success(ClipboardHold(backend: "osc52", clearsAt: t0.addingTimeInterval(30)))))
        #expect(state.press(.character("q")) == [.clearClipboard, .quit])
    }

    @Test func quittingWithLeasesAsksAndDefaultsToCancel() {
        var state = loadedState()
        _ = Reducer.reduce(&state, .checkedOut(requestID: 4, .success(.granted(lease(admin), reused: false))))
        _ = Reducer.reduce(&state, .checkedOut(requestID: 5, .success(.granted(lease(root, id: "125"), reused: false))))
        _ = state.press(.character("q"))
        #expect(state.overlay == .quit(choice: 2))
        #expect(state.press(.enter) == [])
        #expect(state.overlay == nil && !state.quitting)

        _ = state.press(.character("q"), .left, .left)
        #expect(state.press(.enter) == [.checkIn(lease(admin), reason: "pamtui quit"), .checkIn(lease(root, id: "125"), reason: "pamtui quit")])
        #expect(Reducer.reduce(&state, .checkedIn(leaseID: "bt:124", .success(lease(admin)))) == [.forgetSecret(key: "bt:124")])
        #expect(Reducer.reduce(&state, .checkedIn(leaseID: "bt:125", .success(lease(root, id: "125")))) == [.forgetSecret(key: "bt:125"), .quit])
    }

    @Test func keepingLeasesQuitsWithoutCheckingIn() {
        var state = loadedState()
        _ = Reducer.reduce(&state, .checkedOut(requestID: 4, .success(.granted(lease(admin), reused: false))))
        _ = state.press(.character("q"), .left)
        #expect(state.press(.enter) == [.quit])
    }
}

@Suite struct KeymapAndHelpTests {
    @Test func rebindingSeveralKeysUnbindingAndConflicts() {
        var keymap = Keymap.standard
        let problems = keymap.rebind(["checkout": ["C", "ctrl-o"], "quit": [], "bogus": ["x"], "copy": ["j", "nokey"]])
        #expect(keymap.command(for: .character("C"), in: .panes) == .checkout)
        #expect(keymap.command(for: .control("o"), in: .panes) == .checkout)
        #expect(keymap.command(for: .character("c"), in: .panes) == nil)
        #expect(keymap.keys(for: .quit, in: .panes).isEmpty)
        #expect(problems.contains("keys: unknown command 'bogus'"))
        #expect(problems.contains("keys.copy: unknown key 'nokey'"))
        #expect(problems.contains("keys: 'j' is bound to down and copy"))
    }

    @Test func theStandardKeymapHasNoConflicts() {
        for context in KeyContext.allCases { #expect(Keymap.standard.conflicts(in: context).isEmpty) }
    }

    @Test func helpIsGeneratedFromTheKeymapSearchableAndRunnable() {
        var state = loadedState()
        _ = state.press(.character("?"))
        _ = state.type("check")
        guard case .help(let query, _) = state.overlay else { Issue.record("no help"); return }
        let entries = HelpIndex.matching(query.text, keymap: state.settings.keymap)
        #expect(entries.map(\.command) == [.open, .checkout, .checkin])
        #expect(entries[1].keys == "c")
        _ = state.press(.down)
        _ = state.press(.enter)
        guard case .checkout(let form) = state.overlay else { Issue.record("help entry did not run"); return }
        #expect(form.account == admin)
    }

    @Test func paletteCompletesAndRuns() {
        var state = loadedState()
        #expect(HelpIndex.completions("check", state: state).map(\.text) == ["checkout", "checkin"])
        _ = state.press(.character(":"))
        _ = state.type("mouse")
        #expect(state.press(.enter) == [.setMouse(true)])
        _ = state.press(.character(":"))
        _ = state.type("clipboard doctor")
        #expect(state.press(.enter) == [.clipboardDoctor])
    }
}
