import Foundation

/// Check-outs that are never forgotten. Every check-out writes its intent to the journal before
/// the request goes out and its outcome after. When the answer is lost (a timeout, a dropped
/// connection, a garbled body, a signal) it asks the server for my requests on the account and
/// reports the one it holds, or says with certainty that there is none. The CLI and the TUI
/// both check out through it.
public struct LeaseKeeper: Sendable {
    public let journal: LeaseJournal?
    private let now: @Sendable () -> Date

    /// How much earlier than the intent a listed request may be dated and still be the one this
    /// check-out made: the server's clock and ours disagree a little.
    static let clockSkew: TimeInterval = 300

    public init(journal: LeaseJournal?, now: @escaping @Sendable () -> Date = Date.init) {
        self.journal = journal
        self.now = now
    }

    /// What a kept check-out produced.
    public struct Kept: Sendable {
        public var retrieval: CheckoutRetrieval
        /// The error that lost the check-out's answer, when the server's list recovered it.
        public var recoveredFrom: PAMError?
        public var outcome: CheckoutOutcome { retrieval.outcome }
    }

    /// Checks `request` out, fetching `field` under the lease when one is given.
    public func checkOut(
        _ request: CheckoutRequest, with client: any CredentialCheckout, fetching field: CredentialField? = nil
    ) async throws -> Kept {
        let intent = LeaseRecord.intent(request, profile: client.profile, vendor: client.vendor, at: now())
        try journal?.append(intent)
        do {
            let retrieval: CheckoutRetrieval
            if let field {
                retrieval = try await client.checkOutAndRetrieve(request, field: field)
            } else {
                retrieval = CheckoutRetrieval(try await client.checkOut(request), credential: nil)
            }
            note(intent.holding(retrieval.outcome))
            return Kept(retrieval: retrieval, recoveredFrom: nil)
        } catch {
            let failure = PAMError.wrap(error, profile: client.profile, operation: "check-out")
            if Self.certainlyMadeNothing(failure) {
                note(intent.with(.closed))
                throw failure
            }
            return try await recover(intent, after: failure, with: client, fetching: field)
        }
    }

    /// Ends a request and closes every journal record that names it.
    public func release(
        requestID: String, action: RequestAction, reason: String?, with client: any CredentialCheckout
    ) async throws {
        try await client.release(requestID: requestID, action: action, reason: reason)
        forget(profile: client.profile, requestID: requestID)
    }

    /// Ends a request even when the command is stopping, trying again (`attempts` rounds, each
    /// with the transport's own retries) when an answer is lost, and counting it done once the
    /// server no longer lists it open. Throws the last error when the request may still be open.
    public func releaseSurely(
        requestID: String, action: RequestAction, reason: String?, with client: any CredentialCheckout, attempts: Int = 3
    ) async throws {
        try await Interruption.cleanup {
            var last = PAMError(.server, "not tried")
            for round in 0..<max(1, attempts) {
                if round > 0 { try? await Task.sleep(for: .milliseconds(250 << round)) }
                do {
                    return try await release(requestID: requestID, action: action, reason: reason, with: client)
                } catch {
                    last = PAMError.wrap(error, profile: client.profile, operation: "check-in")
                }
                // A check-in whose answer was lost may still have happened.
                if let requests = try? await Self.listRequests(client), !requests.contains(where: { $0.id == requestID && $0.state.isOpen }) {
                    return forget(profile: client.profile, requestID: requestID)
                }
            }
            throw last
        }
    }

    /// Marks the records of a request the server no longer holds as closed.
    public func forget(profile: String, requestID: String) {
        guard let journal, let open = try? journal.openRecords() else { return }
        for record in open where record.profile == profile && record.requestID == requestID {
            note(record.with(.closed))
        }
    }

    /// What the server says of each record of one profile, the journal updated to match.
    public func verify(_ records: [LeaseRecord], with client: any CredentialCheckout) async -> [(LeaseRecord, Standing)] {
        do {
            let requests = try await Interruption.cleanup { try await Self.listRequests(client) }
            return settle(records, against: requests)
        } catch {
            return records.map { ($0, .unknown(PAMError.wrap(error, profile: client.profile, operation: "list requests"))) }
        }
    }

    /// Brings the journal's records of `profile` in line with a fresh list of my requests there,
    /// so a lease a crashed run left shows as held and one ended elsewhere is dropped.
    public func settleJournal(profile: String, against requests: [AccessRequest]) {
        guard let open = try? journal?.openRecords() else { return }
        _ = settle(open.filter { $0.profile == profile }, against: requests)
    }

    /// Each record against `requests` (all of its profile's): open when the server lists it (by
    /// id, or for a record without one by account, time and reason), else closed.
    func settle(_ records: [LeaseRecord], against requests: [AccessRequest]) -> [(LeaseRecord, Standing)] {
        records.map { record in
            let found = record.requestID.map { id in requests.first { $0.id == id && $0.state.isOpen } }
                ?? Self.match(record, in: requests)
            guard let found else {
                note(record.with(.closed))
                return (record.with(.closed), .closed)
            }
            let held = record.holding(found)
            if held != record { note(held) }
            return (held, .open(found))
        }
    }

    /// What the server holds for a journal record.
    public enum Standing: Sendable {
        case open(AccessRequest)
        case closed
        /// The server could not be asked.
        case unknown(PAMError)
    }

    /// The answer was lost: the server's list of my requests tells whether one was made.
    private func recover(
        _ intent: LeaseRecord, after failure: PAMError, with client: any CredentialCheckout, fetching field: CredentialField?
    ) async throws -> Kept {
        let found: AccessRequest?
        do {
            found = try await Interruption.cleanup { Self.match(intent, in: try await Self.listRequests(client)) }
        } catch {
            note(intent.with(.unknown))
            let asked = PAMError.wrap(error)
            var unknown = failure
            unknown.message += "; whether the server now holds a request is unknown (asking it failed: \(asked.message)); check with: pamtui leases"
            throw unknown
        }
        guard let found else {
            note(intent.with(.closed))
            var none = failure
            none.message += "; the server holds no request from this check-out"
            throw none
        }
        note(intent.holding(found))
        guard let lease = found.lease(profile: client.profile, vendor: client.vendor, at: intent.startedAt) else {
            return Kept(retrieval: CheckoutRetrieval(.pending(found), credential: nil), recoveredFrom: failure)
        }
        var credential: Result<SecretBytes, PAMError>?
        if let field { credential = await Result.catching { try await client.retrieve(lease, field: field) } }
        return Kept(retrieval: CheckoutRetrieval(.granted(lease, reused: false), credential: credential), recoveredFrom: failure)
    }

    /// My requests, asked again when an answer is lost or garbled: this is the listing that
    /// tells a lost check-out from none, so it gets more tries than an ordinary read (about
    /// 1.5 s in all), and a garbled body counts as lost here.
    static func listRequests(_ client: any CredentialCheckout, attempts: Int = 6) async throws -> [AccessRequest] {
        var delay = Duration.milliseconds(50)
        for _ in 1..<attempts {
            do {
                return try await client.listRequests()
            } catch let error as PAMError where [.transport, .timeout, .malformed, .server].contains(error.kind) {
                try await Task.sleep(for: delay)
                delay *= 2
            }
        }
        return try await client.listRequests()
    }

    /// The newest open request of mine on the record's account made since the intent (and with
    /// its reason, when both have one).
    static func match(_ record: LeaseRecord, in requests: [AccessRequest]) -> AccessRequest? {
        let earliest = record.startedAt.addingTimeInterval(-clockSkew)
        return requests.filter { request in
            request.systemID == record.systemID && request.accountID == record.accountID && request.state.isOpen
                && (request.requestedAt.map { $0 >= earliest } ?? true)
                && (record.reason == nil || request.reason == nil || request.reason == record.reason)
        }.max { ($0.requestedAt ?? .distantPast) < ($1.requestedAt ?? .distantPast) }
    }

    /// A request refused before or by the server (bad input, no connection, a 4xx answer, which
    /// the refusal kinds stand for) made nothing; anything else (a timeout, a drop, a garbled or
    /// 5xx answer, cancellation) may have.
    static func certainlyMadeNothing(_ error: PAMError) -> Bool {
        if error.neverSent { return true }
        let refusals: [PAMError.Kind] = [.usage, .configuration, .unsupported, .authentication, .permission, .notFound, .conflict]
        if refusals.contains(error.kind) { return true }
        guard let status = error.status else { return false }
        return (400..<500).contains(status) && status != 408
    }

    /// Journals `record`. Past the intent a failed write loses no lease (the server still holds
    /// it, and the command reports it), so it is not worth failing the command for.
    private func note(_ record: LeaseRecord) {
        try? journal?.append(record)
    }
}

extension LeaseRecord {
    /// This record with a check-out's outcome on it.
    func holding(_ outcome: CheckoutOutcome) -> LeaseRecord {
        switch outcome {
        case .granted(let lease, _): holding(lease)
        case .pending(let request): holding(request)
        }
    }
}
