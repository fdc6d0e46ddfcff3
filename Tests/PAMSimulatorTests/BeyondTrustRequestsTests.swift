import Foundation
import PAMSimulator
import PAMTestSupport
import Testing

@Suite struct BeyondTrustRequestsTests {
    /// The exact sequence BIPS 2.32.1 `get_secret("srv1/root")` sends (spec §9).
    @Test func bipsGetSecretFlow() async throws {
        try await withSimulator(beyondTrustOptions()) { simulator in
            let client = try BeyondTrustTestClient(simulator)
            try await client.signIn()
            client.authorization = client.bipsHeader
            let account = try #require(try await client.get("managedaccounts?systemname=srv1&accountname=root&limit=1000&offset=0").object)
            let created = try await client.post(
                "Requests",
                json: "{\"SystemID\": \(account["SystemId"] ?? 0), \"AccountID\": \(account["AccountId"] ?? 0), \"DurationMinutes\": 5, \"Reason\": \"Secrets Safe Integration\", \"ConflictOption\": \"reuse\"}")
            #expect(created.status == 201)
            let id = try #require(created.json as? Int)
            #expect(created.text == String(id))

            let credential = try await client.get("Credentials/\(id)")
            #expect(credential.status == 200)
            #expect(credential.header("Content-Type")?.hasPrefix("application/json") == true)
            let password = try #require(credential.json as? String)
            #expect(password.hasPrefix("Demo-"))
            #expect(credential.text == "\"\(password)\"")

            let checkIn = try await client.put("Requests/\(id)/checkin", json: "{}")
            #expect(checkIn.status == 204)
            #expect(checkIn.body.isEmpty)
            #expect(try await client.get("Credentials/\(id)").status == 404)
            client.authorization = nil
            #expect(try await client.send("POST", "Auth/Signout").status == 200)
        }
    }

    @Test(arguments: ["{}", "{\"Reason\":null}", "{\"reason\":\"done\"}", nil, "EMPTY"])
    func checkInAcceptsEveryBodyClientsSend(_ body: String?) async throws {
        try await withSimulator(beyondTrustOptions()) { simulator in
            let client = try BeyondTrustTestClient(simulator)
            try await client.signIn()
            let id = try #require(try await client.checkOut(system: 123, account: 50).id)
            let path = ["Requests/\(id)/Checkin", "requests/\(id)/checkin", "Requests/Release/\(id)"][id % 3]
            let response = body == "EMPTY" ? try await client.put(path, json: "") : try await client.put(path, json: body)
            #expect(response.status == 204)
            #expect(try await client.put("Requests/\(id)/checkin", json: "{}").status == 404)
        }
    }

    @Test func conflictReuseAndRenew() async throws {
        try await withSimulator(beyondTrustOptions()) { simulator in
            let client = try BeyondTrustTestClient(simulator)
            try await client.signIn()
            let first = try await client.checkOut(system: 5, account: 12, conflict: nil)
            #expect(first.status == 201)
            let firstID = try #require(first.id)

            let conflict = try await client.post("Requests", json: "{\"SystemID\":5,\"AccountID\":12,\"DurationMinutes\":5}")
            #expect(conflict.status == 409)
            #expect(conflict.json as? String == "4091 - Conflicting request exists. This user or another user has already requested a password for the specified account.")

            let reused = try await client.checkOut(system: 5, account: 12, conflict: "reuse")
            #expect(reused.status == 200)
            #expect(reused.id == firstID)

            let renewed = try await client.checkOut(system: 5, account: 12, conflict: "renew")
            #expect(renewed.status == 201)
            let renewedID = try #require(renewed.id)
            #expect(renewedID != firstID)
            #expect(try await client.get("Credentials/\(firstID)").status == 404)
            #expect(try await client.get("Credentials/\(renewedID)").status == 200)
        }
    }

    @Test func bodyKeysBindCaseInsensitivelyAndBadBodiesAre400() async throws {
        try await withSimulator(beyondTrustOptions()) { simulator in
            let client = try BeyondTrustTestClient(simulator)
            try await client.signIn()
            let xsoar = try await client.post("requests", json: "{\"SystemId\": 30, \"AccountId\": 31, \"durationminutes\": 10, \"accesstype\": \"view\"}")
            #expect(xsoar.status == 201)
            #expect(try await client.post("Requests", json: "{'SystemId': 30}").status == 400)
            #expect(try await client.post("Requests", json: "{\"AccountID\": 31, \"DurationMinutes\": 5}").status == 400)
            for minutes in [0, 525_601] {
                #expect(try await client.checkOut(system: 33, account: 34, minutes: minutes).status == 400)
            }
            // sa on sql-prod-01 allows at most 240 minutes.
            #expect(try await client.checkOut(system: 21, account: 22, minutes: 241).status == 400)
            #expect(try await client.checkOut(system: 21, account: 22, minutes: 240).status == 201)
            #expect(try await client.checkOut(system: 33, account: 34, minutes: 525_600).status == 201)
        }
    }

    @Test func accountNotEnabledForAPIOrOnAnotherSystemIs4031() async throws {
        try await withSimulator(beyondTrustOptions()) { simulator in
            let client = try BeyondTrustTestClient(simulator)
            try await client.signIn()
            let hidden = try await client.post("Requests", json: "{\"SystemID\":5,\"AccountID\":17,\"DurationMinutes\":5}")
            #expect(hidden.status == 403)
            #expect((hidden.json as? String)?.hasPrefix("4031") == true)
            #expect(try await client.checkOut(system: 13, account: 12).status == 403)
        }
    }

    @Test func pendingRequestGives4034UntilApproved() async throws {
        try await withSimulator(beyondTrustOptions()) { simulator in
            let client = try BeyondTrustTestClient(simulator)
            try await client.signIn()
            let created = try await client.checkOut(system: 123, account: 51)
            #expect(created.status == 201)
            let id = try #require(created.id)
            let pending = try await client.get("Credentials/\(id)")
            #expect(pending.status == 403)
            #expect((pending.json as? String)?.hasPrefix("4034") == true)
            let listed = try #require(try await client.get("Requests?status=pending&queue=req").array)
            #expect(listed.map { $0["RequestID"] as? Int } == [id])
            #expect(listed[0]["Status"] as? String == "Pending")
            #expect(listed[0]["ApprovedDate"] is NSNull)
            #expect(try await client.put("Requests/\(id)/approve", json: "{\"Reason\":\"ok\"}").status == 204)
            #expect(try await client.get("Credentials/\(id)").status == 200)
        }
    }

    @Test func requestsListCarriesTheDocumentedFields() async throws {
        try await withSimulator(beyondTrustOptions()) { simulator in
            let client = try BeyondTrustTestClient(simulator)
            try await client.signIn()
            let id = try #require(try await client.checkOut(system: 40, account: 42, minutes: 30).id)
            let rows = try #require(try await client.get("Requests?status=active").array)
            let row = try #require(rows.first { $0["RequestID"] as? Int == id })
            #expect(row["SystemID"] as? Int == 40)
            #expect(row["SystemName"] as? String == "corp.example.test")
            #expect(row["AccountID"] as? Int == 42)
            #expect(row["AccountName"] as? String == "svc-sql")
            #expect(row["DomainName"] as? String == "corp.example.test")
            #expect(row["Status"] as? String == "Active")
            #expect(row["AccessType"] as? String == "View")
            #expect(row["Reason"] as? String == "test")
            #expect(row["RequestReleaseDate"] as? String == "2026-09-21T14:13:20")
            #expect(row["ApprovedDate"] as? String == "2026-09-21T14:13:20")
            #expect(row["ExpiresDate"] as? String == "2026-09-21T14:43:20")
            #expect(try await client.get("Requests?status=pending").array?.isEmpty == true)
            #expect(try await client.get("Requests?status=all").array?.count == 1)
            #expect(try await client.get("Requests?status=bogus").status == 400)
        }
    }

    @Test func requestExpiresAfterItsDurationAndRotatesTheAccount() async throws {
        let clock = ManualSimulatorClock(testStart)
        try await withSimulator(beyondTrustOptions(clock: clock)) { simulator in
            let client = try BeyondTrustTestClient(simulator)
            try await client.signIn()
            let id = try #require(try await client.checkOut(system: 123, account: 50, minutes: 10).id)
            let before = try #require(try await client.get("Credentials/\(id)").json as? String)
            clock.advance(by: 9 * 60)
            #expect(try await client.get("Credentials/\(id)").status == 200)
            clock.advance(by: 60)
            #expect(try await client.get("Credentials/\(id)").status == 404)
            #expect(try await client.get("Requests?status=active").array?.isEmpty == true)
            let next = try #require(try await client.checkOut(system: 123, account: 50, conflict: nil).id)
            let after = try #require(try await client.get("Credentials/\(next)").json as? String)
            #expect(after != before)
        }
    }

    @Test func checkInRotatesWhenTheAccountAndTheRequestSaySo() async throws {
        let clock = ManualSimulatorClock(testStart)
        try await withSimulator(beyondTrustOptions(clock: clock)) { simulator in
            let client = try BeyondTrustTestClient(simulator)
            try await client.signIn()
            func password(system: Int, account: Int, rotate: Bool? = nil) async throws -> (String, Int) {
                let flag = rotate.map { ", \"RotateOnCheckin\": \($0)" } ?? ""
                let created = try await client.post("Requests", json: "{\"SystemID\":\(system),\"AccountID\":\(account),\"DurationMinutes\":5\(flag)}")
                let id = try #require(Int(created.text))
                return (try #require(try await client.get("Credentials/\(id)").json as? String), id)
            }
            func lastChange(_ query: String) async throws -> String? {
                try await client.get("ManagedAccounts?\(query)").object?["LastChangeDate"] as? String
            }

            // srv1/root rotates on release.
            let changedBefore = try await lastChange("systemName=srv1&accountName=root")
            let (first, firstID) = try await password(system: 5, account: 12)
            clock.advance(by: 60)
            #expect(try await client.put("Requests/\(firstID)/Checkin", json: "{}").status == 204)
            let (second, secondID) = try await password(system: 5, account: 12)
            #expect(second != first)
            let changedAfter = try await lastChange("systemName=srv1&accountName=root")
            #expect(changedAfter == "2026-09-21T14:14:20")
            #expect(changedAfter != changedBefore)

            // RotateOnCheckin false keeps it.
            #expect(try await client.put("Requests/\(secondID)/Checkin", json: "{}").status == 204)
            let (third, thirdID) = try await password(system: 5, account: 12, rotate: false)
            #expect(third != second)
            #expect(try await client.put("Requests/\(thirdID)/Checkin", json: "{}").status == 204)
            let (fourth, _) = try await password(system: 5, account: 12)
            #expect(fourth == third)

            // srv1/deploy does not rotate on release.
            let (keep, keepID) = try await password(system: 5, account: 16)
            #expect(try await client.put("Requests/\(keepID)/Checkin", json: "{}").status == 204)
            let (same, _) = try await password(system: 5, account: 16)
            #expect(same == keep)
        }
    }

    @Test func sshKeyAndCredentialTypes() async throws {
        try await withSimulator(beyondTrustOptions()) { simulator in
            let client = try BeyondTrustTestClient(simulator)
            try await client.signIn()
            let id = try #require(try await client.checkOut(system: 5, account: 12).id)
            let key = try #require(try await client.get("Credentials/\(id)?type=dsskey").json as? String)
            #expect(key.hasPrefix("-----BEGIN PRIVATE KEY-----"))
            #expect(try await client.get("Credentials/\(id)?TYPE=Password").json is String)
            #expect(try await client.get("Credentials/\(id)?type=passphrase").status == 404)
            #expect(try await client.get("Credentials/\(id)?type=bogus").status == 400)
            let windows = try #require(try await client.checkOut(system: 123, account: 50).id)
            #expect(try await client.get("Credentials/\(windows)?type=dsskey").status == 404)
            #expect(try await client.get("Credentials/99999").status == 404)
        }
    }
}
