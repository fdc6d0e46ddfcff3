import Foundation
import PAMCore

extension SecretServerSimulator {
    /// `POST api/v1/secrets/{id}/check-out` (no body) → `{"responseCodes": []}`. Exclusive: a
    /// secret another user holds stays theirs unless `forceCheckIn=true`.
    func checkOut(_ request: SimulatorRequest) -> SimulatorResponse {
        authorized(request) { user, state throws(SecretServerRefusal) in
            let id = try resolveSecret(request, in: state)
            guard let secret = state.world.secret(id) else { throw SecretServerRefusal.accessDenied }
            guard secret.active else { throw refusal(.inactive) }
            guard secret.checkOutEnabled else { throw refusal(.checkoutNotEnabled) }
            if secret.requiresApproval, !(secret.approvedUntil[user.id].map { $0 > request.now } ?? false) { throw refusal(.approvalRequired) }
            if let holder = secret.checkout, holder.userID != user.id {
                guard SecretServerQuery(request).bool("forceCheckIn") == true else {
                    throw refusal(.checkedOutByAnotherUser(state.world.user(holder.userID)?.displayName ?? "another user"))
                }
                state.checkIn(id, at: request.now)
            }
            if state.world.secret(id)?.checkout?.userID != user.id { state.checkOut(id, userID: user.id, now: request.now) }
            return .json { $0.object { $0.field("responseCodes") { $0.array { _ in } } } }
        }
    }

    /// `POST api/v1/secrets/{id}/check-in` (`SecretRestrictedArgs`) → `SecretSummary`; rotates the
    /// password when the secret changes it on check-in. Someone else's check-out needs `forceCheckIn`.
    func checkIn(_ request: SimulatorRequest) -> SimulatorResponse {
        authorized(request) { user, state throws(SecretServerRefusal) in
            let id = try resolveSecret(request, in: state)
            let access = SecretServerAccess(body: try bind(request), query: SecretServerQuery(request))
            guard let secret = state.world.secret(id) else { throw SecretServerRefusal.accessDenied }
            if let holder = secret.checkout {
                guard holder.userID == user.id || access.forceCheckIn else {
                    throw refusal(.checkedOutByAnotherUser(state.world.user(holder.userID)?.displayName ?? "another user"))
                }
                state.checkIn(id, at: request.now)
            }
            guard let after = state.world.secret(id) else { throw SecretServerRefusal.accessDenied }
            return .json { SecretServerJSON.summary(&$0, after, world: state.world, folderPath: state.world.folderPath(after.folderID), extendedFields: []) }
        }
    }

    /// `POST api/v1/secrets/{id}/extend-check-out` (`{"data": {}}`) → `{"checkOutEndTime": …}`:
    /// the holder's check-out runs a full interval from now.
    func extendCheckOut(_ request: SimulatorRequest) -> SimulatorResponse {
        authorized(request) { user, state throws(SecretServerRefusal) in
            let id = try resolveSecret(request, in: state)
            _ = try bind(request)
            guard let secret = state.world.secret(id) else { throw SecretServerRefusal.accessDenied }
            guard let holder = secret.checkout else { throw refusal(.checkoutRequired) }
            guard holder.userID == user.id else {
                throw refusal(.checkedOutByAnotherUser(state.world.user(holder.userID)?.displayName ?? "another user"))
            }
            guard let end = state.extendCheckOut(id, now: request.now) else { throw SecretServerRefusal.accessDenied }
            return .json { $0.object { $0.field("checkOutEndTime", SecretServerDate.format(end)) } }
        }
    }

    /// `GET api/v1/secrets/{id}/state`: what the caller must do before reading (`secretState`),
    /// who holds it, and the actions open to them. Nulls when nobody holds it, as the server writes.
    func secretState(_ request: SimulatorRequest) -> SimulatorResponse {
        authorized(request) { user, state throws(SecretServerRefusal) in
            let id = try resolveSecret(request, in: state)
            guard let secret = state.world.secret(id) else { throw SecretServerRefusal.accessDenied }
            let secretState = SecretServerSecretState(secret, user: user.id, now: request.now)
            let holder = secret.checkout
            var actions = ["ViewAudit", "Edit"]
            if secret.checkOutEnabled {
                actions += holder == nil ? ["Checkout"] : holder?.userID == user.id ? ["CheckIn", "ExtendCheckOut"] : ["ForceCheckIn"]
            }
            actions.append(secret.active ? "Delete" : "Undelete")
            return .json { w in
                w.object { w in
                    w.field("id", secret.id)
                    w.field("secretName", secret.name)
                    w.field("folderId", secret.folderID)
                    w.field("folderName", state.world.folder(secret.folderID)?.name)
                    w.field("secretState", secretState.rawValue)
                    w.field("isActive", secret.active)
                    w.field("isCheckedOut", holder.map { _ in true })
                    w.field("checkedOutUserId", holder?.userID)
                    w.field("checkOutMinutesRemaining", holder.map { SecretServerJSON.minutesRemaining($0, now: request.now) })
                    w.field("checkedOutUserDisplayName", holder.flatMap { state.world.user($0.userID)?.displayName })
                    w.field("isCheckedOutByCurrentUser", holder.map { $0.userID == user.id })
                    w.field("checkOutIntervalMinutes", secret.checkOutEnabled ? secret.checkOutIntervalMinutes : nil)
                    w.field("role", "Owner")
                    w.field("actions") { w in w.array { w in for action in actions { w.string(action) } } }
                    w.field("passwordChangePending", false)
                }
            }
        }
    }
}
