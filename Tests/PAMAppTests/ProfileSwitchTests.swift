import Foundation
import PAMApp
import PAMCore
import PAMScreen
import Testing

/// Each profile keeps what it loaded: switching back shows it again without asking the server,
/// and R reloads only the focused pane.
@Suite struct ProfileSwitchTests {
    func twoProfiles() -> AppState {
        var state = loadedState()
        state.profiles.append(ProfileSummary(name: "lab", vendor: "fake", vendorName: "Fake PAM", capabilities: [.accounts]))
        return state
    }

    @Test func switchingBackRestoresTheLoadedPanesWithoutLoadingThemAgain() {
        var state = twoProfiles()
        _ = state.press(.character("1"))
        let toLab = state.press(.character("j"))
        #expect(toLab.contains { if case .loadAccounts(profile: "lab", _, _) = $0 { true } else { false } })
        guard case .loadAccounts(_, _, let labLoad) = toLab.first(where: { if case .loadAccounts = $0 { true } else { false } }) else { return }
        _ = Reducer.reduce(&state, .accountsLoaded(requestID: labLoad, .success([root])))
        let back = state.press(.character("k"))
        #expect(back.isEmpty, "bt's lists come back from the stash")
        #expect(state.accounts == .loaded([admin, breakglass, root]) && state.systems == .loaded([dc01]))
        #expect(state.press(.character("j")).isEmpty)
        #expect(state.accounts == .loaded([root]))
    }

    /// Enter on a profile goes into what it lists: accounts, or folders where it has none.
    @Test func enterOnAProfileFocusesWhatItLists() {
        var state = loadedState()
        state.profiles.append(ProfileSummary(name: "vault", vendor: "fake", capabilities: [.folders, .checkout]))
        _ = state.press(.character("1"), .enter)
        #expect(state.focus == .accounts)
        _ = state.press(.character("1"), .character("j"), .enter)
        #expect(state.profile?.name == "vault" && state.focus == .folders)
    }

    @Test func aProfileLeftWhileLoadingLoadsAgainOnReturn() {
        var state = twoProfiles()
        _ = state.press(.character("3"))
        _ = state.press(.character("R"))
        _ = state.press(.character("1"))
        _ = state.press(.character("j"))
        let back = state.press(.character("k"))
        #expect(back.contains { if case .loadAccounts(profile: "bt", _, _) = $0 { true } else { false } })
    }

    @Test func refreshReloadsOnlyTheFocusedPane() {
        var state = loadedState()
        _ = state.press(.character("2"))
        let effects = state.press(.character("R"))
        #expect(effects.count == 1)
        #expect(effects.allSatisfy { if case .loadSystems(profile: "bt", _) = $0 { true } else { false } })
        #expect(state.accounts == .loaded([admin, breakglass, root]))
    }
}

/// Panes come from the catalog by capability: a profile with folders but no accounts (Secret
/// Server's shape) gets its folders in the middle column, and no empty accounts pane.
@Suite struct PaneCatalogLayoutTests {
    @Test func aProfileWithoutAccountsPutsItsFoldersInTheMainColumn() {
        var state = AppState(
            profiles: [ProfileSummary(name: "ss", vendor: "fake", capabilities: [.folders, .checkout])], now: t0,
            size: Size(width: 120, height: 40))
        _ = Reducer.start(&state)
        let screen = AppView().render(state).text
        #expect(!screen.contains("Accounts"))
        let firstPaneRow = screen.split(separator: "\n").dropFirst().first.map(String.init) ?? ""
        #expect(firstPaneRow.hasPrefix("┌─ 1 Profiles"))
        #expect(firstPaneRow.contains("4 Folders"), "folders open the middle column")
    }
}
