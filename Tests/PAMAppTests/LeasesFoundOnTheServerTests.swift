import Foundation
import PAMApp
import PAMCore
import PAMScreen
import Testing

/// Leases checked out before this run (or by another tool) appear when the profile loads.
struct LeasesFoundOnTheServerTests {
    @Test func activeRequestsBecomeLeasesOnceAndExpiredOnesAreIgnored() {
        var state = loadedState()
        let held = lease(admin)
        _ = Reducer.reduce(&state, .checkedOut(requestID: 4, .success(.granted(held, reused: false))))
        let earlier = lease(root, id: "99", minutes: 10)
        let expired = lease(breakglass, id: "98", minutes: -1)
        #expect(Reducer.reduce(&state, .leasesLoaded(profile: "bt", .success([held, earlier, expired]))) == [])
        #expect(state.leases == [held, earlier])
        #expect(state.flash?.text == "1 lease is already checked out on bt")
        _ = Reducer.reduce(&state, .leasesLoaded(profile: "bt", .success([held, earlier])))
        #expect(state.leases == [held, earlier], "loading again adds nothing twice")
    }

    @Test func aFailedListIsAnErrorInTheStatusLine() {
        var state = loadedState()
        _ = Reducer.reduce(&state, .leasesLoaded(profile: "bt", .failure(ActionError(message: "bt: list requests: permission denied", kind: .permission))))
        #expect(state.flash?.isError == true)
        #expect(state.leases.isEmpty)
    }
}
