import Foundation
@testable import PAMApp
import PAMCore
import PAMScreen
import Testing

/// Lease events stay readable in the messages view: reused, about to expire, expired, and
/// checked in elsewhere.
@Suite struct LeaseEventsTests {
    let conflict = CheckoutOptionSpec(key: "conflict", label: "If I hold one", help: "", choices: ["reuse", "renew", "none"],
                                      defaultValue: "reuse", renewChoice: "renew")

    @Test func aReusedLeaseSaysWhatWasAskedAndHowToGetANewOne() {
        var state = loadedState()
        state.profiles[0].checkout = CheckoutPolicy(options: [conflict])
        _ = state.press(.character("c"))
        let effects = state.press(.enter)
        guard case .checkOut(_, let request, let id)? = effects.first else { Issue.record("no check-out: \(effects)"); return }
        #expect(request.durationMinutes == 120)
        let held = lease(admin, minutes: 29.5)
        _ = Reducer.reduce(&state, .checkedOut(requestID: id, .success(.granted(held, reused: true))))
        let sentence = "reusing your open request 124 (expires in 29 min; asked for 120 min — use --conflict renew for a new one)"
        #expect(state.flash?.text == sentence)
        #expect(state.messages.newest?.level == .warning)
        #expect(state.askedMinutes.isEmpty, "forgotten once answered")
    }

    @Test func aLeaseWarnsAtFiveMinutesAndAtOneThenExpires() {
        var state = loadedState()
        _ = Reducer.reduce(&state, .checkedOut(requestID: 4, .success(.granted(lease(admin, minutes: 10), reused: false))))
        _ = Reducer.reduce(&state, .tick(t0.addingTimeInterval(5 * 60 + 1)))
        #expect(state.flash?.text == "lease on DC01/admin expires in 5 min")
        _ = Reducer.reduce(&state, .tick(t0.addingTimeInterval(6 * 60)))
        #expect(state.messages.entries.filter { $0.level == .warning }.count == 1, "said once, not every tick")
        _ = Reducer.reduce(&state, .tick(t0.addingTimeInterval(9 * 60 + 30)))
        #expect(state.flash?.text == "lease on DC01/admin expires in under a minute")
        _ = Reducer.reduce(&state, .tick(t0.addingTimeInterval(10 * 60)))
        #expect(state.flash == Flash(text: "lease on DC01/admin expired", isError: true, until: t0.addingTimeInterval(10 * 60 + 4)))
        #expect(state.messages.newestFirst.map(\.text) == [
            "lease on DC01/admin expired", "lease on DC01/admin expires in under a minute", "lease on DC01/admin expires in 5 min",
            "checked out DC01/admin: expires in 10:00",
        ])
        #expect(state.messages.newestFirst.allSatisfy { $0.operation == "lease" || $0.operation == "check-out" })
    }

    @Test func aLeaseTheServerNoLongerListsWasCheckedInElsewhere() {
        var state = loadedState()
        let held = lease(admin)
        _ = Reducer.reduce(&state, .checkedOut(requestID: 4, .success(.granted(held, reused: false))))
        #expect(Reducer.reduce(&state, .leasesLoaded(profile: "bt", .success([]))) == [], "too new to be missing yet")
        #expect(state.leases == [held])
        _ = Reducer.reduce(&state, .tick(t0.addingTimeInterval(60)))
        #expect(Reducer.reduce(&state, .leasesLoaded(profile: "bt", .success([]))) == [.forgetSecret(key: held.id)])
        #expect(state.leases.isEmpty)
        #expect(state.messages.newest?.text == "lease on DC01/admin was checked in elsewhere (request 124)")
        #expect(state.messages.newest?.level == .warning)
    }

    @Test func quittingCountsLeasesInWords() {
        var state = loadedState()
        _ = Reducer.reduce(&state, .checkedOut(requestID: 4, .success(.granted(lease(admin), reused: false))))
        _ = state.press(.character("q"))
        #expect(AppView().render(state).text.contains("1 lease is still checked out."))
        #expect(Reducer.count(2, "lease") == "2 leases")
    }
}
