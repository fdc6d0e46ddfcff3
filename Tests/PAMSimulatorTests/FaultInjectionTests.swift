import Foundation
import PAMCore
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

    // MARK: Post-commit faults

    private let checkOutBody = "{\"SystemID\":5,\"AccountID\":12,\"DurationMinutes\":5}"

    /// The ids of the requests for system 5, account 12 (the ones these tests create).
    private func requestIDs(_ client: BeyondTrustTestClient) async throws -> [Int] {
        let listed = try await client.get("Requests")
        #expect(listed.status == 200)
        return try #require(listed.array)
            .filter { $0["SystemID"] as? Int == 5 && $0["AccountID"] as? Int == 12 }
            .compactMap { $0["RequestID"] as? Int }
    }

    @Test func commitThenDropCreatesTheRequestButNeverAnswers() async throws {
        let log = LockedLines()
        var options = beyondTrustOptions(faults: try plan("commit-then-drop=1,methods=POST"))
        options.requestLog = { log.append($0) }
        try await withSimulator(options) { simulator in
            let client = try BeyondTrustTestClient(simulator)
            #expect(try await client.signIn().status == 200)
            #expect(try await requestIDs(client).isEmpty)
            await #expect(throws: ConnectionClosed.self) { try await client.post("Requests", json: checkOutBody) }
            // The server committed all the same: a later GET on a clean connection lists the request.
            #expect(try await requestIDs(client).count == 1)
        }
        #expect(log.all.contains("POST /BeyondTrust/api/public/v3/Requests → 201, then connection dropped (fault: commit-then-drop)"))
    }

    @Test func commitThenDelayCommitsThenAnswersLate() async throws {
        let log = TimedLines()
        var options = beyondTrustOptions(faults: try plan("commit-then-delay=500ms,methods=POST"))
        options.requestLog = { log.append($0) }
        try await withSimulator(options) { simulator in
            let client = try BeyondTrustTestClient(simulator)
            try await client.signIn()
            let watcher = try BeyondTrustTestClient(simulator)
            watcher.cookie = client.cookie
            async let created = client.post("Requests", json: checkOutBody)

            // The log line comes at commit time, before the wait, and the request exists by then.
            try await waitUntil { log.instant(containing: "(fault: commit-then-delay)") != nil }
            let ids = try await requestIDs(watcher)
            #expect(ids.count == 1)

            let answer = try await created
            let answered = ContinuousClock.now
            #expect(answer.status == 201)
            #expect(Int(answer.text) == ids.first)
            let committed = try #require(log.instant(containing: "(fault: commit-then-delay)"))
            #expect(answered - committed >= .milliseconds(500))
        }
        #expect(log.lines.contains("POST /BeyondTrust/api/public/v3/Requests → 201 committed; answer delayed 500ms (fault: commit-then-delay)"))
        #expect(log.lines.contains("GET /BeyondTrust/api/public/v3/Requests → 200"))
    }

    @Test func aDelayedAnswerDoesNotHoldUpShutdown() async throws {
        let log = TimedLines()
        var options = beyondTrustOptions(faults: try plan("commit-then-delay=1h"))
        options.requestLog = { log.append($0) }
        let simulator = try await Simulator.start(options)
        let client = try BeyondTrustTestClient(simulator)
        try await client.signIn()
        async let created = client.post("Requests", json: checkOutBody)
        try await waitUntil { log.instant(containing: "answer delayed 3600s") != nil }
        await simulator.stop()
        // Shutting down ends the wait, and the committed answer is still written.
        #expect(try await created.status == 201)
    }

    @Test func methodsScopeLeavesOtherMethodsAlone() async throws {
        try await withSimulator(beyondTrustOptions(faults: try plan("drop=1,error5xx=1,malformed=1,commit-then-drop=1,methods=POST"))) { simulator in
            let client = try BeyondTrustTestClient(simulator)
            #expect(try await client.signIn().status == 200)
            for path in ["ManagedSystems", "ManagedSystems/5", "Requests"] {
                let response = try await client.get(path)
                #expect(response.status == 200)
                #expect(response.json != nil, "\(path) was malformed")
            }
            await #expect(throws: ConnectionClosed.self) { try await client.post("Requests", json: checkOutBody) }
            // drop comes before the handler, so this POST committed nothing.
            #expect(try await requestIDs(client).isEmpty)
        }
    }
}

/// Request-log lines with the instant each was written.
final class TimedLines: Sendable {
    private let entries = Locked<[(line: String, at: ContinuousClock.Instant)]>([])
    func append(_ line: String) { entries.withLock { $0.append((line, .now)) } }
    var lines: [String] { entries.withLock { $0.map(\.line) } }
    func instant(containing text: String) -> ContinuousClock.Instant? {
        entries.withLock { $0.first { $0.line.contains(text) }?.at }
    }
}
