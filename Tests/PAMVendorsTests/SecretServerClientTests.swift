import Foundation
import PAMCore
import PAMVendors
import Testing

/// Secret Server's secrets, fields, check-out and errors against the scripted server.
@Suite struct SecretServerClientTests {
    static let secret = #"""
    {"id":42,"name":"db-admin","folderId":7,"secretTemplateId":6003,"secretTemplateName":"Unix Account (SSH)",
     "active":true,"checkedOut":false,"checkOutEnabled":true,"checkOutIntervalMinutes":30,"checkOutMinutesRemaining":0,
     "checkOutUserDisplayName":"","checkOutUserId":-1,"requiresComment":false,"isDoubleLock":false,
     "lastHeartBeatCheck":"2024-05-01T12:00:00.1234567","lastPasswordChangeAttempt":"0001-01-01T00:00:00",
     "items":[
      {"itemId":1,"fieldId":108,"fieldName":"Machine","slug":"machine","itemValue":"srv-db-01","isFile":false,"isNotes":false,"isPassword":false,"isList":false,"listType":"None"},
      {"itemValue":"root","itemId":2,"fieldId":111,"fieldName":"Username","slug":"username","isFile":false,"isNotes":false,"isPassword":false},
      {"itemValue":"S3cret!","itemId":3,"fieldId":110,"fieldName":"Password","slug":"password-1","isFile":false,"isNotes":false,"isPassword":true},
      {"itemId":4,"fieldId":109,"fieldName":"Notes","slug":"notes","itemValue":"call ops","isNotes":true,"isFile":false,"isPassword":false},
      {"itemId":5,"fieldId":189,"fieldName":"Private Key","slug":"private-key","itemValue":"*** Not Valid For Display ***","isFile":true,"fileAttachmentId":5,"filename":"id_rsa","isNotes":false,"isPassword":false},
      {"itemId":6,"fieldId":190,"fieldName":"Private Key Passphrase","slug":"private-key-passphrase","itemValue":"pa55","isPassword":true,"isFile":false,"isNotes":false}]}
    """#

    func fake() -> SecretServerFake {
        let fake = SecretServerFake()
        fake.route("api/v1/secrets/0", 200, Self.secret)
        fake.route("api/v1/secrets/42", 200, Self.secret)
        fake.route("api/v1/secret-templates/6003", 200, #"{"id":6003,"name":"Unix Account (SSH)","fields":[]}"#)
        return fake
    }

    @Test func findsASecretByPathWithoutCheckingItOutAndKnowsEveryFieldKind() async throws {
        let fake = fake()
        let account = try await fake.client().findAccount(systemName: "Infra", accountName: "DB/db-admin")
        #expect(fake.lines.contains("GET api/v1/secrets/0?secretPath=%5CInfra%5CDB%5Cdb-admin&noAutoCheckout=true"))
        #expect(account.path == "Infra/DB/db-admin" && account.id == "42" && account.defaultDurationMinutes == 30)
        #expect(account.fields.map(\.kind) == [.other, .username, .password, .notes, .privateKey, .passphrase])
        #expect(account.fields.map(\.isSecret) == [false, false, true, true, true, true])
        #expect(account.fields[1].plainValue == "root")
        #expect(account.fields.field(named: "password")?.slug == "password-1")
        #expect(account.fields.field(named: "key")?.fileName == "id_rsa")
    }

    @Test func readsOneFieldBySlugOrKindAndEveryFieldInFewCalls() async throws {
        let fake = fake()
        fake.route("api/v1/secrets/42/fields/password-1", 200, #""S3cret!""#)
        fake.route("api/v1/secrets/42/fields/private-key", 200, "-----BEGIN OPENSSH PRIVATE KEY-----")
        let client = fake.client()
        let account = try await client.findAccount(systemName: "Infra", accountName: "DB/db-admin")
        let one = try await client.retrieve(.account(account), fields: .one("password"), context: RetrievalContext())
        #expect(one.map { $0.value.unsafeStringCopy() } == ["S3cret!"])
        #expect(fake.lines.last == "GET api/v1/secrets/42/fields/password-1?noAutoCheckout=true")
        let before = fake.lines.count
        let all = try await client.retrieve(.account(account), fields: .all, context: RetrievalContext())
        #expect(all.map { $0.value.unsafeStringCopy() } == ["srv-db-01", "root", "S3cret!", "call ops", "-----BEGIN OPENSSH PRIVATE KEY-----", "pa55"])
        // The whole secret once, and the file on its own.
        #expect(Array(fake.lines[before...]) == ["GET api/v1/secrets/42?noAutoCheckout=true", "GET api/v1/secrets/42/fields/private-key?noAutoCheckout=true"])
    }

    @Test func aCommentMakesTheReadRestricted() async throws {
        let fake = fake()
        fake.route("api/v1/secrets/42/restricted/fields/password-1", 200, #""S3cret!""#)
        let client = fake.client()
        let account = try await client.findAccount(systemName: "Infra", accountName: "DB/db-admin")
        _ = try await client.retrieve(.account(account), fields: .one("password"), context: RetrievalContext(reason: "INC-9", ticket: "T-1"))
        let posted = try #require(fake.transport.requests.last)
        #expect(posted.method == .post && posted.bodyText == #"{"comment":"INC-9","noAutoCheckout":true,"ticketNumber":"T-1"}"#)
    }

    @Test func checksOutWithTheSecretsOwnLengthAndChecksIn() async throws {
        let fake = fake()
        fake.route("api/v1/secrets/42/check-out", 200, #"{"responseCodes":[]}"#)
        fake.route("api/v1/secrets/42/state", 200, #"{"id":42,"secretState":"None","isCheckedOut":true,"isCheckedOutByCurrentUser":true,"checkOutMinutesRemaining":29,"checkOutIntervalMinutes":30}"#)
        fake.route("api/v1/secrets/42/check-in", 200, #"{"id":42,"name":"db-admin"}"#)
        fake.route("api/v1/secrets/42/restricted", 200, Self.secret.replacingOccurrences(of: #""checkOutMinutesRemaining":0"#, with: #""checkOutMinutesRemaining":29"#))
        let client = fake.client()
        let account = try await client.findAccount(systemName: "Infra", accountName: "DB/db-admin")
        let lease = try #require(try await client.checkOut(CheckoutRequest(account: account, reason: "patch")).lease)
        #expect(lease.requestID == "42" && lease.systemName == "Infra/DB" && lease.accountName == "db-admin")
        #expect(lease.expiresAt == lease.issuedAt.addingTimeInterval(29 * 60))
        // With a comment the check-out is a restricted access that records it.
        #expect(fake.transport.requests.contains { $0.url.hasSuffix("secrets/42/restricted") && $0.bodyText == #"{"comment":"patch"}"# })
        try await client.release(requestID: "42", action: .checkIn, reason: "done")
        #expect(fake.lines.last == "POST api/v1/secrets/42/check-in")
        #expect(fake.transport.requests.last?.bodyText == #"{"comment":"done"}"#)
    }

    @Test func aSecretCheckedOutByAnotherUserNamesThemAndIsAConflict() async throws {
        let fake = fake()
        fake.route("api/v1/secrets/42/state", 200, #"{"id":42,"secretState":"None","isCheckedOut":true,"isCheckedOutByCurrentUser":false,"checkedOutUserDisplayName":"Alice Ops","checkOutMinutesRemaining":12}"#)
        let client = fake.client()
        let account = Account(id: "42", systemID: "7", systemName: "Infra/DB", name: "db-admin")
        await #expect { try await client.checkOut(CheckoutRequest(account: account)) } throws: { error in
            let error = error as? PAMError
            return error?.exitCode == 5 && error?.message == "Infra/DB/db-admin is checked out by Alice Ops for 12 more min; --force-check-in takes it over (or checkin --force ends it) if you may"
        }
        #expect(!fake.lines.contains { $0.contains("check-out") })
    }

    @Test(arguments: [
        (400, #"{"errorCode":"API_AccessDenied","message":"Access Denied"}"#, PAMError.Kind.permission, Int32(1), "access denied to"),
        (400, #"{"errorCode":"API_ValidateSecretAccessCommentRequired","message":"The requested Secret requires a comment when viewed."}"#, .usage, 2, "requires a comment"),
        (404, #"{"message":"Not found"}"#, .notFound, 4, "no "),
        (500, #"{"message":"boom"}"#, .server, 1, "server error HTTP 500"),
    ])
    func eachErrorClassHasItsMessageAndExitCode(_ status: Int, _ body: String, _ kind: PAMError.Kind, _ exit: Int32, _ words: String) async throws {
        let fake = fake()
        fake.route("api/v1/secrets/42/fields/password-1", status, body)
        let client = fake.client()
        let account = try await client.findAccount(systemName: "Infra", accountName: "DB/db-admin")
        await #expect { try await client.retrieve(.account(account), fields: .one("password"), context: RetrievalContext()) } throws: { error in
            let error = error as? PAMError
            return error?.kind == kind && error?.exitCode == exit && error?.message.contains(words) == true && error?.profile == "ss"
        }
    }

    @Test(arguments: [
        ("RequiresApproval", PAMError.Kind.permission, "requires approval"),
        ("RequiresCheckout", .usage, "must be checked out first"),
        ("RequiresDoubleLockPassword", .permission, "DoubleLocked"),
    ])
    func aBare400IsExplainedByTheSecretsState(_ state: String, _ kind: PAMError.Kind, _ words: String) async throws {
        let fake = fake()
        fake.route("api/v1/secrets/42/fields/password-1", 400, #"{"message":"Unable to view the secret."}"#)
        fake.route("api/v1/secrets/42/state", 200, #"{"id":42,"secretState":"\#(state)","isCheckedOut":false}"#)
        let client = fake.client()
        let account = try await client.findAccount(systemName: "Infra", accountName: "DB/db-admin")
        await #expect { try await client.retrieve(.account(account), fields: .one("password"), context: RetrievalContext()) } throws: { error in
            let error = error as? PAMError
            return error?.kind == kind && error?.message.contains(words) == true
        }
    }

    @Test func aMissingPathIsNotFound() async throws {
        let fake = SecretServerFake()
        fake.route("api/v1/secrets/0", 400, #"{"message":"Secret not found"}"#)
        await #expect { try await fake.client().findAccount(systemName: "Infra", accountName: "nothing") } throws: {
            ($0 as? PAMError)?.exitCode == 4 && ($0 as? PAMError)?.message == #"no secret \Infra\nothing"#
        }
    }

    @Test func secretsArriveInSkipTakePagesInListOrder() async throws {
        let fake = SecretServerFake()
        func page(_ skip: Int) -> String {
            let ids = (skip..<min(skip + 2, 5))
            let records = ids.map { #"{"id":\#($0),"name":"s\#($0)","folderId":7,"folderPath":"\\Infra","secretTemplateId":1}"# }
            return #"{"records":[\#(records.joined(separator: ","))],"total":5,"skip":\#(skip),"take":2,"hasNext":\#(skip + 2 < 5)}"#
        }
        for skip in [0, 2, 4] {
            fake.route("api/v1/secrets?filter.folderId=7&filter.includeRestricted=true&skip=\(skip)&take=2", 200, page(skip))
        }
        fake.route("api/v1/secret-templates/1", 200, #"{"id":1,"fields":[{"fieldSlugName":"username","displayName":"Username"},{"fieldSlugName":"password","displayName":"Password","isPassword":true},{"fieldSlugName":"url","displayName":"URL","isUrl":true}]}"#)
        var pages: [[String]] = []
        for try await page in fake.client(pageSize: 2).secretPages(folderID: "7") { pages.append(page.map(\.title)) }
        #expect(pages == [["s0", "s1"], ["s2", "s3"], ["s4"]])
        let secrets = try await fake.client(pageSize: 2).listSecrets(folderID: "7")
        #expect(secrets.first?.folderPath == "Infra" && secrets.first?.fields.map(\.kind) == [.username, .password, .url])
        #expect(fake.lines.filter { $0.hasPrefix("GET api/v1/secret-templates") }.count == 2)
    }
}
