import Foundation
import PAMApp
import PAMCore
import PAMScreen
import Testing

/// A stored secret whose listing has no values (Secret Server's template fields): Enter reads its
/// fields once, the detail shows them in the template's order (secret ones masked, files by
/// name), and any field can be revealed from the picker.
@Suite struct SecretFieldsReadTests {
    let infra = FolderTree([Folder(id: "f1", parentID: nil, name: "Infrastructure")]).nodes[0]
    let template = [
        SecretField(slug: "machine", label: "Machine", kind: .text, isSecret: false),
        SecretField(slug: "username", label: "Username", kind: .username, isSecret: false),
        SecretField(slug: "password", label: "Password", kind: .password, isSecret: true),
        SecretField(slug: "notes", label: "Notes", kind: .notes, isSecret: true),
        SecretField(slug: "key", label: "Key file", kind: .file, isSecret: true, fileName: "key"),
    ]
    var dc01: StoredSecret {
        StoredSecret(id: "2610", folderID: "f1", folderPath: "Infrastructure", title: "WIN-DC01 Administrator", kind: .credential, fields: template)
    }
    var read: [SecretField] {
        var fields = template
        fields[0].plainValue = "dc01.corp.example"
        fields[1].plainValue = "Administrator"
        fields[4].fileName = "dc01-recovery.pem"
        return fields
    }

    func openFolder(capabilities: Capabilities = [.folders, .fields]) -> AppState {
        var state = AppState(profiles: [ProfileSummary(name: "ss", vendor: "fake", capabilities: capabilities)], now: t0, size: Size(width: 140, height: 40))
        _ = Reducer.start(&state)
        _ = Reducer.reduce(&state, .foldersLoaded(requestID: 1, .success([infra])))
        _ = state.press(.character("4"), .enter)
        _ = Reducer.reduce(&state, .secretsLoaded(requestID: 2, .success([dc01])))
        return state
    }

    var key: String { "ss:secret:2610" }

    @Test func enterReadsTheFieldsOnceThenRevealsThePassword() {
        var state = openFolder()
        #expect(AppView().render(state).text.contains("enter reads them"))
        #expect(state.press(.enter) == [.readFields(profile: "ss", .secret(dc01), lease: nil)])
        #expect(AppView().render(state).text.contains("reading…"))
        #expect(state.press(.enter).isEmpty, "no second read while one is in flight")
        _ = Reducer.reduce(&state, .fieldsRead(key: key, subject: dc01.path, .success(read)))
        let screen = AppView().render(state).text
        #expect(screen.contains("dc01.corp.example") && screen.contains("Administrator") && screen.contains("dc01-recovery.pem"))
        #expect(!screen.contains("enter reads them"))
        #expect(state.audit.contains { $0.text.contains("read the fields of Infrastructure/WIN-DC01 Administrator") })
        var opened = dc01
        opened.fields = read
        let password = SecretKey(profile: "ss", target: .secret(opened), field: "password").id
        #expect(state.press(.enter) == [.fetchField(profile: "ss", .secret(opened), field: "password", lease: nil, key: password, purpose: .reveal)])
    }

    @Test func reloadingTheSecretsForgetsTheFieldsRead() {
        var state = openFolder()
        _ = state.press(.enter)
        _ = Reducer.reduce(&state, .fieldsRead(key: key, subject: dc01.path, .success(read)))
        _ = state.press(.character("R"))
        _ = Reducer.reduce(&state, .secretsLoaded(requestID: state.secrets.pendingRequest ?? 0, .success([dc01])))
        #expect(state.fieldReads.isEmpty)
        #expect(state.press(.enter) == [.readFields(profile: "ss", .secret(dc01), lease: nil)], "read again as they are now")
    }

    @Test func aFailedReadSaysWhyAndEnterTriesAgain() {
        var state = openFolder()
        _ = state.press(.enter)
        _ = Reducer.reduce(&state, .fieldsRead(key: key, subject: dc01.path, .failure(ActionError(message: "access denied", kind: .permission))))
        #expect(AppView().render(state).text.contains("not read: access denied"))
        #expect(state.press(.enter) == [.readFields(profile: "ss", .secret(dc01), lease: nil)])
    }

    @Test func aVendorWhoseListingHasEveryValueRevealsAtOnce() {
        var state = openFolder(capabilities: [.folders])
        let effects = state.press(.enter)
        #expect(effects.count == 1 && { if case .fetchField = effects[0] { true } else { false } }())
    }

    @Test func thePickerRevealsAnyFieldAndTheDetailWrapsIt() {
        var state = openFolder()
        _ = state.press(.enter)
        _ = Reducer.reduce(&state, .fieldsRead(key: key, subject: dc01.path, .success(read)))
        _ = state.press(.character("Y"))
        // Path, Machine, Username, Password, Notes: the notes are the fifth line.
        _ = state.press(.character("j"), .character("j"), .character("j"), .character("j"))
        var opened = dc01
        opened.fields = read
        let notes = SecretKey(profile: "ss", target: .secret(opened), field: "notes").id
        #expect(state.press(.character("r")) == [.fetchField(profile: "ss", .secret(opened), field: "notes", lease: nil, key: notes, purpose: .reveal)])
        _ = Reducer.reduce(&state, .secretReady(key: notes, purpose: .reveal, .success("notes")))
        #expect(state.reveal?.key == notes)
        let long = "Rotate after every use. " + String(repeating: "The recovery steps are in the runbook. ", count: 4) + "END"
        let screen = AppView().render(state) { $0 == notes ? long : nil }.text
        #expect(screen.contains("masks again in") && screen.contains("END"), "a long note is wrapped, not cut")
        _ = state.press(.character("Y"), .character("r"))
        #expect(state.flash?.text.contains("is no secret") == true, "the path is shown as it is")
    }

    @Test func enterOnASecretSomeoneElseHoldsAsksHowLongAndSaysIt() {
        var held = dc01
        held.access = SecretAccess(leaseRequired: true, heldBy: "Jordan Doe")
        var state = openFolder()
        _ = Reducer.reduce(&state, .secretsLoaded(requestID: 3, .success([held])))
        _ = Reducer.reduce(&state, .command(.refresh))
        _ = Reducer.reduce(&state, .secretsLoaded(requestID: state.secrets.pendingRequest ?? 0, .success([held])))
        #expect(AppView().render(state).text.contains("enter asks how long it is held"))
        #expect(state.press(.enter) == [.readFields(profile: "ss", .secret(held), lease: nil)])
        let refusal = "WIN-DC01 Administrator is checked out by Jordan Doe for 42 more min"
        _ = Reducer.reduce(&state, .fieldsRead(key: key, subject: held.path, .failure(ActionError(message: refusal, kind: .conflict))))
        #expect(AppView().render(state).text.contains("for 42 more min"))
    }
}
