import Foundation
import PAMCore
import PAMSimulator
import PAMTestSupport
import Testing

@Suite struct SecretServerCheckoutTests {
    /// The demo user and jdoe, both signed in.
    private func twoUsers(_ simulator: Simulator) async throws -> (SecretServerTestClient, SecretServerTestClient) {
        let me = try SecretServerTestClient(simulator)
        try await me.signIn()
        let other = try await me.other(
            simulator, user: try #require(me.endpoint.credential("otherUsername")), password: try #require(me.endpoint.credential("otherPassword")))
        return (me, other)
    }

    @Test func aReadChecksOutAndTheCheckOutIsExclusive() async throws {
        try await withSimulator(secretServerOptions()) { simulator in
            let (me, other) = try await twoUsers(simulator)
            #expect(try await me.get("api/v1/secrets/2540/state").object?["secretState"] as? String == "RequiresCheckout")
            let read = try await me.get("api/v1/secrets/2540")
            #expect(read.object?["checkedOut"] as? Bool == true)
            #expect(read.object?["checkOutUserDisplayName"] as? String == "flex_api")
            #expect(read.object?["checkOutMinutesRemaining"] as? Int == 30)
            let state = try #require(try await me.get("api/v1/secrets/2540/state").object)
            #expect(state["secretState"] as? String == "None")
            #expect(state["isCheckedOutByCurrentUser"] as? Bool == true)
            #expect((state["actions"] as? [String])?.contains("CheckIn") == true)

            let refused = try await other.get("api/v1/secrets/2540")
            #expect(refused.status == 400)
            #expect(refused.object?["errorCode"] as? String == "API_AccessDenied")
            #expect((refused.object?["message"] as? String)?.contains("checked out by another user") == true)
            #expect(try await other.post("api/v1/secrets/2540/check-out").status == 400)
            #expect(try await other.post("api/v1/secrets/2540/check-in", json: "{}").status == 400)
            #expect(try await other.get("api/v1/secrets/2540/state").object?["secretState"] as? String == "RequiresCheckout")
        }
    }

    @Test func noAutoCheckoutRefusesInsteadOfCheckingOut() async throws {
        try await withSimulator(secretServerOptions()) { simulator in
            let client = try SecretServerTestClient(simulator)
            try await client.signIn()
            let refused = try await client.get("api/v1/secrets/2540?noAutoCheckout=true")
            #expect(refused.status == 400)
            #expect((refused.object?["message"] as? String)?.contains("requires check out") == true)
            #expect(try await client.get("api/v1/secrets/2540/state").object?["isCheckedOut"] is NSNull)
            #expect(try await client.post("api/v1/secrets/2540/check-out").text == #"{"responseCodes":[]}"#)
            #expect(try await client.get("api/v1/secrets/2540?noAutoCheckout=true").status == 200)
        }
    }

    @Test func checkInRotatesThePasswordWhenTheSecretSaysSo() async throws {
        try await withSimulator(secretServerOptions()) { simulator in
            let client = try SecretServerTestClient(simulator)
            try await client.signIn()
            let before = try #require(try await client.get("api/v1/secrets/2540").itemValues["password"])
            #expect(try await client.get("api/v1/secrets/2540/fields/password").text == "\"\(before)\"")
            let summary = try await client.post("api/v1/secrets/2540/check-in", json: #"{"comment":"done"}"#)
            #expect(summary.object?["checkedOut"] as? Bool == false)
            let after = try #require(try await client.get("api/v1/secrets/2540").itemValues["password"])
            #expect(after != before)
            #expect(try await client.get("api/v1/secrets/2540").object?["lastPasswordChangeAttempt"] as? String != "0001-01-01T00:00:00")
        }
    }

    @Test func checkOutsEndByThemselvesAndCanBeExtended() async throws {
        let clock = ManualSimulatorClock(testStart)
        try await withSimulator(secretServerOptions(clock: clock, settings: ["secretserver.token-ttl": "2h"])) { simulator in
            let (me, other) = try await twoUsers(simulator)
            let password = try #require(try await me.get("api/v1/secrets/2540").itemValues["password"])
            clock.advance(by: 20 * 60)
            #expect(try await me.get("api/v1/secrets/2540?noAutoCheckout=true").object?["checkOutMinutesRemaining"] as? Int == 10)
            let extended = try await me.post("api/v1/secrets/2540/extend-check-out", json: #"{"data":{}}"#)
            #expect(extended.object?["checkOutEndTime"] as? String == ISODateTime.format(testStart.addingTimeInterval(50 * 60), zone: false))
            #expect(try await other.post("api/v1/secrets/2540/extend-check-out", json: #"{"data":{}}"#).status == 400)
            clock.advance(by: 29 * 60)
            #expect(try await other.get("api/v1/secrets/2540").status == 400)
            clock.advance(by: 60)
            // Checked in at its end, and rotated: now jdoe gets it, with a new password.
            let theirs = try await other.get("api/v1/secrets/2540")
            #expect(theirs.object?["checkOutUserDisplayName"] as? String == "Jordan Doe")
            #expect(theirs.itemValues["password"] != password)
        }
    }

    @Test func forceCheckInTakesAnotherUsersCheckOut() async throws {
        try await withSimulator(secretServerOptions()) { simulator in
            let client = try SecretServerTestClient(simulator)
            try await client.signIn()
            let state = try #require(try await client.get("api/v1/secrets/2543/state").object)
            #expect(state["checkedOutUserDisplayName"] as? String == "Jordan Doe")
            #expect(state["isCheckedOutByCurrentUser"] as? Bool == false)
            #expect(state["checkOutMinutesRemaining"] as? Int == 45)
            #expect((state["actions"] as? [String])?.contains("ForceCheckIn") == true)
            #expect(try await client.get("api/v1/secrets/2543").status == 400)
            let taken = try await client.post("api/v1/secrets/2543/restricted", json: #"{"forceCheckIn":true}"#)
            #expect(taken.status == 200)
            #expect(taken.object?["checkOutUserDisplayName"] as? String == "flex_api")
            // A plain force check-in frees it too.
            let summary = try await client.post("api/v1/secrets/2543/check-in", json: #"{"forceCheckIn":true}"#)
            #expect(summary.object?["checkedOut"] as? Bool == false)
        }
    }

    @Test func commentsApprovalAndDoubleLock() async throws {
        try await withSimulator(secretServerOptions()) { simulator in
            let client = try SecretServerTestClient(simulator)
            try await client.signIn()
            let needsComment = try await client.get("api/v1/secrets/2541")
            #expect(needsComment.status == 400)
            #expect(needsComment.text == #"{"errorCode":"API_ValidateSecretAccessCommentRequired","message":"The requested Secret requires a comment when viewed."}"#)
            #expect(try await client.get("api/v1/secrets/2541/state").object?["secretState"] as? String == "RequiresComment")
            #expect(try await client.post("api/v1/secrets/2541/restricted", json: #"{"comment":""}"#).status == 400)
            let commented = try await client.post("api/v1/secrets/2541/restricted", json: #"{"comment":"payroll run","ticketNumber":"CHG-1"}"#)
            #expect(commented.itemValues["username"] == "sa")
            #expect(try await client.post("api/v1/secrets/2541/restricted/fields/username", json: #"{"comment":"x"}"#).text == "\"sa\"")

            #expect(try await client.get("api/v1/secrets/2544/state").object?["secretState"] as? String == "RequiresCheckoutAndComment")
            let both = try await client.post("api/v1/secrets/2544/restricted", json: #"{"comment":"restore"}"#)
            #expect(both.object?["checkedOut"] as? Bool == true)

            #expect(try await client.get("api/v1/secrets/2542/state").object?["secretState"] as? String == "RequiresApproval")
            #expect(try await client.get("api/v1/secrets/2542").status == 400)
            #expect(try await client.get("api/v1/secrets/2546").status == 200, "approved for the demo user")

            let doubleLock = try #require(client.endpoint.credential("doubleLockPassword"))
            #expect(try await client.get("api/v1/secrets/2545/state").object?["secretState"] as? String == "RequiresDoubleLockPassword")
            #expect(try await client.get("api/v1/secrets/2545").text == #"{"errorCode":"API_AccessDenied","message":"The requested Secret requires a DoubleLock password."}"#)
            let wrong = try await client.post("api/v1/secrets/2545/restricted", json: #"{"doubleLockPassword":"wrong"}"#)
            #expect(wrong.status == 400)
            #expect(wrong.text == #"{"errorCode":"API_AccessDenied","message":"The DoubleLock password is not valid."}"#)
            #expect(try await client.post("api/v1/secrets/2545/restricted/fields/username", json: #"{"doubleLockPassword":"wrong"}"#).status == 400)
            #expect(try await client.post("api/v1/secrets/2545/restricted/fields/username", json: #"{"doubleLockPassword":"\#(doubleLock)"}"#).text == #""treasurer""#)
            #expect(try await client.post("api/v1/secrets/2545/restricted", json: #"{"doubleLockPassword":"\#(doubleLock)"}"#).status == 200)
        }
    }

    @Test func specificErrorCodesOnlyWhenAskedFor() async throws {
        try await withSimulator(secretServerOptions(settings: ["secretserver.specific-error-codes": "true"])) { simulator in
            let client = try SecretServerTestClient(simulator)
            try await client.signIn()
            #expect(try await client.get("api/v1/secrets/2543").object?["errorCode"] as? String == "API_SecretCheckedOutByAnotherUser")
            #expect(try await client.get("api/v1/secrets/2542").object?["errorCode"] as? String == "API_ValidateSecretAccessApprovalRequired")
            #expect(try await client.post("api/v1/secrets/2610/check-out").object?["errorCode"] as? String == "API_CheckOutNotEnabled")
        }
    }

    @Test func autoCheckInGivesTheCheckOutBackAfterTheRead() async throws {
        try await withSimulator(secretServerOptions()) { simulator in
            let client = try SecretServerTestClient(simulator)
            try await client.signIn()
            let read = try await client.get("api/v1/secrets/2540?autoCheckIn=true")
            #expect(read.object?["checkedOut"] as? Bool == true)
            #expect(try await client.get("api/v1/secrets/2540/state").object?["isCheckedOut"] is NSNull)
        }
    }
}
