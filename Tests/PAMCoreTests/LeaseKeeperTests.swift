import Foundation
import PAMCore
import Testing

/// A check-out through the keeper is journaled before it is sent and never forgotten when its
/// answer is lost: the server's list says what it holds.
@Suite struct LeaseKeeperTests {
    /// A vendor whose check-out can commit and then lose its answer, and whose list can fail.
    final class ScriptedVendor: CredentialCheckout, @unchecked Sendable {
        enum Behaviour { case answer, commitThenLose, loseWithoutCommit, refuse(Int) }
        let profile = "prod"
        let vendor: VendorID = "fake"
        let state = Locked<(requests: [AccessRequest], next: Int, listCalls: Int, releaseFailures: Int)>(([], 100, 0, 0))
        var behaviour: Behaviour = .answer
        var listFails = false
        var releaseLosesAnswer = false

        func signOut() async {}
        func sessionStatus() async -> SessionStatus { .signedOut }

        func checkOut(_ request: CheckoutRequest) async throws -> CheckoutOutcome {
            if case .refuse(let status) = behaviour { throw PAMError(.conflict, "refused", status: status) }
            if case .loseWithoutCommit = behaviour { throw PAMError(.timeout, "timed out") }
            let made = state.withLock { state -> AccessRequest in
                state.next += 1
                let made = AccessRequest(
                    id: String(state.next), systemID: request.account.systemID, systemName: request.account.systemName,
                    accountID: request.account.id, accountName: request.account.name, state: .checkedOut,
                    reason: request.reason, requestedAt: Date(), expiresAt: Date().addingTimeInterval(3600))
                state.requests.append(made)
                return made
            }
            if case .commitThenLose = behaviour { throw PAMError(.transport, "connection closed without a response") }
            return .granted(made.lease(profile: profile, vendor: vendor, at: Date())!, reused: false)
        }

        func retrieve(_ lease: Lease, field: CredentialField) async throws -> SecretBytes { SecretBytes(utf8: "pw") }

        func release(requestID: String, action: RequestAction, reason: String?) async throws {
            state.withLock { $0.requests.removeAll { $0.id == requestID } }
            if releaseLosesAnswer { throw PAMError(.transport, "dropped") }
        }

        func listRequests() async throws -> [AccessRequest] {
            state.withLock { $0.listCalls += 1 }
            if listFails { throw PAMError(.transport, "no route") }
            return state.withLock { $0.requests }
        }

        var open: [AccessRequest] { state.withLock { $0.requests } }
        var listCalls: Int { state.withLock { $0.listCalls } }
    }

    static let account = Account(id: "2", systemID: "1", systemName: "DC01", name: "admin")

    func keeper() -> (LeaseKeeper, LeaseJournal) {
        let journal = LeaseJournalTests.temporaryJournal()
        return (LeaseKeeper(journal: journal), journal)
    }

    @Test func aGrantedCheckOutIsJournaledAsHeld() async throws {
        let (keeper, journal) = keeper()
        let vendor = ScriptedVendor()
        let kept = try await keeper.checkOut(CheckoutRequest(account: Self.account, reason: "fix"), with: vendor)
        #expect(kept.recoveredFrom == nil)
        let records = try journal.openRecords()
        #expect(records.count == 1)
        #expect(records[0].state == .held)
        #expect(records[0].requestID == kept.outcome.requestID)
        #expect(vendor.listCalls == 0)
    }

    @Test func anAnswerLostAfterTheCommitIsRecoveredFromTheServersList() async throws {
        let (keeper, journal) = keeper()
        let vendor = ScriptedVendor()
        vendor.behaviour = .commitThenLose
        let kept = try await keeper.checkOut(CheckoutRequest(account: Self.account, reason: "fix"), with: vendor, fetching: .password)
        #expect(kept.recoveredFrom?.kind == .transport)
        #expect(kept.outcome.requestID == vendor.open.first?.id)
        if case .success(let secret) = kept.retrieval.credential { secret.wipe() } else { Issue.record("no credential") }
        #expect(try journal.openRecords().map(\.requestID) == [vendor.open.first?.id])
    }

    @Test func anAnswerLostWithoutACommitSaysNoRequestWasMade() async throws {
        let (keeper, journal) = keeper()
        let vendor = ScriptedVendor()
        vendor.behaviour = .loseWithoutCommit
        await #expect { try await keeper.checkOut(CheckoutRequest(account: Self.account), with: vendor) } throws: { error in
            (error as? PAMError)?.message.contains("the server holds no request") == true
        }
        #expect(try journal.openRecords().isEmpty)
    }

    @Test func whenTheServerCannotBeAskedTheOutcomeStaysOnRecordAsUnknown() async throws {
        let (keeper, journal) = keeper()
        let vendor = ScriptedVendor()
        vendor.behaviour = .commitThenLose
        vendor.listFails = true
        await #expect { try await keeper.checkOut(CheckoutRequest(account: Self.account), with: vendor) } throws: { error in
            (error as? PAMError)?.message.contains("pamtui leases") == true
        }
        #expect(try journal.openRecords().map(\.state) == [.unknown])
        // Later, with the server back, `leases` finds it.
        vendor.listFails = false
        let verified = await keeper.verify(try journal.openRecords(), with: vendor)
        guard case .open(let request) = verified.first?.1 else { Issue.record("not found"); return }
        #expect(request.id == vendor.open.first?.id)
        #expect(try journal.openRecords().first?.state == .held)
    }

    @Test func aRefusalByTheServerNeedsNoListing() async throws {
        let (keeper, journal) = keeper()
        let vendor = ScriptedVendor()
        vendor.behaviour = .refuse(409)
        await #expect(throws: PAMError.self) { try await keeper.checkOut(CheckoutRequest(account: Self.account), with: vendor) }
        #expect(vendor.listCalls == 0)
        #expect(try journal.openRecords().isEmpty)
    }

    @Test func aCheckInWhoseAnswerWasLostCountsWhenTheServerNoLongerListsIt() async throws {
        let (keeper, journal) = keeper()
        let vendor = ScriptedVendor()
        let kept = try await keeper.checkOut(CheckoutRequest(account: Self.account), with: vendor)
        vendor.releaseLosesAnswer = true
        try await keeper.releaseSurely(requestID: kept.outcome.requestID, action: .checkIn, reason: nil, with: vendor)
        #expect(vendor.open.isEmpty)
        #expect(try journal.openRecords().isEmpty)
    }

    @Test func verifyingDropsWhatTheServerNoLongerHolds() async throws {
        let (keeper, journal) = keeper()
        let vendor = ScriptedVendor()
        _ = try await keeper.checkOut(CheckoutRequest(account: Self.account), with: vendor)
        let second = try await keeper.checkOut(CheckoutRequest(account: Self.account), with: vendor)
        // Ended elsewhere (another tool, the server's own expiry).
        vendor.state.withLock { $0.requests.removeAll { $0.id == second.outcome.requestID } }
        let verified = await keeper.verify(try journal.openRecords(), with: vendor)
        #expect(verified.filter { if case .closed = $0.1 { true } else { false } }.count == 1)
        #expect(try journal.openRecords().count == 1)
    }
}
