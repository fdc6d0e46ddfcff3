import Foundation
import PAMCore
import PAMVendors
import Testing

@Suite struct BeyondTrustSessionTests {
    func client(_ transport: ScriptedTransport, authentication: BeyondTrustConfiguration.Authentication? = nil) -> BeyondTrustClient {
        var configuration = BeyondTrustConfiguration(
            baseURL: ScriptedTransport.base,
            authentication: authentication ?? .apiKey(key: SecretBytes(utf8: "K3Y"), runAs: "svc", password: SecretBytes(utf8: "pw]d"))
        )
        configuration.retry = RetryPolicy(attempts: 3, baseDelay: .zero, maxDelay: .zero)
        return BeyondTrustClient(profile: "bt", configuration: configuration, transport: transport)
    }

    let account = Account(id: "50", systemID: "123", systemName: "DC01", name: "admin", maximumDurationMinutes: 120)

    @Test func signsInOnceWithPSAuthThenUsesTheCookieSession() async throws {
        let transport = ScriptedTransport { request, _ in
            request.url.hasSuffix("SignAppin") ? .json(200, #"{"UserId":1}"#) : .json(200, "[]")
        }
        let bt = client(transport)
        async let a = bt.listRequests()
        async let b = bt.listSystems()
        _ = try await (a, b)
        let signIns = transport.requests.filter { $0.url.hasSuffix("SignAppin") }
        #expect(signIns.count == 1)
        #expect(signIns.first?.headerText("Authorization") == "PS-Auth key=K3Y; runas=svc; pwd=[pw]d];")
        #expect(transport.requests.filter { !$0.url.hasSuffix("SignAppin") }.allSatisfy { $0.headerText("Authorization") == nil })
        await bt.signOut()
        #expect(transport.lines.last == "POST Auth/Signout")
    }

    @Test func oauthFetchesATokenAndSignsInWithIt() async throws {
        let transport = ScriptedTransport { request, _ in
            if request.url.hasSuffix("connect/token") { return .json(200, #"{"access_token":"t0k","expires_in":3600,"token_type":"Bearer"}"#) }
            return .json(200, "[]")
        }
        let bt = client(transport, authentication: .oauth(clientID: "id 1", clientSecret: SecretBytes(utf8: "s&cret")))
        _ = try await bt.listRequests()
        let token = try #require(transport.requests.first)
        #expect(token.bodyText == "client_id=id%201&client_secret=s%26cret&grant_type=client_credentials")
        #expect(token.headerText("Content-Type") == "application/x-www-form-urlencoded")
        #expect(token.responseIsSecret)
        #expect(transport.requests[1].headerText("Authorization") == "Bearer t0k")
    }

    @Test func a401SignsInAgainOnceAndRetriesIdempotentCalls() async throws {
        let transport = ScriptedTransport { request, index in
            if request.url.hasSuffix("SignAppin") { return .json(200, "{}") }
            return index == 1 ? .json(401, "") : .json(200, #"[{"ManagedSystemID":1,"SystemName":"a"}]"#)
        }
        let systems = try await client(transport).listSystems()
        #expect(systems.map(\.name) == ["a"])
        #expect(transport.lines == [
            "POST Auth/SignAppin", "GET ManagedSystems?limit=1000&offset=0", "POST Auth/SignAppin", "GET ManagedSystems?limit=1000&offset=0",
        ])
    }

    @Test func a401OnCheckOutSignsInAgainAndSendsItOnceMore() async throws {
        // A 401 proves the server did nothing, so even a check-out is safe to send again.
        let transport = ScriptedTransport { request, index in
            if request.url.hasSuffix("SignAppin") { return .json(200, "{}") }
            return index == 1 ? .json(401, "") : .json(201, "124")
        }
        let lease = try await client(transport).grantedLease(CheckoutRequest(account: account, confirmState: false))
        #expect(lease.requestID == "124")
        #expect(transport.lines == ["POST Auth/SignAppin", "POST Requests", "POST Auth/SignAppin", "POST Requests"])
    }

    @Test func aCheckOutRefusedTwiceIsNotSentAThirdTime() async throws {
        let transport = ScriptedTransport { request, _ in
            request.url.hasSuffix("SignAppin") ? .json(200, "{}") : .json(401, "")
        }
        await #expect { try await client(transport).grantedLease(CheckoutRequest(account: account)) } throws: { error in
            (error as? PAMError)?.kind == .authentication
        }
        #expect(transport.lines.filter { $0 == "POST Requests" }.count == 2)
    }

    @Test func refusedSignInIsAnAuthenticationErrorNamingProfileAndOperation() async throws {
        let transport = ScriptedTransport { _, _ in .json(401, "") }
        await #expect { try await client(transport).listSystems() } throws: { error in
            let error = error as? PAMError
            return error?.kind == .authentication && error?.exitCode == 3
                && error?.description.hasPrefix("bt: sign in: sign-in refused (401)") == true
        }
    }

    @Test func checkOutPostsTheRequestAndTakesExpiryFromTheServer() async throws {
        let expires = ISODateTime.format(Date().addingTimeInterval(20 * 60)).replacingOccurrences(of: "Z", with: "")
        let transport = ScriptedTransport { request, _ in
            switch (request.method, request.url) {
            case (.post, let url) where url.hasSuffix("Requests"): return .json(201, "124")
            case (.get, let url) where url.contains("Requests?status=all"):
                return .json(200, #"[{"RequestID":124,"SystemID":123,"AccountID":50,"ExpiresDate":"\#(expires)","Status":"Active"}]"#)
            default: return .json(200, "{}")
            }
        }
        let lease = try await client(transport).grantedLease(CheckoutRequest(account: account, reason: "patch", durationMinutes: 20))
        #expect(lease.requestID == "124")
        #expect(lease.expiresAt == ISODateTime.parse(expires))
        let post = try #require(transport.requests.first { $0.method == .post && $0.url.hasSuffix("Requests") })
        #expect(post.bodyText == #"{"AccessType":"View","AccountID":50,"ConflictOption":"reuse","DurationMinutes":20,"Reason":"patch","SystemID":123}"#)
    }

    @Test func conflictWithReuseFallsBackToMyActiveRequestLikeTheSDK() async throws {
        let transport = ScriptedTransport { request, _ in
            if request.method == .post && request.url.hasSuffix("Requests") { return .json(409, #""4091 - Conflicting request exists""#) }
            if request.url.contains("Requests?status=active") { return .json(200, #"[{"RequestID":77,"SystemID":123,"AccountID":50,"Status":"Active"}]"#) }
            return .json(200, "{}")
        }
        #expect(try await client(transport).grantedLease(CheckoutRequest(account: account)).requestID == "77")
    }

    @Test func conflictWithoutAnOptionIsAConflictError() async throws {
        let transport = ScriptedTransport { request, _ in
            if request.method == .post && request.url.hasSuffix("Requests") { return .json(409, #""4091 - Conflicting request exists""#) }
            if request.url.contains("Requests?status=active") { return .json(200, #"[{"RequestID":77,"SystemID":123,"AccountID":50,"Status":"Active"}]"#) }
            return .json(200, "{}")
        }
        await #expect { try await client(transport).grantedLease(CheckoutRequest(account: account, options: ["conflict": "none"])) } throws: { error in
            let error = error as? PAMError
            return error?.exitCode == 5 && error?.vendorCode == "4091" && error?.message.contains("request 77") == true
        }
        let post = try #require(transport.requests.first { $0.method == .post && $0.url.hasSuffix("Requests") })
        #expect(!post.bodyText.contains("ConflictOption"))
    }

    @Test func durationAndReasonAreCheckedBeforeAnythingIsSent() async throws {
        let transport = ScriptedTransport { _, _ in .json(200, "{}") }
        await #expect { try await client(transport).grantedLease(CheckoutRequest(account: account, durationMinutes: 600)) } throws: {
            ($0 as? PAMError)?.message == "duration 600 min exceeds the maximum of 120 min for DC01/admin"
        }
        #expect(!transport.lines.contains("POST Requests"))
    }

    @Test(arguments: [
        (#""4031 - no access""#, "you lack permission"), (#""4034 - pending""#, "not approved yet"), ("", "permission denied"),
    ])
    func permissionCodesAreExplainedInWords(body: String, words: String) async throws {
        let transport = ScriptedTransport { request, _ in
            request.url.hasSuffix("SignAppin") ? .json(200, "{}") : .json(403, body)
        }
        let lease = Lease(profile: "bt", vendor: BeyondTrustClient.vendorID, requestID: "9", accountID: "50", systemID: "123", systemName: "DC01",
                          accountName: "admin", reason: nil, issuedAt: Date(), expiresAt: Date())
        await #expect { try await client(transport).retrieve(lease, field: .password) } throws: { error in
            let error = error as? PAMError
            return error?.kind == .permission && error?.message.contains(words) == true
                && error?.description.hasPrefix("bt: retrieve credential: ") == true
        }
    }

    @Test func transientErrorsAreRetriedOnlyForIdempotentCalls() async throws {
        let transport = ScriptedTransport { request, index in
            if request.url.hasSuffix("SignAppin") { return .json(200, "{}") }
            if request.method == .get && index < 3 { return HTTPResponse(status: 503, headers: [("Retry-After", "0")]) }
            if request.method == .post { return .json(503, "") }
            return .json(200, "[]")
        }
        #expect(try await client(transport).listSystems().isEmpty)
        #expect(transport.lines.filter { $0.hasPrefix("GET ManagedSystems") }.count == 3)
        await #expect { try await client(transport).grantedLease(CheckoutRequest(account: account)) } throws: {
            ($0 as? PAMError)?.message == "server error 503"
        }
    }

    @Test func pagesAreFetchedUntilTheTotalAndKeptInOrder() async throws {
        let transport = ScriptedTransport { request, _ in
            guard let range = request.url.range(of: "offset=") else { return .json(200, "{}") }
            let offset = Int(request.url[range.upperBound...]) ?? 0
            let items = (offset..<min(offset + 1000, 4321)).map { #"{"ManagedSystemID":\#($0),"SystemName":"s\#($0)"}"# }
            return .json(200, #"{"TotalCount":4321,"Data":[\#(items.joined(separator: ","))]}"#)
        }
        let systems = try await client(transport).listSystems()
        #expect(systems.map(\.id) == (0..<4321).map(String.init))
        #expect(transport.lines.filter { $0.hasPrefix("GET") }.count == 5)
    }
}
