import Foundation
@testable import PAMApp
import PAMCore
import PAMScreen
import Testing

/// The status line's key hints follow the focused pane and the selected row, from the keymap.
@Suite struct KeyHintsTests {
    func keys(_ state: AppState) -> [String] { KeyHints.hints(state).map { "\($0.key):\($0.label)" } }

    @Test func anAccountWithoutALeaseOffersCheckoutNotCopy() {
        let state = loadedState()
        #expect(keys(state) == ["c:checkout", "u:user", "Y:field", "?:help", "q:quit", "/:filter", "o:sort"])
    }

    @Test func aLeasedAccountOffersCheckinRevealAndCopy() {
        var state = loadedState()
        _ = Reducer.reduce(&state, .checkedOut(requestID: 4, .success(.granted(lease(admin), reused: false))))
        #expect(keys(state) == ["i:checkin", "r:reveal", "y:copy", "u:user", "Y:field", "?:help", "q:quit", "/:filter", "o:sort"])
    }

    /// A filter being typed or a dialog takes every key: the hints name only the way out.
    @Test func aFilterOrADialogOffersOnlyItsWayOut() {
        var state = loadedState()
        _ = state.press(.character("/"))
        #expect(keys(state) == ["enter:keep", "esc:clear"])
        _ = state.press(.escape, .character("c"))
        #expect(keys(state) == ["enter:ok", "esc:cancel"])
    }

    @Test func foldersOfferOpeningNotCheckoutOrCopy() {
        var state = loadedState()
        _ = state.press(.character("4"))
        guard case .loadFolders(_, let id)? = state.press(.character("R")).first else { Issue.record("no reload"); return }
        _ = Reducer.reduce(&state, .foldersLoaded(requestID: id, .success(FolderTree([Folder(id: "1", parentID: nil, name: "team")]).nodes)))
        #expect(keys(state) == ["enter:open", "?:help", "q:quit", "/:filter"])
    }

    @Test func systemsOpenTheirAccountsAndAPendingRequestIsWithdrawn() {
        var state = loadedState()
        _ = state.press(.character("2"))
        #expect(keys(state).first == "enter:accounts")
        let request = AccessRequest(id: "9", systemID: "123", systemName: "DC01", accountID: "51", accountName: "breakglass", state: .pendingApproval,
                                    actions: [.cancel], reason: nil, expiresAt: nil)
        _ = Reducer.reduce(&state, .pendingFound(profile: "bt", [request]))
        _ = state.press(.character("6"))
        #expect(keys(state).first == "i:withdraw")
    }

    @Test func hintsUseTheReboundKeyAndHelpAgrees() {
        var settings = AppState.Settings()
        let problems = settings.keymap.rebind(["checkout": ["C"], "copy-username": []])
        #expect(problems.isEmpty)
        let state = loadedState(settings: settings)
        #expect(keys(state).first == "C:checkout")
        #expect(!keys(state).contains { $0.hasSuffix(":user") }, "an unbound command has no hint")
        let help = HelpIndex.matching("", keymap: state.settings.keymap).first { $0.command == .checkout }
        #expect(help?.keys == "C")
    }

    @Test func readOnlyOffersNothingPrivileged() {
        var settings = AppState.Settings()
        settings.readonly = true
        #expect(keys(loadedState(settings: settings)) == ["?:help", "q:quit", "/:filter", "o:sort"])
    }

    @Test func detailPaneHasNoStrayHintRow() {
        var state = loadedState()
        _ = Reducer.reduce(&state, .checkedOut(requestID: 4, .success(.granted(lease(admin), reused: false))))
        let screen = AppView().render(state).text
        #expect(!screen.contains("r reveal · y copy"))
    }
}
