import Foundation
import PAMCore
@testable import PAMVendors
import Testing

@Suite struct BeyondTrustWireTests {
    func golden(_ name: String) throws -> SecretBytes {
        let url = try #require(Bundle.module.url(forResource: "Golden/\(name)", withExtension: "json"))
        return SecretBytes(utf8: try String(contentsOf: url, encoding: .utf8))
    }

    @Test func decodesTheSpecsManagedSystemsEnvelope() throws {
        let page = try WireList.decode(BeyondTrustDTO.ManagedSystem.self, from: try golden("managed-systems-envelope"), operation: "t")
        #expect(page.total == 2)
        let systems = page.items.map(BeyondTrustMapping.system)
        #expect(systems[0] == ManagedSystem(id: "13", name: "srv-db-01", platform: "Linux", address: "10.0.0.5", defaultDurationMinutes: 120))
        #expect(systems[1].address == "dc01.example.com")
    }

    @Test func decodesASingleManagedAccountObjectAndTheMinimalFixture() throws {
        let one = try WireList.decode(BeyondTrustDTO.ManagedAccount.self, from: try golden("managed-account"), operation: "t")
        let account = BeyondTrustMapping.account(try #require(one.items.first))
        #expect(account.path == "srv1/root")
        #expect(account.id == "12")
        #expect(account.domain == nil)
        #expect(account.maximumDurationMinutes == 525_600)
        #expect(account.lastChange == ISODateTime.parse("2024-01-01T10:00:00Z"))
        let minimal = try WireList.decode(BeyondTrustDTO.ManagedAccount.self, from: try golden("managed-account-minimal"), operation: "t")
        #expect(BeyondTrustMapping.account(try #require(minimal.items.first)).systemName == "1")
    }

    @Test func decodesRequestsSecretsAndFolders() throws {
        let requests = try WireJSON.decode([BeyondTrustDTO.Request].self, from: try golden("requests"), operation: "t")
        let request = BeyondTrustMapping.request(try #require(requests.first))
        #expect(request.id == "124")
        #expect(request.vendorState == "Active" && request.state == .checkedOut && request.actions == [.checkIn])
        #expect(request.expiresAt == ISODateTime.parse("2026-11-22T10:05:00.123Z"))
        let secrets = try WireList.decode(BeyondTrustDTO.Secret.self, from: try golden("secrets-3.2"), operation: "t")
        #expect(secrets.items.map(BeyondTrustMapping.secret).first?.kind == .credential)
        let folders = try WireList.decode(BeyondTrustDTO.Folder.self, from: try golden("folders"), operation: "t")
        #expect(FolderTree(folders.items.map(BeyondTrustMapping.folder)).nodes.map(\.path) == ["team", "team/app"])
    }

    @Test func malformedBodiesNameTheFieldNotTheValue() {
        #expect {
            try WireJSON.decode([BeyondTrustDTO.Request].self, from: SecretBytes(utf8: #"[{"RequestID":"x-secret-x"}]"#), operation: "list requests")
        } throws: { error in
            let message = (error as? PAMError)?.message ?? ""
            return (error as? PAMError)?.kind == .malformed && message.contains("[0].RequestID") && !message.contains("x-secret-x")
        }
        #expect {
            try WireList.decode(BeyondTrustDTO.ManagedAccount.self, from: SecretBytes(utf8: #"[{"SystemId":1,"AccountId":"x-secret-x"}]"#), operation: "list accounts")
        } throws: { error in
            let message = (error as? PAMError)?.message ?? ""
            return message.hasPrefix("unexpected response to list accounts: item [0]: malformed JSON") && !message.contains("x-secret-x")
        }
        #expect {
            try WireList.decode(BeyondTrustDTO.ManagedAccount.self, from: SecretBytes(utf8: #"{"TotalCount":1,"Data":[{"SystemId":1,"AccountName":"a"}]}"#), operation: "list accounts")
        } throws: { ($0 as? PAMError)?.message == "unexpected response to list accounts: item [0]: missing AccountId" }
        #expect {
            try WireList.decode(BeyondTrustDTO.ManagedAccount.self, from: SecretBytes(utf8: #"[{"SystemId":1,"AccountId":2,"AccountName":"a"}"#), operation: "list accounts")
        } throws: { ($0 as? PAMError)?.kind == .malformed }
    }

    @Test func buildsEachRequestInOnePlace() {
        let base = ScriptedTransport.base
        let url = { (endpoint: BeyondTrustEndpoint) in endpoint.request(base: base + "/").url.replacingOccurrences(of: base + "/", with: "") }
        #expect(url(.signIn) == "Auth/SignAppin")
        #expect(url(.systems(limit: 1000, offset: 2000)) == "ManagedSystems?limit=1000&offset=2000")
        #expect(url(.account(systemName: "DC 01", accountName: #"CORP\adm&n"#)) == "ManagedAccounts?systemName=DC%2001&accountName=CORP%5Cadm%26n")
        #expect(url(.accounts(systemID: nil, systemName: "srv1", limit: 10, offset: 0)) == "ManagedAccounts?systemName=srv1&limit=10&offset=0")
        #expect(url(.credentials(requestID: "124", type: "dsskey")) == "Credentials/124?type=dsskey")
        #expect(url(.checkIn(requestID: "124")) == "Requests/124/Checkin")
        #expect(url(.requests(status: "active")) == "Requests?status=active&queue=req")
        #expect(BeyondTrustEndpoint.credentials(requestID: "1", type: "password").request(base: base).responseIsSecret)
        #expect(!BeyondTrustEndpoint.systems(limit: 1, offset: 0).request(base: base).responseIsSecret)
    }

    @Test func requestBodyIsPascalCaseAndOmitsAbsentOptions() {
        let body = BeyondTrustDTO.RequestBody(SystemID: 123, AccountID: 50, DurationMinutes: 30, Reason: nil, AccessType: "View", ConflictOption: nil)
        #expect(String(decoding: WireJSON.encode(body), as: UTF8.self) == #"{"AccessType":"View","AccountID":50,"DurationMinutes":30,"SystemID":123}"#)
    }

    @Test(arguments: [
        ("2026-11-22T10:05:00", 0.0), ("2026-11-22T10:05:00Z", 0.0), ("2026-11-22T10:05:00.5", 0.5),
        ("2026-11-22T12:05:00+02:00", 0.0), ("2026-11-22T05:05:00-0500", 0.0),
    ])
    func parsesDatesLeniently(text: String, extra: Double) throws {
        let base = try #require(ISODateTime.parse("2026-11-22T10:05:00Z"))
        #expect(ISODateTime.parse(text) == base.addingTimeInterval(extra))
    }

    @Test func rejectsNonDates() {
        #expect(ISODateTime.parse("yesterday") == nil)
        #expect(ISODateTime.parse("2026-13-22T10:05:00") == nil)
        #expect(ISODateTime.parse(nil) == nil)
    }

    @Test func expiryTrustsThePlausibleServerDateElseTheDuration() {
        let issued = Date(timeIntervalSince1970: 1_000_000)
        let server = issued.addingTimeInterval(29 * 60)
        #expect(BeyondTrustMapping.expiry(serverDate: server, issuedAt: issued, durationMinutes: 30) == server)
        let hoursOff = issued.addingTimeInterval(3 * 3600)
        #expect(BeyondTrustMapping.expiry(serverDate: hoursOff, issuedAt: issued, durationMinutes: 30) == issued.addingTimeInterval(1800))
        #expect(BeyondTrustMapping.expiry(serverDate: nil, issuedAt: issued, durationMinutes: 5) == issued.addingTimeInterval(300))
    }
}
