import Foundation
import PAMApp
import PAMCore
import PAMScreen
import Testing

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
