import Foundation
import PAMApp
import PAMCore
import PAMScreen
import Testing

/// The header's session line and the optional bell as leases run out.
struct SessionAndBellTests {
    @Test func headerShowsTheSessionAndItsMinutesLeft() {
        var state = loadedState()
        #expect(AppView().render(state).text.contains("bt · Fake PAM  not signed in"))
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
        _ = Reducer.reduce(&state, .checkedOut(requestID: 4, .success(.granted(lease(admin, minutes: 6), reused: false))))
        #expect(Reducer.reduce(&state, .tick(t0.addingTimeInterval(59))) == [])
        #expect(Reducer.reduce(&state, .tick(t0.addingTimeInterval(61))) == [.bell], "5 min left")
        #expect(Reducer.reduce(&state, .tick(t0.addingTimeInterval(62))) == [])
        #expect(Reducer.reduce(&state, .tick(t0.addingTimeInterval(301))) == [.bell], "1 min left")
        #expect(Reducer.reduce(&state, .tick(t0.addingTimeInterval(302))) == [])
    }

    @Test func noBellUnlessAskedFor() {
        var state = loadedState()
        _ = Reducer.reduce(&state, .checkedOut(requestID: 4, .success(.granted(lease(admin, minutes: 6), reused: false))))
        #expect(Reducer.reduce(&state, .tick(t0.addingTimeInterval(61))) == [])
    }
}
