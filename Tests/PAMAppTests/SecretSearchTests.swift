import Foundation
import PAMApp
import PAMCore
import PAMScreen
import Testing

/// `:search TEXT` asks the server for matching secrets in every folder and lists them in the
/// folders pane like an open folder; R searches again and Esc goes back to the tree.
@Suite struct SecretSearchTests {
    let found = StoredSecret(id: "2544", folderID: "f9", folderPath: "Restricted", title: "Backup vault", kind: .credential)

    @Test func searchListsTheServersMatchesAndEscapeReturnsToTheTree() {
        var state = AppState(
            profiles: [ProfileSummary(name: "ss", vendor: "fake", capabilities: [.folders, .checkout])], now: t0,
            size: Size(width: 120, height: 40))
        _ = Reducer.start(&state)
        _ = Reducer.reduce(&state, .foldersLoaded(requestID: 1, .success(FolderTree([Folder(id: "f9", parentID: nil, name: "Restricted")]).nodes)))
        _ = state.press(.character(":"))
        _ = state.type("search vault")
        let effects = state.press(.enter)
        #expect(effects == [.searchSecrets(profile: "ss", text: "vault", requestID: 2)])
        #expect(state.focus == .folders && state.secretSearch == "vault")
        _ = Reducer.reduce(&state, .secretsLoaded(requestID: 2, .success([found])))
        #expect(Presentation.selectedSecret(state) == found)
        let screen = AppView().render(state).text
        #expect(screen.contains("Search: vault") && screen.contains("Backup vault") && screen.contains("Folder:   Restricted"))
        #expect(state.press(.character("R")) == [.searchSecrets(profile: "ss", text: "vault", requestID: 3)])
        _ = state.press(.escape)
        #expect(state.openFolder == nil && state.secretSearch == nil && Presentation.folders(state).count == 1)
    }
}
