import Foundation
import PAMApp
import PAMCore
import PAMScreen
import Testing

/// The header's session line and the optional bell as leases run out.
struct SessionAndBellTests {
    @Test func headerShowsTheSessionAndItsMinutesLeft() {
        var state = loadedState()
        #expect(AppView().render(state).text.contains("bt · BeyondTrust Password Safe  not signed in"))
        _ = Reducer.reduce(&state, .session(profile: "bt", SessionStatus(.signedIn, expiresAt: t0.addingTimeInterval(19 * 60 + 1))))
        #expect(AppView().render(state).text.contains("session 20 min left"))
        _ = Reducer.reduce(&state, .tick(t0.addingTimeInterval(19 * 60 + 2)))
        #expect(AppView().render(state).text.contains("session idle-expired"))
        _ = Reducer.reduce(&state, .session(profile: "bt", SessionStatus(.failed)))
        #expect(AppView().render(state).text.contains("sign-in failed"))
    }

    @Test func unverifiedTLSIsAWarningInTheHeader() {
        var state = loadedState()
        state.profiles[0].warning = "TLS NOT VERIFIED"
        let grid = AppView().render(state)
        let header = grid.text.split(separator: "\n")[0]
        guard let range = header.range(of: "TLS NOT VERIFIED") else { Issue.record("no warning in \(header)"); return }
        let column = header.distance(from: header.startIndex, to: range.lowerBound)
        #expect(grid.styles.split(separator: "\n")[0].dropFirst(column).hasPrefix(String(repeating: "W", count: 16)))
    }

    @Test func theClockTicksOnTheMinuteWhenNothingElseRuns() {
        var state = loadedState()
        _ = Reducer.reduce(&state, .tick(t0.addingTimeInterval(12.5)))
        #expect(Reducer.nextDeadline(state) == t0.addingTimeInterval(60))
    }

    @Test func bellRingsOnceAsALeaseTurnsWarningAndOnceAsItTurnsDanger() {
        var settings = AppState.Settings()
        settings.bell = true
        var state = loadedState(settings: settings)
        _ = Reducer.reduce(&state, .checkedOut(requestID: 4, .success(lease(admin, minutes: 6))))
        #expect(Reducer.reduce(&state, .tick(t0.addingTimeInterval(59))) == [])
        #expect(Reducer.reduce(&state, .tick(t0.addingTimeInterval(61))) == [.bell], "5 min left")
        #expect(Reducer.reduce(&state, .tick(t0.addingTimeInterval(62))) == [])
        #expect(Reducer.reduce(&state, .tick(t0.addingTimeInterval(301))) == [.bell], "1 min left")
        #expect(Reducer.reduce(&state, .tick(t0.addingTimeInterval(302))) == [])
    }

    @Test func noBellUnlessAskedFor() {
        var state = loadedState()
        _ = Reducer.reduce(&state, .checkedOut(requestID: 4, .success(lease(admin, minutes: 6))))
        #expect(Reducer.reduce(&state, .tick(t0.addingTimeInterval(61))) == [])
    }
}

/// Leases checked out before this run (or by another tool) appear when the profile loads.
struct LeasesFoundOnTheServerTests {
    @Test func activeRequestsBecomeLeasesOnceAndExpiredOnesAreIgnored() {
        var state = loadedState()
        let held = lease(admin)
        _ = Reducer.reduce(&state, .checkedOut(requestID: 4, .success(held)))
        let earlier = lease(root, id: "99", minutes: 10)
        let expired = lease(breakglass, id: "98", minutes: -1)
        #expect(Reducer.reduce(&state, .leasesLoaded(profile: "bt", .success([held, earlier, expired]))) == [])
        #expect(state.leases == [held, earlier])
        #expect(state.flash?.text == "1 lease(s) already checked out on bt")
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

/// The audit log's API lines lead with what matters in a narrow pane: status and time.
struct AuditLineTests {
    @Test func apiCallsShowStatusAndTimeBeforeThePath() {
        var state = loadedState()
        let call = HTTPExchange(
            method: .get, url: "https://pam.example.com/BeyondTrust/api/public/v3/Credentials/124?type=password", status: 200,
            duration: .milliseconds(12), responseBytes: nil, failure: nil, startedAt: t0
        )
        let failed = HTTPExchange(
            method: .post, url: "https://pam.example.com/BeyondTrust/api/public/v3/Requests", status: nil,
            duration: .seconds(10), responseBytes: nil, failure: .timeout, startedAt: t0
        )
        _ = Reducer.reduce(&state, .exchange(call))
        _ = Reducer.reduce(&state, .exchange(failed))
        #expect(state.audit.suffix(2).map(\.text) == [
            "200   12 ms  GET pam.example.com/BeyondTrust/api/public/v3/Credentials/124?type=password",
            "failed (timeout) 10000 ms  POST pam.example.com/BeyondTrust/api/public/v3/Requests",
        ])
    }
}
