import Foundation
import PAMCore

extension BeyondTrustClient: CredentialCheckout {
    public func checkOut(_ request: CheckoutRequest) async throws -> Lease {
        try await call("check-out") {
            let account = request.account
            let duration = try resolvedDuration(request)
            let reason = try resolvedReason(request)
            guard let systemID = Int(account.systemID), let accountID = Int(account.id) else {
                throw PAMError(.usage, "account \(account.path) has non-numeric ids")
            }
            let body = BeyondTrustDTO.RequestBody(
                SystemID: systemID, AccountID: accountID, DurationMinutes: duration, Reason: reason,
                AccessType: request.accessType ?? configuration.defaults.accessType ?? "View",
                ConflictOption: request.conflict == .none ? nil : request.conflict.rawValue
            )
            let issuedAt = now()
            let requestID = try await createRequest(body, request: request)
            let expiresDate = try? await activeRequest(id: requestID)?.ExpiresDate
            return Lease(
                profile: profile, vendor: vendor, requestID: requestID, accountID: account.id, systemID: account.systemID,
                systemName: account.systemName, accountName: account.name, reason: reason, issuedAt: issuedAt,
                expiresAt: BeyondTrustMapping.expiry(serverDate: ISODateTime.parse(expiresDate), issuedAt: issuedAt, durationMinutes: duration)
            )
        }
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

    public func checkIn(requestID: String, reason: String?) async throws {
        try await call("check-in") {
            let body = WireJSON.encode(BeyondTrustDTO.CheckinBody(Reason: reason))
            _ = try await session.send(.checkIn(requestID: requestID), body: .bytes(body))
        }
    }

    public func listRequests() async throws -> [AccessRequest] {
        try await call("list requests") {
            async let active = decode([BeyondTrustDTO.Request].self, .requests(status: "active"))
            async let pending = decode([BeyondTrustDTO.Request].self, .requests(status: "pending"))
            var seen = Set<Int>()
            return try await (active + pending).filter { seen.insert($0.RequestID).inserted }.map(BeyondTrustMapping.request)
        }
    }

    /// Posts the request; on a 409 for `reuse` (servers that ignore ConflictOption) takes over
    /// my existing active request, as the vendor's own SDK does.
    private func createRequest(_ body: BeyondTrustDTO.RequestBody, request: CheckoutRequest) async throws -> String {
        let subject = request.account.path
        let response = try await session.send(.createRequest, body: .bytes(WireJSON.encode(body)), subject: subject, accept: [409])
        if response.status == 409 {
            let existing = try? await activeRequest(systemID: body.SystemID, accountID: body.AccountID)
            if request.conflict == .reuse, let existing { return String(existing.RequestID) }
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
        return String(id)
    }

    private func activeRequest(id: String) async throws -> BeyondTrustDTO.Request? {
        try await decode([BeyondTrustDTO.Request].self, .requests(status: "active")).first { String($0.RequestID) == id }
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
