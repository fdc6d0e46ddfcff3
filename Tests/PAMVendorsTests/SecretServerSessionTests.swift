import Foundation
import PAMCore
import PAMVendors
import Testing

/// Secret Server's session on the kit: health check, password grant (domain, one-time code),
/// single-use refresh tokens up to the cap, renewal before the token runs out, 401/403 as "token
/// over", and sign-out by token expiry.
@Suite struct SecretServerSessionTests {
    let folders = #"{"records":[{"id":3,"folderName":"Infra","folderPath":"\\Infra","parentFolderId":-1}],"total":1,"hasNext":false}"#

    func fake() -> SecretServerFake {
        let fake = SecretServerFake()
        fake.route("api/v1/folders", 200, folders)
        return fake
    }

    @Test func checksHealthThenSignsInWithDomainAndAFreshCodeEachTime() async throws {
        let fake = fake()
        let codes = Locked(0)
        let client = fake.client(maxRefreshes: 0, domain: "CORP") {
            SecretBytes(utf8: "\(codes.withLock { count in count += 1; return 100_000 + count })")
        }
        _ = try await client.listFolders()
        #expect(Array(fake.lines.prefix(3)) == ["GET api/v1/healthcheck", "POST oauth2/token", "GET api/v1/folders?skip=0&take=500"])
        let token = try #require(fake.transport.requests.first { $0.url.hasSuffix("oauth2/token") })
        #expect(token.bodyText == "username=svc&password=p%26ss&grant_type=password&domain=CORP")
        #expect(token.headerText("otp") == "100001")
        #expect(fake.transport.requests[2].headerText("Authorization") == "Bearer at1")
        // Without refreshes a new sign-in asks for a new code: a one-time code is never replayed.
        fake.expireAccessTokens()
        _ = try await client.listFolders()
        #expect(fake.transport.requests.filter { $0.url.hasSuffix("oauth2/token") }.compactMap { $0.headerText("otp") } == ["100001", "100002"])
        await client.signOut()
        #expect(fake.lines.last == "POST api/v1/oauth-expiration")
        #expect(fake.transport.requests.last?.headerText("Authorization") == "Bearer at2")
        #expect(await client.sessionStatus() == .signedOut)
    }

    @Test func aWebPageAtTheHealthCheckIsNotASecretServer() async throws {
        let fake = fake()
        fake.state.withLock { $0.health = "<!DOCTYPE html><html><body>Login</body></html>" }
        await #expect { try await fake.client().listFolders() } throws: { error in
            let error = error as? PAMError
            return error?.message.hasPrefix("not a Secret Server at \(SecretServerFake.site)") == true && error?.profile == "ss"
        }
        #expect(fake.lines == ["GET api/v1/healthcheck"])
    }

    @Test func aHealthCheckWithoutHealthyIsRefusedAndUnhealthyIsAServerError() async throws {
        let fake = fake()
        fake.state.withLock { $0.health = #"{"status":"ok"}"# }
        await #expect { try await fake.client().listFolders() } throws: { ($0 as? PAMError)?.kind == .configuration }
        fake.state.withLock { $0.health = #"{"Healthy":false}"# }
        await #expect { try await fake.client().listFolders() } throws: { ($0 as? PAMError)?.kind == .server }
    }

    @Test func wrongCredentialsAreAnAuthenticationError() async throws {
        let fake = fake()
        var configuration = SecretServerConfiguration(siteURL: SecretServerFake.site, username: "svc", password: SecretBytes(utf8: "wrong"))
        configuration.retry = RetryPolicy(attempts: 1, baseDelay: .zero, maxDelay: .zero)
        let client = SecretServerClient(profile: "ss", configuration: configuration, transport: fake.transport)
        await #expect { try await client.listFolders() } throws: { error in
            let error = error as? PAMError
            return error?.kind == .authentication && error?.exitCode == 3 && error?.message.contains("Login failed.") == true
        }
        #expect(await client.sessionStatus().state == .failed)
    }

    @Test func theTokenIsRenewedBeforeItRunsOutEachRefreshTokenOnceThenAFullSignIn() async throws {
        let fake = fake()
        let client = fake.client(maxRefreshes: 3)
        _ = try await client.listFolders()
        // 60 s before the end (at most a tenth of 1200 s): renewed before the call goes out.
        for _ in 0..<4 {
            fake.advance(1200 - 60)
            _ = try await client.listFolders()
        }
        #expect(fake.state.withLock { $0.grants } == ["password", "refresh_token", "refresh_token", "refresh_token", "password"])
        let refreshes = fake.transport.requests.filter { $0.bodyText.hasPrefix("grant_type=refresh_token") }.map(\.bodyText)
        #expect(refreshes == ["grant_type=refresh_token&refresh_token=rt1", "grant_type=refresh_token&refresh_token=rt2", "grant_type=refresh_token&refresh_token=rt3"])
        // No call ever went out with a token the server had stopped accepting.
        #expect(!fake.transport.requests.isEmpty && fake.lines.filter { $0.hasPrefix("GET api/v1/folders") }.count == 5)
        #expect(await client.sessionStatus() == SessionStatus(.signedIn, expiresAt: fake.now.addingTimeInterval(1200)))
    }

    @Test func concurrentCallersThatSeeTheTokenEndSpendOneRefreshToken() async throws {
        let fake = fake()
        let client = fake.client()
        _ = try await client.listFolders()
        fake.expireAccessTokens()
        async let a = client.listFolders()
        async let b = client.listFolders()
        async let c = client.listFolders()
        _ = try await (a, b, c)
        #expect(fake.state.withLock { $0.grants } == ["password", "refresh_token"])
    }

    @Test func aSpentRefreshTokenFallsBackToAFullSignIn() async throws {
        let fake = fake()
        let client = fake.client()
        _ = try await client.listFolders()
        fake.state.withLock { $0.validRefresh = [] }
        fake.expireAccessTokens()
        _ = try await client.listFolders()
        #expect(fake.state.withLock { $0.grants } == ["password", "password"])
    }

    @Test func a403EndsTheSessionReadsAreResentButACheckOutIsNot() async throws {
        let fake = fake()
        fake.state.withLock { $0.expireWith = 403 }
        fake.route("api/v1/secrets/7/state", 200, #"{"id":7,"secretState":"RequiresCheckout","isCheckedOut":false,"checkOutIntervalMinutes":30}"#)
        fake.route("api/v1/secrets/7/check-out", 200, #"{"responseCodes":[]}"#)
        let client = fake.client()
        _ = try await client.listFolders()
        fake.expireAccessTokens()
        _ = try await client.listFolders()
        #expect(fake.state.withLock { $0.grants } == ["password", "refresh_token"])
        // A check-out POST that meets a 403 is not sent again: a 403 does not prove the server
        // did nothing (only a 401 does).
        let account = Account(id: "7", systemID: "3", systemName: "Infra", name: "db", defaultDurationMinutes: 30)
        fake.state.withLock { $0.expireAfter = "api/v1/secrets/7/state" }
        await #expect { try await client.checkOut(CheckoutRequest(account: account, confirmState: false)) } throws: { error in
            (error as? PAMError)?.kind == .authentication && (error as? PAMError)?.message.contains("not idempotent") == true
        }
        #expect(fake.lines.filter { $0 == "POST api/v1/secrets/7/check-out" }.count == 1)
    }
}
