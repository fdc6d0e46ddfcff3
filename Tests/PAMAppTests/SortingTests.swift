import Foundation
@testable import PAMApp
import PAMCore
import PAMScreen
import Testing

/// `o` cycles the focused pane's sort column, `O` reverses it; the header shows it.
@Suite struct SortingTests {
    let web = Account(id: "19", systemID: "7", systemName: "web-01", name: "iis-deploy", domain: "corp")

    func sample() -> AppState {
        var state = loadedState()
        // A reload, so the rows arrive under the request id the reducer waits for.
        guard case .loadAccounts(_, _, let id)? = state.press(.character("R")).first else { return state }
        _ = Reducer.reduce(&state, .accountsLoaded(requestID: id, .success([admin, web, breakglass, root])))
        return state
    }

    func names(_ state: AppState) -> [String] { Presentation.accounts(state).map(\.name) }

    @Test func oCyclesColumnsThenBackToTheServersOrder() {
        var state = sample()
        #expect(names(state) == ["admin", "iis-deploy", "breakglass", "root"])
        _ = state.press(.character("o"))
        #expect(state.pane(.accounts).sort == PaneSort(column: 0))
        #expect(names(state) == ["admin", "breakglass", "iis-deploy", "root"])
        _ = state.press(.character("o"))
        #expect(state.pane(.accounts).sort == PaneSort(column: 1))
        #expect(names(state) == ["admin", "breakglass", "root", "iis-deploy"], "by system, stable within one")
        _ = state.press(.character("o"), .character("o"))
        #expect(state.pane(.accounts).sort == nil)
        #expect(state.flash?.text == "accounts in the server's order (R reloads it)")
    }

    @Test func capitalOReversesAndTheSelectionFollowsItsRow() {
        var state = sample()
        _ = state.press(.character("j"))
        #expect(Presentation.selectedAccount(state) == web)
        _ = state.press(.character("O"))
        #expect(state.pane(.accounts).sort == PaneSort(column: 0, descending: true))
        #expect(names(state) == ["root", "iis-deploy", "breakglass", "admin"])
        #expect(Presentation.selectedAccount(state) == web)
        _ = state.press(.character("O"))
        #expect(names(state) == ["admin", "breakglass", "iis-deploy", "root"])
    }

    @Test func aReloadKeepsTheSortAndSortsTheNewRows() {
        var state = sample()
        _ = state.press(.character("O"))
        let effects = state.press(.character("R"))
        guard case .loadAccounts(_, _, let id)? = effects.first else { Issue.record("no reload"); return }
        _ = Reducer.reduce(&state, .accountsLoaded(requestID: id, .success([admin, root, web])))
        #expect(names(state) == ["root", "iis-deploy", "admin"])
    }

    @Test func theHeaderShowsTheSortWithAnASCIIFallback() {
        var state = sample()
        _ = state.press(.character("o"), .character("o"), .character("O"))
        #expect(AppView().render(state).text.contains("SYSTEM▼"))
        #expect(AppView(glyphs: .ascii).render(state).text.contains("SYSTEMv"))
        _ = state.press(.character("O"))
        #expect(AppView().render(state).text.contains("SYSTEM▲"))
    }

    @Test func leasesSortByTimeLeft() {
        var state = sample()
        let soon = lease(root, id: "7", minutes: 5)
        let later = lease(admin, id: "8", minutes: 50)
        _ = Reducer.reduce(&state, .checkedOut(requestID: 4, .success(.granted(later, reused: false))))
        _ = Reducer.reduce(&state, .checkedOut(requestID: 5, .success(.granted(soon, reused: false))))
        _ = state.press(.character("6"), .character("o"), .character("o"))
        #expect(state.leases == [soon, later])
        _ = state.press(.character("O"))
        #expect(state.leases == [later, soon])
    }

    @Test func sortKeysAreInTheKeymapAndRebindable() {
        var settings = AppState.Settings()
        #expect(settings.keymap.keys(for: .sort, in: .panes) == [.character("o")])
        #expect(settings.keymap.keys(for: .sortReverse, in: .panes) == [.character("O")])
        let problems = settings.keymap.rebind(["sort": ["s"]])
        #expect(problems.isEmpty)
        var state = loadedState(settings: settings)
        _ = state.press(.character("s"))
        #expect(state.pane(.accounts).sort == PaneSort(column: 0))
    }
}
