import Foundation
import PAMApp
import PAMCore
import PAMScreen
import Testing

/// Opening a folder lists its secrets in the folders pane; their fields are revealed and copied
/// without a lease.
@Suite struct FolderSecretsTests {
    let team = FolderTree([Folder(id: "f1", parentID: nil, name: "team")]).nodes[0]
    let db = StoredSecret(id: "s1", folderID: "f1", folderPath: "team", title: "db", kind: .credential, username: "app_rw")

    func stateWithFolder() -> AppState {
        var state = loadedState()
        state.folders = .loaded([team])
        _ = state.press(.character("4"))
        return state
    }

    @Test func enterOpensTheFolderAndEscapeClosesItOnTheSameFolder() {
        var state = stateWithFolder()
        let effects = state.press(.enter)
        #expect(effects == [.loadSecrets(profile: "bt", folderID: "f1", requestID: 4)])
        #expect(state.openFolder == team && state.secrets == .loading(requestID: 4))
        _ = Reducer.reduce(&state, .secretsLoaded(requestID: 4, .success([db])))
        #expect(Presentation.selectedSecret(state) == db)
        #expect(AppView().render(state).text.contains("Username: app_rw"))
        #expect(state.press(.escape) == [])
        #expect(state.openFolder == nil && Presentation.selectedSecret(state) == nil && state.pane(.folders).selected == 0)
    }

    @Test func copyTakesThePasswordFieldAndUTheUsernameWithoutALease() {
        var state = stateWithFolder()
        _ = state.press(.enter)
        _ = Reducer.reduce(&state, .secretsLoaded(requestID: 4, .success([db])))
        let password = SecretKey(profile: "bt", target: .secret(db), field: "password").id
        #expect(state.press(.character("y")) == [.fetchField(profile: "bt", .secret(db), field: "password", lease: nil, key: password, purpose: .copy(clearAfterSeconds: 30))])
        let username = SecretKey(profile: "bt", target: .secret(db), field: "username").id
        #expect(state.press(.character("u")) == [.fetchField(profile: "bt", .secret(db), field: "username", lease: nil, key: username, purpose: .copy(clearAfterSeconds: 30))])
    }

    @Test func theFieldPickerCopiesAnyFieldOfTheSecret() {
        var state = stateWithFolder()
        _ = state.press(.enter)
        _ = Reducer.reduce(&state, .secretsLoaded(requestID: 4, .success([db])))
        _ = state.press(.character("Y"))
        #expect(state.overlay == .fieldPicker(FieldChoice(profile: "bt", target: .secret(db), lease: nil), selected: 0))
        #expect(AppView().render(state).text.contains("A field of team/db — Enter copies, r reveals"))
        _ = state.press(.down)
        #expect(state.press(.enter) == [.copyText("app_rw", subject: "team/db username", clearAfterSeconds: 30)], "a plain field is copied as it is")
        _ = state.press(.character("Y"), .down, .down)
        let password = SecretKey(profile: "bt", target: .secret(db), field: "password").id
        #expect(state.press(.enter) == [.fetchField(profile: "bt", .secret(db), field: "password", lease: nil, key: password,
                                                    purpose: .copy(clearAfterSeconds: 30))])
        #expect(state.overlay == nil)
    }

    @Test func aRevealedFieldMasksWhenTheSelectionLeavesIt() {
        var state = stateWithFolder()
        _ = state.press(.enter)
        let other = StoredSecret(id: "s2", folderID: "f1", folderPath: "team", title: "token", kind: .text)
        _ = Reducer.reduce(&state, .secretsLoaded(requestID: 4, .success([db, other])))
        let key = SecretKey(profile: "bt", target: .secret(db), field: "password").id
        _ = Reducer.reduce(&state, .secretReady(key: key, purpose: .reveal, .success("team/db password")))
        #expect(state.reveal?.key == key)
        #expect(state.press(.character("j")) == [.forgetSecret(key: key)])
        #expect(state.reveal == nil)
    }
}

/// A long list shows its rows page by page while it loads.
@Suite struct PagedLoadingTests {
    @Test func pagesAppearAsTheyArriveAndTheLastActionHandsOverTheWholeList() {
        var state = AppState(
            profiles: [ProfileSummary(name: "bt", vendor: "fake", capabilities: [.accounts])], now: t0, size: Size(width: 120, height: 40))
        let effects = Reducer.start(&state)
        guard case .loadAccounts(_, _, let id) = effects.first(where: { if case .loadAccounts = $0 { true } else { false } }) else {
            Issue.record("no account load")
            return
        }
        _ = Reducer.reduce(&state, .accountsPage(requestID: id, [admin]))
        #expect(state.accounts == .partial(requestID: id, [admin]))
        #expect(AppView().render(state).text.contains("1…"))
        _ = Reducer.reduce(&state, .accountsPage(requestID: id + 99, [root]))
        _ = Reducer.reduce(&state, .accountsPage(requestID: id, [breakglass]))
        #expect(Presentation.accounts(state).count == 2, "a page of another request is stale")
        _ = Reducer.reduce(&state, .accountsLoaded(requestID: id, .success([admin, breakglass])))
        #expect(state.accounts == .loaded([admin, breakglass]))
    }
}
