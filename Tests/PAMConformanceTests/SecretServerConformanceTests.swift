import Foundation
import PAMCore
import PAMModules
import Testing

/// Secret Server's own scenarios, through the kit's capabilities and the client the CLI makes:
/// the check-out lock is exclusive and ends by itself, a comment is asked for where required,
/// and refresh tokens are spent once.
@Suite struct SecretServerConformanceTests {
    let test = ConformanceCase.all.first { $0.module.id == SecretServerModule().id }!
    let admin = "Restricted/Domain Admin (check-out)"
    let vault = "Restricted/Backup vault (comment and check-out)"

    func account(_ client: any AccountLookup, _ path: String) async throws -> Account {
        let reference = try TargetReference(parsing: path).account()
        return try await client.findAccount(systemName: reference.system, accountName: reference.account)
    }

    /// The demo user's client and jdoe's, with their check-out capability.
    func twoUsers(_ fixture: ConformanceFixture) throws -> (any AccountLookup & CredentialCheckout, any AccountLookup & CredentialCheckout) {
        let other = try fixture.client(replacing: [
            "username": try #require(fixture.endpoint.credential("otherUsername")),
            "password": try #require(fixture.endpoint.credential("otherPassword")),
        ])
        return (try #require(fixture.client as? any AccountLookup & CredentialCheckout), try #require(other as? any AccountLookup & CredentialCheckout))
    }

    @Test func aCheckOutIsExclusiveUntilItIsCheckedIn() async throws {
        try await ConformanceFixture.with(test) { fixture in
            let (me, other) = try twoUsers(fixture)
            let mine = try #require(try await me.checkOut(CheckoutRequest(account: try await account(me, admin), reason: "exclusive")).lease)
            await #expect { try await other.checkOut(CheckoutRequest(account: try await account(other, admin), reason: "me too")) } throws: { error in
                let error = error as? PAMError
                return error?.kind == .conflict && error?.message.contains("checked out by") == true
            }
            try await me.release(requestID: mine.requestID, action: .checkIn, reason: nil)
            let theirs = try #require(try await other.checkOut(CheckoutRequest(account: try await account(other, admin), reason: "my turn")).lease)
            try await other.release(requestID: theirs.requestID, action: .checkIn, reason: nil)
            await other.signOut()
        }
    }

    /// The check-out itself takes no body (the spec); the comment goes with each read of the
    /// checked-out secret.
    @Test func aSecretThatRequiresACommentIsReadOnlyWithOne() async throws {
        try await ConformanceFixture.with(test) { fixture in
            let client = try #require(fixture.client as? any AccountLookup & CredentialCheckout & FieldRetrieval)
            let secret = try await account(client, vault)
            let lease = try #require(try await client.checkOut(CheckoutRequest(account: secret, reason: nil)).lease)
            await #expect { try await client.retrieve(.account(secret), fields: .one("password"), context: RetrievalContext(lease: lease)) } throws: { error in
                let error = error as? PAMError
                return error?.kind == .usage && error?.message.contains("requires a comment") == true
            }
            let password = try await client.retrieve(.account(secret), fields: .one("password"), context: RetrievalContext(lease: lease, reason: "restore test"))
            #expect(password.first.map { $0.value.count > 0 } == true)
            password.forEach { $0.value.wipe() }
            try await client.release(requestID: lease.requestID, action: .checkIn, reason: nil)
        }
    }

    @Test func aCheckOutEndsByItselfWhenItsTimeIsUp() async throws {
        try await ConformanceFixture.with(test) { fixture in
            let (me, other) = try twoUsers(fixture)
            let lease = try #require(try await me.checkOut(CheckoutRequest(account: try await account(me, admin), reason: "short")).lease)
            #expect(try await me.listRequests().contains { $0.id == lease.requestID })
            fixture.clock.advance(by: lease.expiresAt.timeIntervalSince(lease.issuedAt) + 60)
            #expect(try await me.listRequests().allSatisfy { $0.id != lease.requestID }, "checked in at expiry")
            let theirs = try #require(try await other.checkOut(CheckoutRequest(account: try await account(other, admin), reason: "free again")).lease)
            try await other.release(requestID: theirs.requestID, action: .checkIn, reason: nil)
            await other.signOut()
        }
    }

    @Test func eachRefreshTokenIsSpentOnceThenAFullSignIn() async throws {
        try await ConformanceFixture.with(test) { fixture in
            let folders = try #require(fixture.client as? any FolderBrowsing)
            _ = try await folders.listFolders()
            // Four token lifetimes, each ending with callers racing: three refreshes, then the
            // chain is spent and the password grant signs in again. A reused refresh token would
            // be refused (400).
            for _ in 0..<4 {
                fixture.clock.advance(by: test.sessionLifetime + 1)
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for _ in 0..<3 { group.addTask { _ = try await folders.listFolders() } }
                    try await group.waitForAll()
                }
            }
            #expect(fixture.served("oauth2/token").count == 5, "one sign-in, one renewal per lifetime: \(fixture.served("oauth2/token"))")
            #expect(fixture.served("oauth2/token → 400").isEmpty)
            #expect(await fixture.client.sessionStatus().state == .signedIn)
        }
    }
}
