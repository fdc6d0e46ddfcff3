import Foundation
import PAMCore

extension BeyondTrustClient: CredentialCheckout {
    public func checkOut(_ request: CheckoutRequest) async throws -> CheckoutOutcome {
        try await call("check-out") {
            let account = request.account
            let duration = try resolvedDuration(request)
            let reason = try resolvedReason(request)
            guard let systemID = Int(account.systemID), let accountID = Int(account.id) else {
                throw PAMError(.usage, "account \(account.path) has non-numeric ids")
            }
            let conflict = option(BeyondTrustCheckoutOptions.conflict, request)
            let body = BeyondTrustDTO.RequestBody(
                SystemID: systemID, AccountID: accountID, DurationMinutes: duration, Reason: reason,
                AccessType: option(BeyondTrustCheckoutOptions.accessType, request),
                ConflictOption: conflict == "none" ? nil : conflict
            )
            let issuedAt = now()
            let created = try await createRequest(body, request: request, conflict: conflict)
            let fromDuration = BeyondTrustMapping.expiry(serverDate: nil, issuedAt: issuedAt, durationMinutes: duration)
            var lease = Lease(
                profile: profile, vendor: vendor, requestID: created.id, accountID: account.id, systemID: account.systemID,
                systemName: account.systemName, accountName: account.name, reason: reason, issuedAt: issuedAt,
                expiresAt: fromDuration
            )
            // The answer is a bare id: only the request list tells a pending request from an
            // active one, and the real expiry. Callers that fetch the credential next skip it
            // (a pending request then answers 4034 there).
            guard request.confirmState else { return .granted(lease, reused: created.reused) }
            // The request exists now: a failed look-up must not lose it, so it reports the lease.
            let listed = try? await decode([BeyondTrustDTO.Request].self, .requests(status: "all"))
                .first { String($0.RequestID) == created.id }
            if let listed {
                let mapped = BeyondTrustMapping.request(listed)
                if mapped.state == .pendingApproval { return .pending(mapped) }
                lease.expiresAt = BeyondTrustMapping.expiry(
                    serverDate: ISODateTime.parse(listed.ExpiresDate), issuedAt: issuedAt, durationMinutes: duration)
            }
            return .granted(lease, reused: created.reused)
        }
    }

    /// The protocol minimum: `POST Requests`, then `GET Credentials`, whose 4034 tells a request
    /// that waits for approval; no request listing.
    public func checkOutAndRetrieve(_ request: CheckoutRequest, field: CredentialField) async throws -> CheckoutRetrieval {
        var quick = request
        quick.confirmState = false
        let outcome = try await checkOut(quick)
        guard let lease = outcome.lease else { return CheckoutRetrieval(outcome, credential: nil) }
        let credential = await Result.catching { try await retrieve(lease, field: field) }
        if case .failure(let error) = credential, error.vendorCode == "4034" {
            let pending = AccessRequest(
                id: lease.requestID, systemID: lease.systemID, systemName: lease.systemName, accountID: lease.accountID,
                accountName: lease.accountName, state: .pendingApproval, vendorState: "Pending", reason: lease.reason,
                requestedAt: lease.issuedAt, expiresAt: nil)
            return CheckoutRetrieval(.pending(pending), credential: nil)
        }
        return CheckoutRetrieval(outcome, credential: credential)
    }

    public func retrieve(_ lease: Lease, field: CredentialField) async throws -> SecretBytes {
        try await call("retrieve credential") {
            let type = field == .key ? "dsskey" : "password"
            let response = try await session.send(
                .credentials(requestID: lease.requestID, type: type), subject: "\(lease.systemName)/\(lease.accountName)"
            )
            return try SecretJSON.stringLiteral(response.body)
        }
    }

    /// BeyondTrust has one verb: `Checkin` ends an active request and withdraws a pending one
    /// (docs/DECISIONS.md); there is nothing to acknowledge.
    public func release(requestID: String, action: RequestAction, reason: String?) async throws {
        try await call(action == .cancel ? "cancel request" : "check-in") {
            guard action != .acknowledge else { return }
            let body = WireJSON.encode(BeyondTrustDTO.CheckinBody(Reason: reason))
            _ = try await session.send(.checkIn(requestID: requestID), body: .bytes(body))
        }
    }

    public func listRequests() async throws -> [AccessRequest] {
        try await call("list requests") {
            try await decode([BeyondTrustDTO.Request].self, .requests(status: "all")).map(BeyondTrustMapping.request)
        }
    }

    /// Posts the request; on a 409 for `reuse` (servers that ignore ConflictOption) takes over
    /// my existing active request, as the vendor's own SDK does. A 200 (not 201) means the
    /// server reused my request.
    private func createRequest(
        _ body: BeyondTrustDTO.RequestBody, request: CheckoutRequest, conflict: String
    ) async throws -> (id: String, reused: Bool) {
        let subject = request.account.path
        let response = try await session.send(.createRequest, body: .bytes(WireJSON.encode(body)), subject: subject, accept: [409])
        if response.status == 409 {
            let existing = try? await activeRequest(systemID: body.SystemID, accountID: body.AccountID)
            if conflict == "reuse", let existing { return (String(existing.RequestID), true) }
            let hint = existing.map { " (request \($0.RequestID)); use --conflict reuse or renew" } ?? ""
            throw PAMError(
                .conflict, "an active request for \(subject) already exists\(hint) (BeyondTrust 4091)",
                vendorCode: "4091", status: 409
            )
        }
        let text = response.body.withUnsafeBytes { String(decoding: $0, as: UTF8.self) }
            .trimmingCharacters(in: CharacterSet(charactersIn: "\" \n\r\t"))
        guard let id = Int(text) else {
            throw PAMError(.malformed, "the check-out answer is not a request id", operation: "check-out")
        }
        return (String(id), response.status == 200 && conflict == "reuse")
    }

    /// A check-out option: the request's, else the profile's, else the vendor's default.
    private func option(_ spec: CheckoutOptionSpec, _ request: CheckoutRequest) -> String {
        request.options[spec.key] ?? configuration.defaults.options[spec.key] ?? spec.defaultValue ?? ""
    }

    private func activeRequest(systemID: Int, accountID: Int) async throws -> BeyondTrustDTO.Request? {
        try await decode([BeyondTrustDTO.Request].self, .requests(status: "active"))
            .first { $0.SystemID == systemID && $0.AccountID == accountID }
    }

    private func resolvedDuration(_ request: CheckoutRequest) throws -> Int {
        let account = request.account
        let duration = request.durationMinutes ?? configuration.defaults.durationMinutes ?? account.defaultDurationMinutes ?? 60
        guard (1...525_600).contains(duration) else {
            throw PAMError(.usage, "duration must be 1 to 525600 minutes, not \(duration)")
        }
        if let maximum = account.maximumDurationMinutes, maximum > 0, duration > maximum {
            throw PAMError(.usage, "duration \(duration) min exceeds the maximum of \(maximum) min for \(account.path)")
        }
        return duration
    }

    private func resolvedReason(_ request: CheckoutRequest) throws -> String? {
        let reason = (request.reason ?? configuration.defaults.reason).flatMap { $0.isEmpty ? nil : $0 }
        if reason == nil && configuration.defaults.requireReason {
            throw PAMError(.usage, "a reason is required for check-outs in profile \(profile)")
        }
        guard (reason?.count ?? 0) <= 1000 else { throw PAMError(.usage, "the reason is longer than 1000 characters") }
        return reason
    }
}
