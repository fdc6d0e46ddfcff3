import Foundation
import PAMCore
import PAMSimulator
import PAMTestSupport
import Testing

@Suite struct SecretServerAuthTests {
    @Test func healthCheckNeedsNoSignInAndSaysHealthyInPascalCase() async throws {
        try await withSimulator(secretServerOptions()) { simulator in
            let client = try SecretServerTestClient(simulator)
            #expect(client.endpoint.url.hasSuffix("/SecretServer"))
            let health = try await client.get("api/v1/healthcheck")
            #expect(health.status == 200)
            #expect(health.object?["Healthy"] as? Bool == true)
            #expect(health.object?["healthy"] == nil)
        }
    }

    @Test func passwordGrantWithOrWithoutTheDomain() async throws {
        try await withSimulator(secretServerOptions()) { simulator in
            let client = try SecretServerTestClient(simulator)
            #expect(client.username == "flex_api" && client.domain == "DAISYOPS" && !client.password.isEmpty)
            for domain in [nil, "DAISYOPS", "daisyops", ""] {
                let grant = try await client.signIn(domain: domain)
                #expect(grant.object?["token_type"] as? String == "bearer")
                #expect(grant.object?["expires_in"] as? Int == 1199)
                #expect((grant.object?["refresh_token"] as? String)?.isEmpty == false)
                #expect(try await client.get("api/v1/secrets/2610").status == 200)
            }
            // DOMAIN\user names the domain in the username.
            #expect(try await client.token([("username", "DAISYOPS\\flex_api"), ("password", client.password), ("grant_type", "password")]).status == 200)
        }
    }

    @Test(arguments: ["password", "domain", "user", "grant"])
    func badGrantsAre400WithAnOAuthError(_ kind: String) async throws {
        try await withSimulator(secretServerOptions()) { simulator in
            let client = try SecretServerTestClient(simulator)
            var form = [("username", client.username), ("password", client.password), ("grant_type", "password")]
            switch kind {
            case "password": form[1].1 += "x"
            case "domain": form.append(("domain", "ELSEWHERE"))
            case "user": form[0].1 = "nobody"
            default: form[2].1 = "client_credentials"
            }
            let refused = try await client.token(form)
            #expect(refused.status == 400)
            #expect(refused.object?["error"] is String)
            #expect(client.token == nil)
        }
    }

    @Test func theTwoFactorUserNeedsTheOTPHeader() async throws {
        try await withSimulator(secretServerOptions()) { simulator in
            let client = try SecretServerTestClient(simulator)
            let user = try #require(client.endpoint.credential("otpUsername"))
            let password = try #require(client.endpoint.credential("otpPassword"))
            let code = try #require(client.endpoint.credential("otpCode"))
            let form = [("username", user), ("password", password), ("grant_type", "password")]
            let missing = try await client.token(form)
            #expect(missing.status == 400)
            #expect((missing.object?["error"] as? String)?.contains("Two-factor authentication is required") == true)
            // The password is right, so the answer says whether the code is missing or wrong.
            let wrong = try await client.token(form, headers: [("otp", "000000" == code ? "111111" : "000000")])
            #expect(wrong.status == 400)
            #expect(wrong.object?["error"] as? String == "Login failed. The one-time code is not valid.")
            #expect((try await client.token([form[0], (form[1].0, form[1].1 + "x"), form[2]], headers: [("otp", code)])).object?["error"] as? String == "Login failed.")
            #expect(try await client.token(form, headers: [("otp", code)]).status == 200)
        }
    }

    @Test func refreshTokensAreSingleUseAndRunOutAfterThree() async throws {
        try await withSimulator(secretServerOptions()) { simulator in
            let client = try SecretServerTestClient(simulator)
            var refresh = try #require(try await client.signIn().object?["refresh_token"] as? String)
            for round in 1...3 {
                let used = refresh
                let answer = try await client.token([("grant_type", "refresh_token"), ("refresh_token", used)])
                #expect(answer.status == 200)
                #expect(try await client.get("api/v1/secrets/2610").status == 200)
                // Used once: a second use is refused.
                #expect(try await client.token([("grant_type", "refresh_token"), ("refresh_token", used)]).status == 400)
                if round < 3 {
                    refresh = try #require(answer.object?["refresh_token"] as? String)
                } else {
                    #expect(answer.object?["refresh_token"] == nil, "the third refresh is the last")
                }
            }
        }
    }

    @Test func tokensExpireAfterTheConfiguredLifetime() async throws {
        let clock = ManualSimulatorClock(testStart)
        try await withSimulator(secretServerOptions(clock: clock, settings: ["secretserver.token-ttl": "5m", "secretserver.max-refreshes": "0"])) { simulator in
            let client = try SecretServerTestClient(simulator)
            let grant = try await client.signIn()
            #expect(grant.object?["expires_in"] as? Int == 299)
            #expect(grant.object?["refresh_token"] == nil)
            clock.advance(by: 299)
            #expect(try await client.get("api/v1/secrets/2610").status == 200)
            clock.advance(by: 1)
            let expired = try await client.get("api/v1/secrets/2610")
            #expect(expired.status == 401)
            #expect(expired.object?["message"] as? String == "Authentication failed or was not provided.")
        }
    }

    @Test func refreshTokensLiveFifteenMinutesLongerThanTheSession() async throws {
        let clock = ManualSimulatorClock(testStart)
        try await withSimulator(secretServerOptions(clock: clock, settings: ["secretserver.token-ttl": "10m"])) { simulator in
            let client = try SecretServerTestClient(simulator)
            let refresh = try #require(try await client.signIn().object?["refresh_token"] as? String)
            clock.advance(by: 24 * 60)
            #expect(try await client.get("api/v1/secrets/2610").status == 401)
            #expect(try await client.token([("grant_type", "refresh_token"), ("refresh_token", refresh)]).status == 200)
            let late = try #require(try await client.signIn().object?["refresh_token"] as? String)
            clock.advance(by: 25 * 60)
            #expect(try await client.token([("grant_type", "refresh_token"), ("refresh_token", late)]).status == 400)
        }
    }

    @Test func expiredTokenStatusCanBe403() async throws {
        try await withSimulator(secretServerOptions(settings: ["secretserver.expired-token-status": "403"])) { simulator in
            let client = try SecretServerTestClient(simulator)
            let refused = try await client.get("api/v1/secrets/2610")
            #expect(refused.status == 403)
            #expect(refused.object?["message"] is String)
        }
    }

    @Test func oauthExpirationEndsTheTokenAndItsRefreshChain() async throws {
        try await withSimulator(secretServerOptions()) { simulator in
            let client = try SecretServerTestClient(simulator)
            let refresh = try #require(try await client.signIn().object?["refresh_token"] as? String)
            #expect(try await client.post("api/v1/oauth-expiration").status == 200)
            #expect(try await client.get("api/v1/secrets/2610").status == 401)
            #expect(try await client.token([("grant_type", "refresh_token"), ("refresh_token", refresh)]).status == 400)
            #expect(try await client.post("api/v1/oauth-expiration").status == 401)
        }
    }

    @Test func noTokenOrAnUnknownOneIs401AndUnknownRoutes404() async throws {
        try await withSimulator(secretServerOptions()) { simulator in
            let client = try SecretServerTestClient(simulator)
            #expect(try await client.get("api/v1/secrets/2610").status == 401)
            client.token = "not-a-token"
            #expect(try await client.get("api/v1/folders/1809").status == 401)
            try await client.signIn()
            let missing = try await client.get("api/v1/no-such-thing")
            #expect(missing.status == 404)
            #expect((missing.object?["message"] as? String)?.contains("No HTTP resource") == true)
        }
    }

    @Test func unknownOrBadSettingsFailTheStart() async throws {
        for settings in [["secretserver.nope": "1"], ["secretserver.token-ttl": "soon"], ["beyondtrust.token-ttl": "5m"], ["token-ttl": "5m"]] {
            await #expect(throws: PAMError.self) { try await Simulator.start(secretServerOptions(settings: settings)) }
        }
    }
}
