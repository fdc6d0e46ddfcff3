import Foundation
import PAMApp
import PAMCore
import PAMScreen
import Testing

/// A request that waits for an approver is listed as pending with its own action (withdraw),
/// never as a lease that has run out.
@Suite struct PendingRequestTests {
    let waiting = AccessRequest(
        id: "130", systemID: "123", systemName: "DC01", accountID: "51", accountName: "breakglass", state: .pendingApproval,
        vendorState: "Pending", reason: "incident", expiresAt: nil)

    @Test func aPendingCheckOutIsListedAfterTheLeasesAndIWithdrawsIt() {
        var state = loadedState()
        _ = Reducer.reduce(&state, .checkedOut(requestID: 4, .success(.pending(waiting))))
        #expect(state.leases.isEmpty)
        let pending = PendingRequest(profile: "bt", request: waiting)
        #expect(state.pending == [pending])
        _ = state.press(.character("6"))
        let screen = AppView().render(state).text
        #expect(screen.contains("DC01/breakglass") && screen.contains("pending approval") && screen.contains("i withdraws it"))
        _ = state.press(.character("i"))
        #expect(state.overlay == .confirmCheckin(leaseID: pending.id, confirm: false))
        #expect(AppView().render(state).text.contains("Withdraw the pending request for DC01/breakglass?"))
        #expect(state.press(.tab, .enter) == [.withdraw(pending)])
        _ = Reducer.reduce(&state, .withdrawn(pendingID: pending.id, .success("DC01/breakglass")))
        #expect(state.pending.isEmpty)
        #expect(state.flash?.text == "withdrew the pending request for DC01/breakglass")
    }

    @Test func theServersListReplacesAProfilesPendingRequests() {
        var state = loadedState()
        _ = Reducer.reduce(&state, .checkedOut(requestID: 4, .success(.pending(waiting))))
        _ = Reducer.reduce(&state, .pendingFound(profile: "bt", []))
        #expect(state.pending.isEmpty, "approved or withdrawn elsewhere")
        _ = Reducer.reduce(&state, .pendingFound(profile: "bt", [waiting]))
        #expect(state.pending.map(\.request.id) == ["130"])
    }
}
