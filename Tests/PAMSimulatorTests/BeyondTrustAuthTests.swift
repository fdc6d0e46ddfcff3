import Foundation
import PAMSimulator
import PAMTestSupport
import Testing

@Suite struct BeyondTrustAuthTests {
    @Test func signAppInWithBIPSHeaderSetsASessionCookie() async throws {
        try await withSimulator(beyondTrustOptions()) { simulator in
            let client = try BeyondTrustTestClient(simulator)
            #expect(client.apiKey.count == 128)
            #expect(("\(client.apiKey);runas=\(client.runAs);").count >= 128)
            let response = try await client.signIn()
            #expect(response.status == 200)
            #expect(response.header("Content-Type")?.hasPrefix("application/json") == true)
            let cookie = try #require(response.header("Set-Cookie"))
            #expect(cookie.hasPrefix("ASP.NET_SessionId="))
            #expect(cookie.hasSuffix("; path=/; HttpOnly"))
            let user = try #require(response.object)
            #expect(user["UserName"] as? String == "svc-pamtui")
            #expect(user["UserId"] as? Int == 2)
            #expect(user["SID"] is String && user["EmailAddress"] is String && user["Name"] is String)
            // GOLIB style: cookie only, no Authorization header.
            #expect(try await client.get("ManagedSystems").status == 200)
        }
    }

    @Test func documentedSpacedHeaderWithPasswordAndMixedCasePaths() async throws {
        try await withSimulator(beyondTrustOptions()) { simulator in
            let client = try BeyondTrustTestClient(simulator)
            let header = "PS-Auth key=\(client.apiKey); runas=\(client.runAs); pwd=[\(client.password)];"
            for path in ["Auth/SignAppin", "auth/signappin", "AUTH/SIGNAPPIN"] {
                #expect(try await client.signIn(header, path: path).status == 200)
            }
            client.authorization = header
            #expect(try await client.get("managedsystems").status == 200)
        }
    }

    @Test(arguments: ["wrong-key", "wrong-user", "wrong-password", "no-runas", "none", "garbage"])
    func refusesBadCredentials(_ kind: String) async throws {
        try await withSimulator(beyondTrustOptions()) { simulator in
            let client = try BeyondTrustTestClient(simulator)
            let header: String = switch kind {
            case "wrong-key": "PS-Auth key=\(String(repeating: "0", count: 128)); runas=\(client.runAs);"
            case "wrong-user": "PS-Auth key=\(client.apiKey); runas=someone-else;"
            case "wrong-password": "PS-Auth key=\(client.apiKey); runas=\(client.runAs); pwd=[nope];"
            case "no-runas": "PS-Auth key=\(client.apiKey);"
            case "garbage": "Basic Zm9vOmJhcg=="
            default: ""
            }
            let response = try await client.send("POST", "Auth/SignAppin", headers: header.isEmpty ? [] : [("Authorization", header)], useSession: false)
            #expect(response.status == 401)
            #expect(response.header("Set-Cookie") == nil)
        }
    }

    @Test func callsWithoutOrWithUnknownCookieAre401() async throws {
        try await withSimulator(beyondTrustOptions()) { simulator in
            let client = try BeyondTrustTestClient(simulator)
            #expect(try await client.get("ManagedAccounts").status == 401)
            client.cookie = "ASP.NET_SessionId=doesnotexist"
            #expect(try await client.get("ManagedAccounts").status == 401)
            // A valid Authorization header alone does not make a session.
            client.cookie = nil
            client.authorization = client.bipsHeader
            #expect(try await client.get("ManagedAccounts").status == 401)
        }
    }

    @Test func sessionEndsAfterTwentyIdleMinutesButActivityKeepsItAlive() async throws {
        let clock = ManualSimulatorClock(testStart)
        try await withSimulator(beyondTrustOptions(clock: clock)) { simulator in
            let client = try BeyondTrustTestClient(simulator)
            try await client.signIn()
            for _ in 0..<3 {
                clock.advance(by: 19 * 60)
                #expect(try await client.get("ManagedSystems/5").status == 200)
            }
            clock.advance(by: 20 * 60)
            #expect(try await client.get("ManagedSystems/5").status == 401)
            try await client.signIn()
            #expect(try await client.get("ManagedSystems/5").status == 200)
        }
    }

    @Test func signOutEndsTheSessionAndAlwaysAnswers200Empty() async throws {
        try await withSimulator(beyondTrustOptions()) { simulator in
            let client = try BeyondTrustTestClient(simulator)
            try await client.signIn()
            let out = try await client.send("POST", "Auth/Signout")
            #expect(out.status == 200)
            #expect(out.body.isEmpty)
            #expect(try await client.get("ManagedSystems").status == 401)
            #expect(try await client.send("POST", "auth/signout").status == 200)
        }
    }

    @Test func oauthTokenThenBearerSignInAndTokenExpiry() async throws {
        let clock = ManualSimulatorClock(testStart)
        try await withSimulator(beyondTrustOptions(clock: clock)) { simulator in
            let client = try BeyondTrustTestClient(simulator)
            let id = try #require(client.endpoint.credential("oauthClientId"))
            let secret = try #require(client.endpoint.credential("oauthClientSecret"))
            #expect(id.count == 36)
            #expect((36...64).contains(secret.count))
            let form = "client_id=\(id)&client_secret=\(secret)&grant_type=client_credentials"
            let formHeaders = [("Content-Type", "application/x-www-form-urlencoded")]
            let response = try await client.send("POST", "Auth/connect/token", headers: formHeaders, body: Array(form.utf8), useSession: false)
            #expect(response.status == 200)
            let body = try #require(response.object)
            #expect(body["expires_in"] as? Int == 3600)
            #expect(body["token_type"] as? String == "Bearer")
            #expect(body["scope"] is String)
            let token = try #require(body["access_token"] as? String)

            #expect(try await client.signIn("Bearer \(token)").status == 200)
            client.authorization = "Bearer \(token)"
            #expect(try await client.get("ManagedSystems?limit=10&offset=0").status == 200)

            // Keep the session busy so that only the token's hour can end it.
            for _ in 0..<3 {
                clock.advance(by: 15 * 60)
                #expect(try await client.get("ManagedSystems?limit=10&offset=0").status == 200)
            }
            clock.advance(by: 15 * 60)
            let expired = try await client.get("ManagedSystems?limit=10&offset=0")
            #expect(expired.status == 401)
            #expect(expired.text.contains("expired"))
            #expect(try await client.signIn("Bearer \(token)").status == 401)

            let bad = "client_id=\(id)&client_secret=wrong&grant_type=client_credentials"
            #expect(try await client.send("POST", "Auth/connect/token", headers: formHeaders, body: Array(bad.utf8), useSession: false).status == 401)
            #expect(try await client.signIn("Bearer not-a-token").status == 401)
        }
    }
}
