import Foundation
import PAMApp
import PAMCore
import PAMScreen
import Testing

/// A stored secret behind a check-out lock (Secret Server's shape): the dialog asks only what the
/// secret requires, its fields are read under my lease and never without one, and a lock held
/// by someone else says who holds it.
@Suite struct SecretLockTests {
    let restricted = FolderTree([Folder(id: "f9", parentID: nil, name: "Restricted")]).nodes[0]
    let ticket = CheckoutOptionSpec(key: "ticket", label: "Ticket", help: "", relevance: .commentRequired)
    let force = CheckoutOptionSpec(key: "force", label: "Force", help: "", choices: ["no", "yes"], defaultValue: "no", relevance: .heldByOther)
    let extend = CheckoutOptionSpec(key: "extend", label: "Extend", help: "", choices: ["no", "yes"], defaultValue: "no", relevance: .heldByMe)

    func secret(_ id: String, _ title: String, _ access: SecretAccess) -> StoredSecret {
        StoredSecret(id: id, folderID: "f9", folderPath: "Restricted", title: title, kind: .credential, access: access)
    }

    var vault: StoredSecret { secret("2544", "Backup vault", SecretAccess(leaseRequired: true, commentRequired: true)) }
    var admin: StoredSecret { secret("2540", "Domain Admin", SecretAccess(leaseRequired: true)) }
    var held: StoredSecret { secret("2543", "Break-glass", SecretAccess(leaseRequired: true, heldBy: "Jordan Doe")) }

    func openFolder(_ secrets: [StoredSecret]) -> AppState {
        var state = AppState(
            profiles: [ProfileSummary(name: "ss", vendor: "fake", capabilities: [.folders, .checkout],
                                      checkout: CheckoutPolicy(options: [ticket, force, extend]))],
            now: t0, size: Size(width: 120, height: 40))
        _ = Reducer.start(&state)
        _ = Reducer.reduce(&state, .foldersLoaded(requestID: 1, .success([restricted])))
        _ = state.press(.character("4"), .enter)
        _ = Reducer.reduce(&state, .secretsLoaded(requestID: 2, .success(secrets)))
        return state
    }

    func form(_ state: AppState) -> CheckoutForm? {
        if case .checkout(let form) = state.overlay { return form }
        return nil
    }

    @Test func theDialogAsksForACommentAndTicketOnlyWhenTheSecretRequiresOne() {
        var state = openFolder([vault, admin])
        _ = state.press(.character("c"))
        #expect(form(state)?.slots == [.reason, .option(ticket)], "no minutes: the secret sets its length")
        _ = state.press(.escape)
        _ = state.press(.character("j"), .character("c"))
        #expect(form(state)?.slots == [])
        let effects = state.press(.enter)
        #expect(effects.contains { effect in
            if case .checkOut(profile: "ss", let request, _) = effect { request.account.id == "2540" && request.durationMinutes == nil } else { false }
        })
    }

    @Test func aRequiredCommentLeftEmptyIsRefusedOnTheCommentField() {
        var state = openFolder([vault])
        _ = state.press(.character("c"))
        _ = state.press(.enter)
        #expect(form(state)?.error == "Backup vault requires a comment" && form(state)?.focus == 0)
        _ = state.type("restore test")
        let effects = state.press(.enter)
        #expect(effects.contains { if case .checkOut(_, let request, _) = $0 { request.reason == "restore test" } else { false } })
    }

    @Test func fieldsAreReadUnderMyLeaseAndNeverWithoutOne() {
        var state = openFolder([admin])
        #expect(state.press(.character("r")).isEmpty)
        #expect(state.flash?.text.contains("check Domain Admin out first") == true)
        let mine = Lease(
            profile: "ss", vendor: "fake", requestID: "2540", accountID: "2540", systemID: "f9", systemName: "Restricted",
            accountName: "Domain Admin", reason: nil, issuedAt: t0, expiresAt: t0.addingTimeInterval(1800))
        _ = Reducer.reduce(&state, .checkedOut(requestID: 3, .success(.granted(mine, reused: false))))
        #expect(!Command.checkout.applies(in: state) && Command.checkin.applies(in: state))
        let key = SecretKey(profile: "ss", target: .secret(admin), field: "password").id
        #expect(state.press(.character("y")) == [.fetchField(profile: "ss", .secret(admin), field: "password", lease: mine, key: key, purpose: .copy(clearAfterSeconds: 30))])
        _ = state.press(.character("i"))
        #expect(state.overlay == .confirmCheckin(leaseID: mine.id, confirm: false))
        #expect(AppView().render(state).text.contains("Left:"))
    }

    @Test func aLockHeldBySomeoneElseSaysWhoAndOffersToTakeItOver() {
        var state = openFolder([held])
        #expect(AppView().render(state).text.contains("by Jordan Doe"))
        _ = state.press(.character("c"))
        #expect(form(state)?.slots == [.option(force)] && form(state)?.note == "checked out by Jordan Doe")
    }
}
