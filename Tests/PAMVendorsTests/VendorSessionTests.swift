import Foundation
import PAMCore
import PAMVendors
import Testing

/// The session kit with a made-up vendor: a bearer token from `POST token`, expiry read from a
/// header, and (like Secret Server) a 403 that may also mean "session over".
@Suite struct VendorSessionTests {
    struct TokenAuthenticator: SessionAuthenticator {
        let signIns: Locked<Int>
        var endedOn: Set<Int> = [401]

        func signIn(over transport: any HTTPTransport, retry: RetryPolicy, now: Date) async throws -> SessionGrant {
            let number = signIns.withLock { count in
                count += 1
                return count
            }
            let response = try await transport.send(HTTPRequest(.post, "https://pam.test/token"))
            guard response.status == 200 else { throw PAMError(.authentication, "sign-in refused (\(response.status))") }
            return SessionGrant(headers: [HTTPHeader("Authorization", secret: SecretBytes(utf8: "Bearer t\(number)"))],
                                expiresAt: now.addingTimeInterval(300))
        }

        func signOut(_ grant: SessionGrant, over transport: any HTTPTransport) async {
            _ = try? await transport.send(HTTPRequest(.post, "https://pam.test/logout", headers: grant.headers))
        }

        func sessionEnded(_ response: HTTPResponse) -> Bool { endedOn.contains(response.status) }

        func expiry(after response: HTTPResponse, grant: SessionGrant, at now: Date) -> Date? {
            response.header("X-Minutes-Left").flatMap(Double.init).map { now.addingTimeInterval($0 * 60) } ?? grant.expiresAt
        }
    }

    let t0 = Date(timeIntervalSince1970: 1_800_000_000)
    let noRetry = RetryPolicy(attempts: 1, baseDelay: .zero, maxDelay: .zero)

    func session(_ transport: ScriptedTransport, signIns: Locked<Int>, endedOn: Set<Int> = [401]) -> VendorSession {
        let t0 = self.t0
        return VendorSession(
            transport: transport, authenticator: TokenAuthenticator(signIns: signIns, endedOn: endedOn), retry: noRetry, now: { t0 })
    }

    @Test func concurrentCallersShareOneSignInAndEveryCallCarriesTheGrant() async throws {
        let signIns = Locked(0)
        let transport = ScriptedTransport { request, _ in .json(200, request.url.hasSuffix("token") ? "{}" : "[]") }
        let kit = session(transport, signIns: signIns)
        #expect(await kit.status == .signedOut)
        async let a = kit.send(HTTPRequest(.get, "https://pam.test/a"), operation: "a")
        async let b = kit.send(HTTPRequest(.get, "https://pam.test/b"), operation: "b")
        _ = try await (a, b)
        #expect(signIns.withLock { $0 } == 1)
        #expect(transport.requests.filter { !$0.url.hasSuffix("token") }.allSatisfy { $0.headerText("Authorization") == "Bearer t1" })
        #expect(await kit.status == SessionStatus(.signedIn, expiresAt: t0.addingTimeInterval(300)))
        await kit.signOut()
        #expect(transport.lines.last == "POST https://pam.test/logout")
        #expect(await kit.status == .signedOut)
    }

    @Test func anEndedSessionSignsInOnceMoreAndResendsWhatIsSafe() async throws {
        let signIns = Locked(0)
        let transport = ScriptedTransport { request, index in
            if request.url.hasSuffix("token") { return .json(200, "{}") }
            return request.headerText("Authorization") == "Bearer t1" ? .json(403, #"{"message":"expired"}"#) : .json(200, "[]")
        }
        let kit = session(transport, signIns: signIns, endedOn: [401, 403])
        let answer = try await kit.send(HTTPRequest(.get, "https://pam.test/list"), operation: "list")
        #expect(answer.status == 200 && signIns.withLock { $0 } == 2)
        #expect(transport.requests.last?.headerText("Authorization") == "Bearer t2")
    }

    @Test func aPostIsResentAfterA401ButNotAfterAnotherSessionEnd() async throws {
        let signIns = Locked(0)
        let transport = ScriptedTransport { request, _ in
            if request.url.hasSuffix("token") { return .json(200, "{}") }
            let first = request.headerText("Authorization") == "Bearer t1"
            if request.url.hasSuffix("/requests") { return first ? .json(401, "") : .json(200, "\"ok\"") }
            return first || request.headerText("Authorization") == "Bearer t2" && request.url.hasSuffix("/other")
                ? .json(403, "") : .json(200, "\"ok\"")
        }
        // A 401 is a refusal at the door: the check-out did not happen, so it goes again once.
        let kit = session(transport, signIns: signIns, endedOn: [401, 403])
        let created = try await kit.send(HTTPRequest(.post, "https://pam.test/requests"), operation: "check-out")
        #expect(created.status == 200)
        #expect(transport.lines.filter { $0.hasSuffix("/requests") }.count == 2)
        // A 403 that ends the session (Secret Server's way) proves nothing about the call.
        await #expect { try await kit.send(HTTPRequest(.post, "https://pam.test/other"), operation: "check-out") } throws: {
            ($0 as? PAMError)?.message.contains("not sent again because it is not idempotent") == true
        }
        #expect(transport.lines.filter { $0.hasSuffix("/other") }.count == 1)
        // A read that is a POST (Axidian's password retrieval) may be resent.
        let read = try await kit.send(HTTPRequest(.post, "https://pam.test/password"), safeToResend: true, operation: "retrieve")
        #expect(read.status == 200)
    }

    @Test func aSessionKnownToBeOverIsRenewedBeforeTheCallGoesOut() async throws {
        let signIns = Locked(0)
        let clock = Locked(Date(timeIntervalSince1970: 1_800_000_000))
        let transport = ScriptedTransport { request, _ in
            request.url.hasSuffix("token") ? .json(200, "{}") : .json(200, "[]")
        }
        let kit = VendorSession(
            transport: transport, authenticator: TokenAuthenticator(signIns: signIns), retry: noRetry, now: { clock.withLock { $0 } })
        _ = try await kit.send(HTTPRequest(.get, "https://pam.test/list"), operation: "list")
        clock.withLock { $0 = $0.addingTimeInterval(301) }
        _ = try await kit.send(HTTPRequest(.post, "https://pam.test/requests"), operation: "check-out")
        #expect(signIns.withLock { $0 } == 2)
        #expect(transport.lines.filter { $0.hasSuffix("/requests") }.count == 1)
    }

    @Test func expiryFollowsWhatTheVendorReadsFromEachAnswer() async throws {
        let transport = ScriptedTransport { request, _ in
            request.url.hasSuffix("token") ? .json(200, "{}")
                : HTTPResponse(status: 200, headers: [("X-Minutes-Left", "12")], body: SecretBytes(utf8: "[]"))
        }
        let kit = session(transport, signIns: Locked(0))
        _ = try await kit.send(HTTPRequest(.get, "https://pam.test/me"), operation: "me")
        #expect(await kit.status.expiresAt == t0.addingTimeInterval(12 * 60))
    }

    @Test func aRefusedSignInIsReportedAsFailed() async throws {
        let transport = ScriptedTransport { _, _ in .json(401, "") }
        let kit = session(transport, signIns: Locked(0))
        await #expect(throws: PAMError.self) { try await kit.send(HTTPRequest(.get, "https://pam.test/x"), operation: "x") }
        #expect(await kit.status.state == .failed)
    }
}
