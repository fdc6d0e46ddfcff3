import Foundation
import PAMCore
import PAMConfig
import PAMSimulator
import Testing

/// The scenarios every vendor passes, run in-process against each vendor's simulator.
@Suite struct ConformanceTests {
    @Test(arguments: ConformanceCase.all)
    func signsInOnFirstUseListsWhatItCanAndSignsOut(_ test: ConformanceCase) async throws {
        try await ConformanceFixture.with(test) { fixture in
            let client = fixture.client
            #expect(await client.sessionStatus().state == .signedOut)
            let declared = test.module.capabilities(for: try profileOf(test))
            #expect(client.capabilities == declared)
            if let systems = client as? any SystemBrowsing {
                let listed = try await systems.listSystems()
                #expect(!listed.isEmpty)
            }
            if let accounts = client as? any AccountBrowsing {
                let listed = try await accounts.listAccounts(.all)
                #expect(!listed.isEmpty)
            }
            if let folders = client as? any FolderBrowsing {
                let listed = try await folders.listFolders()
                #expect(!listed.isEmpty)
            }
            let status = await client.sessionStatus()
            #expect(status.state == .signedIn)
            #expect(status.expiresAt != nil)
            await client.signOut()
            #expect(await client.sessionStatus().state == .signedOut)
        }
    }

    @Test(arguments: ConformanceCase.all.filter { $0.account != nil })
    func resolvesAReferenceChecksOutReadsEveryFieldAndChecksIn(_ test: ConformanceCase) async throws {
        try await ConformanceFixture.with(test) { fixture in
            let client = try #require(fixture.client as? any AccountLookup & CredentialCheckout & FieldRetrieval)
            let reference = try TargetReference(parsing: try #require(test.account)).account()
            let account = try await client.findAccount(systemName: reference.system, accountName: reference.account)
            #expect(account.path == test.account)
            let lease = try #require(try await client.checkOut(CheckoutRequest(account: account, reason: "conformance")).lease)
            #expect(lease.expiresAt > lease.issuedAt)
            let open = try #require(try await client.listRequests().first { $0.id == lease.requestID })
            #expect(open.isUsable && open.release == .checkIn)
            let passwordField = try #require(account.fields.field(named: "password"))
            let values = try await client.retrieve(.account(account), fields: .one(passwordField.slug), context: RetrievalContext(lease: lease))
            #expect(values.map(\.field) == [passwordField])
            #expect(values.allSatisfy { $0.value.count > 0 })
            values.forEach { $0.value.wipe() }
            try await client.release(requestID: lease.requestID, action: .checkIn, reason: "conformance done")
            #expect(try await client.listRequests().allSatisfy { $0.id != lease.requestID })
        }
    }

    @Test(arguments: ConformanceCase.all.filter { $0.secret != nil })
    func readsEveryFieldOfAStoredSecretWithoutALease(_ test: ConformanceCase) async throws {
        try await ConformanceFixture.with(test) { fixture in
            let client = try #require(fixture.client as? any FolderBrowsing & FieldRetrieval)
            let secret = try await listedSecret(test, client)
            let values = try await client.retrieve(.secret(secret), fields: .all, context: RetrievalContext())
            #expect(values.map(\.field.slug) == secret.fields.map(\.slug))
            #expect(values.allSatisfy { $0.value.count > 0 })
            values.forEach { $0.value.wipe() }
            await #expect { try await client.retrieve(.secret(secret), fields: .one("no-such-field"), context: RetrievalContext()) } throws: {
                ($0 as? PAMError)?.exitCode == 4
            }
        }
    }

    @Test(arguments: ConformanceCase.all.filter { $0.secret != nil })
    func describesAStoredSecretWithItsPlainValuesAndNoSecretOnes(_ test: ConformanceCase) async throws {
        try await ConformanceFixture.with(test) { fixture in
            let client = try #require(fixture.client as? any FolderBrowsing & FieldRetrieval)
            let secret = try await listedSecret(test, client)
            let fields = try await client.describe(.secret(secret), context: RetrievalContext())
            #expect(fields.map(\.slug) == secret.fields.map(\.slug), "the listing's fields, in its order")
            #expect(fields.allSatisfy { $0.isSecret ? $0.plainValue == nil : $0.plainValue != nil })
            #expect(fields.contains { !$0.isSecret }, "a secret with a user name or host to show")
        }
    }

    @Test(arguments: ConformanceCase.all)
    func wrongCredentialsAreAnAuthenticationError(_ test: ConformanceCase) async throws {
        try await ConformanceFixture.with(test, corrupting: test.credentialKey) { fixture in
            await #expect { try await anyList(fixture.client) } throws: { error in
                let error = error as? PAMError
                return error?.kind == .authentication && error?.exitCode == 3 && error?.profile == test.module.id.rawValue
            }
            #expect(await fixture.client.sessionStatus().state == .failed)
        }
    }

    @Test(arguments: ConformanceCase.all.filter { $0.missingAccount != nil })
    func aMissingAccountIsNotFound(_ test: ConformanceCase) async throws {
        try await ConformanceFixture.with(test) { fixture in
            let client = try #require(fixture.client as? any AccountLookup)
            let reference = try TargetReference(parsing: try #require(test.missingAccount)).account()
            await #expect { try await client.findAccount(systemName: reference.system, accountName: reference.account) } throws: {
                ($0 as? PAMError)?.exitCode == 4
            }
        }
    }

    @Test(arguments: ConformanceCase.all)
    func anExpiredSessionSignsInAgainOnce(_ test: ConformanceCase) async throws {
        try await ConformanceFixture.with(test) { fixture in
            try await anyList(fixture.client)
            fixture.clock.advance(by: test.sessionLifetime + 60)
            try await anyList(fixture.client)
            #expect(await fixture.client.sessionStatus().state == .signedIn)
            #expect(fixture.served(test.signInPath).count == 2)
        }
    }

    @Test(arguments: ConformanceCase.all)
    func listsArriveAsPagesWithoutGapsOrDuplicates(_ test: ConformanceCase) async throws {
        try await ConformanceFixture.with(test, scale: test.scaledRows) { fixture in
            var pages = 0
            var ids: [String] = []
            if let accounts = fixture.client as? any AccountBrowsing {
                for try await page in accounts.accountPages(.all) {
                    pages += 1
                    ids += page.map(\.id)
                }
            } else if let folders = fixture.client as? any FolderBrowsing {
                for try await page in folders.secretPages(folderID: nil) {
                    pages += 1
                    ids += page.map(\.id)
                }
            }
            #expect(pages >= test.minimumPages)
            #expect(ids.count >= test.scaledRows && Set(ids).count == ids.count)
        }
    }

    @Test(arguments: ConformanceCase.all)
    func injectedServerErrorsAndThrottlingAreRetried(_ test: ConformanceCase) async throws {
        try await ConformanceFixture.with(test, faults: try FaultPlan(parsing: "error5xx=0.1,rate429=0.05")) { fixture in
            // Lists until a fault was served (a vendor whose list is one call needs more than
            // five), each list surviving the faults it met.
            var faults = 0
            for _ in 0..<50 where faults == 0 {
                try await anyList(fixture.client)
                faults = fixture.served("→ 503").count + fixture.served("→ 429").count
            }
            #expect(faults > 0)
        }
    }
}

/// The case's stored secret as its folder lists it.
private func listedSecret(_ test: ConformanceCase, _ client: any FolderBrowsing) async throws -> StoredSecret {
    let path = try TargetReference(parsing: try #require(test.secret)).secret
    let tree = FolderTree(try await client.listFolders())
    let folder = try #require(tree.nodes.first { $0.path == path.folder })
    return try #require(try await client.listSecrets(folderID: folder.id).first { $0.title == path.title })
}

/// A list call the client can make, whatever it browses.
private func anyList(_ client: any VendorClient) async throws {
    if let systems = client as? any SystemBrowsing { _ = try await systems.listSystems() }
    else if let folders = client as? any FolderBrowsing { _ = try await folders.listFolders() }
    else if let checkout = client as? any CredentialCheckout { _ = try await checkout.listRequests() }
    else { throw PAMError(.unsupported, "\(client.vendor) lists nothing") }
}

/// The case's profile as the fixture loads it (for comparing capabilities).
private func profileOf(_ test: ConformanceCase) throws -> PAMConfig.Profile {
    PAMConfig.Profile(name: test.module.id.rawValue, vendor: test.module.id, url: "http://127.0.0.1/")
}
