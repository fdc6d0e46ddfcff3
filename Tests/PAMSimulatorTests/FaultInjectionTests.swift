import Foundation
import PAMSimulator
import PAMTestSupport
import Testing

@Suite struct FaultInjectionTests {
    private func plan(_ text: String) throws -> FaultPlan { try FaultPlan(parsing: text) }

    @Test func latencyDelaysEveryAnswer() async throws {
        try await withSimulator(beyondTrustOptions(faults: try plan("latency=300ms"))) { simulator in
            let client = try BeyondTrustTestClient(simulator)
            let clock = ContinuousClock()
            let started = clock.now
            #expect(try await client.signIn().status == 200)
            #expect(clock.now - started >= .milliseconds(300))
        }
    }

    @Test func serverErrorsButSignInStaysReliable() async throws {
        try await withSimulator(beyondTrustOptions(faults: try plan("error5xx=1"))) { simulator in
            let client = try BeyondTrustTestClient(simulator)
            #expect(try await client.signIn().status == 200)
            #expect(try await client.get("ManagedSystems").status == 503)
            #expect(try await client.send("POST", "Auth/Signout").status == 200)
        }
    }

    @Test func authFlagLetsFaultsHitSignInToo() async throws {
        try await withSimulator(beyondTrustOptions(faults: try plan("error5xx=1,auth=true"))) { simulator in
            let client = try BeyondTrustTestClient(simulator)
            #expect(try await client.signIn().status == 503)
        }
    }

    @Test func rateLimitCarriesRetryAfter() async throws {
        try await withSimulator(beyondTrustOptions(faults: try plan("rate429=1,retry-after=2s"))) { simulator in
            let client = try BeyondTrustTestClient(simulator)
            try await client.signIn()
            let response = try await client.get("ManagedAccounts")
            #expect(response.status == 429)
            #expect(response.header("Retry-After") == "2")
        }
    }

    @Test func dropClosesTheConnectionWithoutAnAnswer() async throws {
        try await withSimulator(beyondTrustOptions(faults: try plan("drop=1"))) { simulator in
            let client = try BeyondTrustTestClient(simulator)
            try await client.signIn()
            await #expect(throws: ConnectionClosed.self) { try await client.get("ManagedSystems") }
            // The server is still up for the next connection.
            #expect(try await client.signIn().status == 200)
        }
    }

    @Test func malformedAnswersDoNotParse() async throws {
        try await withSimulator(beyondTrustOptions(faults: try plan("malformed=1"))) { simulator in
            let client = try BeyondTrustTestClient(simulator)
            try await client.signIn()
            for path in ["ManagedSystems", "ManagedSystems/5", "ManagedAccounts?systemName=srv1&accountName=root"] {
                let response = try await client.get(path)
                #expect(response.status == 200)
                #expect(!response.body.isEmpty)
                #expect(response.json == nil, "\(path) still parses")
            }
            let id = try await client.post("Requests", json: "{\"SystemID\":5,\"AccountID\":12,\"DurationMinutes\":5}")
            #expect(id.status == 201)
            #expect(id.json == nil)
        }
    }

    @Test func randomFaultsFollowTheSeed() async throws {
        func statuses(seed: UInt64) async throws -> [Int] {
            try await withSimulator(beyondTrustOptions(seed: seed, faults: try plan("error5xx=0.3,rate429=0.3"))) { simulator in
                let client = try BeyondTrustTestClient(simulator)
                try await client.signIn()
                var result: [Int] = []
                for _ in 0..<30 { result.append(try await client.get("ManagedSystems/5").status) }
                return result
            }
        }
        let first = try await statuses(seed: 3)
        #expect(try await statuses(seed: 3) == first)
        #expect(Set(first) == [200, 429, 503])
    }

    @Test func expireSessionAfterEndsBusySessionsAndTokens() async throws {
        let clock = ManualSimulatorClock(testStart)
        try await withSimulator(beyondTrustOptions(clock: clock, faults: try plan("expire-session-after=30s"))) { simulator in
            let client = try BeyondTrustTestClient(simulator)
            try await client.signIn()
            clock.advance(by: 20)
            #expect(try await client.get("ManagedSystems/5").status == 200)
            clock.advance(by: 10)
            #expect(try await client.get("ManagedSystems/5").status == 401)

            let form = "client_id=\(client.endpoint.credential("oauthClientId") ?? "")&client_secret=\(client.endpoint.credential("oauthClientSecret") ?? "")&grant_type=client_credentials"
            let token = try await client.send("POST", "Auth/connect/token", headers: [("Content-Type", "application/x-www-form-urlencoded")], body: Array(form.utf8), useSession: false)
            let value = try #require(token.object?["access_token"] as? String)
            clock.advance(by: 31)
            #expect(try await client.signIn("Bearer \(value)").status == 401)
        }
    }
}
