import Foundation

extension BeyondTrustSimulator {
    static let conflictMessage =
        "4091 - Conflicting request exists. This user or another user has already requested a password for the specified account."
    static let noPermissionMessage =
        "4031 - User does not have permission to request the account or the account is not valid for the system."
    static let pendingMessage = "4034 - Request is pending approval."

    /// `POST Requests`: a bare integer id; 201 new, 200 reused; 409 `4091` on conflict.
    func createRequest(_ request: SimulatorRequest) -> SimulatorResponse {
        authorized(request) { session, state in
            guard let body = JSONBody.bind(request.body) else { return Refusal(400, "The request body is not valid JSON").response }
            guard let systemID = body.int("SystemID"), let accountID = body.int("AccountID") else {
                return Refusal(400, "SystemID and AccountID are required").response
            }
            guard let index = world.account(id: accountID), world.systems[world.accounts[index].systemIndex].id == systemID,
                  world.accounts[index].apiEnabled
            else { return Refusal(403, Self.noPermissionMessage).response }
            let account = world.accounts[index]
            guard let duration = body.int("DurationMinutes") else { return Refusal(400, "DurationMinutes is required").response }
            let maximum = min(525_600, account.maximumReleaseDuration)
            guard (1...maximum).contains(duration) else {
                return Refusal(400, "DurationMinutes must be between 1 and \(maximum) for this account").response
            }
            let accessType = body.string("AccessType") ?? "View"
            guard let canonicalAccess = ["View", "RDP", "SSH", "App"].first(where: { $0.lowercased() == accessType.lowercased() }) else {
                return Refusal(400, "AccessType must be View, RDP, SSH or App").response
            }
            let reason = body.string("Reason")
            if let reason, reason.count > 1000 { return Refusal(400, "Reason must be at most 1000 characters").response }
            let conflictOption = body.string("ConflictOption")?.lowercased()
            guard conflictOption == nil || conflictOption == "reuse" || conflictOption == "renew" else {
                return Refusal(400, "ConflictOption must be reuse or renew").response
            }

            // One open request per user, account and access type (PSRUN "Request" conflict rules).
            let existing = state.openRequests(userName: session.userName, accountIndex: index, accessType: canonicalAccess)
            if let first = existing.first {
                switch conflictOption {
                case "reuse":
                    return .jsonInt(200, first.id)
                case "renew":
                    for open in existing { state.close(open.id, at: request.now, world: world, rotate: false) }
                default:
                    return Refusal(409, Self.conflictMessage).response
                }
            }

            let created = state.add { id in
                BTRequest(
                    id: id, userName: session.userName, accountIndex: index, systemID: systemID, accountID: accountID,
                    accessType: canonicalAccess, reason: reason, durationMinutes: duration, requested: request.now,
                    approved: account.requiresApproval ? nil : request.now,
                    status: account.requiresApproval ? .pending : .active,
                    rotateOnCheckin: body.bool("RotateOnCheckin") ?? true)
            }
            return .jsonInt(201, created.id)
        }
    }

    /// `GET Requests?status=all|active|pending&queue=req|app`: the caller's open requests.
    func listRequests(_ request: SimulatorRequest) -> SimulatorResponse {
        authorized(request) { session, state in
            let status = request.query("status")?.lowercased() ?? "all"
            guard ["all", "active", "pending"].contains(status) else {
                return Refusal(400, "status must be all, active or pending").response
            }
            let queue = request.query("queue")?.lowercased() ?? "req"
            guard ["req", "app"].contains(queue) else { return Refusal(400, "queue must be req or app").response }
            let rows = state.requests.values
                .filter { $0.userName == session.userName }
                .filter { status == "all" || $0.status.rawValue.lowercased() == status }
                .filter { queue == "req" || $0.status == .pending }
                .sorted { $0.id < $1.id }
            return .json { w in
                w.array { w in for row in rows { BeyondTrustJSON.request(&w, row, world: world) } }
            }
        }
    }

    /// `PUT Requests/{id}/Checkin` and `PUT Requests/Release/{id}`: 204; rotates when due.
    func checkIn(_ request: SimulatorRequest) -> SimulatorResponse {
        authorized(request) { session, state in
            guard let body = JSONBody.bind(request.body) else { return Refusal(400, "The request body is not valid JSON").response }
            if let reason = body.string("Reason"), reason.count > 1000 {
                return Refusal(400, "Reason must be at most 1000 characters").response
            }
            guard let open = openRequest(request, session: session, state: state) else {
                return Refusal(404, "Request not found, already released or expired").response
            }
            state.close(open.id, at: request.now, world: world, rotate: true)
            return .empty(204)
        }
    }

    /// `PUT Requests/{id}/Approve`: approves a pending request (the demo user is its own approver).
    func approve(_ request: SimulatorRequest) -> SimulatorResponse {
        authorized(request) { session, state in
            guard let open = openRequest(request, session: session, state: state), open.status == .pending else {
                return Refusal(404, "Request not found or not pending").response
            }
            state.approve(open.id, at: request.now)
            return .empty(204)
        }
    }

    /// `PUT Requests/{id}/Deny`.
    func deny(_ request: SimulatorRequest) -> SimulatorResponse {
        authorized(request) { session, state in
            guard let open = openRequest(request, session: session, state: state), open.status == .pending else {
                return Refusal(404, "Request not found or not pending").response
            }
            state.close(open.id, at: request.now, world: world, rotate: false)
            return .empty(204)
        }
    }

    /// `PUT Requests/{id}/RotateOnCheckin`.
    func rotateOnCheckin(_ request: SimulatorRequest) -> SimulatorResponse {
        authorized(request) { session, state in
            guard let open = openRequest(request, session: session, state: state) else {
                return Refusal(404, "Request not found, already released or expired").response
            }
            state.setRotateOnCheckin(open.id)
            return .empty(204)
        }
    }

    /// `GET Credentials/{id}[?type=password|dsskey|passphrase]`: a JSON string literal.
    func credential(_ request: SimulatorRequest) -> SimulatorResponse {
        authorized(request) { session, state in
            guard let open = openRequest(request, session: session, state: state) else {
                return Refusal(404, "Request not found, already released or expired").response
            }
            guard open.status == .active else { return Refusal(403, Self.pendingMessage).response }
            let account = world.accounts[open.accountIndex]
            switch request.query("type")?.lowercased() ?? "password" {
            case "password":
                return .jsonString(200, state.password(open.accountIndex, world: world))
            case "dsskey":
                guard account.hasSSHKey else { return Refusal(404, "The account has no DSS key").response }
                let version = state.rotations[open.accountIndex]?.count ?? 0
                return .jsonString(200, BeyondTrustSecrets.privateKeyPEM(seed: world.seed, key: "account/\(account.id)/\(version)"))
            case "passphrase":
                return Refusal(404, "The account's DSS key has no passphrase").response
            default:
                return Refusal(400, "type must be password, dsskey or passphrase").response
            }
        }
    }

    /// The caller's open request named by the `{id}` parameter.
    private func openRequest(_ request: SimulatorRequest, session: BTSession, state: BeyondTrustState) -> BTRequest? {
        guard let id = Int(request.parameter("id")), let found = state.requests[id],
              found.userName == session.userName
        else { return nil }
        return found
    }
}
