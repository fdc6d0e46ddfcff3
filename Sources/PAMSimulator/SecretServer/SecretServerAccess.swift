import Foundation

/// What a caller brings to read a secret: `SecretRestrictedArgs` from a `restricted` body, or
/// the query flags of a plain GET (which can never carry a comment or a DoubleLock password).
struct SecretServerAccess: Sendable {
    var comment: String?
    var ticketNumber: String?
    var doubleLockPassword: String?
    var forceCheckIn = false
    var noAutoCheckout = false
    var autoCheckIn = false
    var includeInactive = false

    init(query: SecretServerQuery) {
        forceCheckIn = query.bool("forceCheckIn") ?? false
        noAutoCheckout = query.bool("noAutoCheckout") ?? false
        autoCheckIn = query.bool("autoCheckIn") ?? false
        includeInactive = query.bool("includeInactive") ?? false
    }

    init(body: JSONBody, query: SecretServerQuery) {
        self.init(query: query)
        comment = body.string("comment")
        ticketNumber = body.string("ticketNumber")
        doubleLockPassword = body.string("doubleLockPassword")
        forceCheckIn = body.bool("forceCheckIn") ?? forceCheckIn
        noAutoCheckout = body.bool("noAutoCheckout") ?? noAutoCheckout
        includeInactive = body.bool("includeInactive") ?? includeInactive
    }

    var hasComment: Bool { !(comment ?? "").trimmingCharacters(in: .whitespaces).isEmpty }
}

/// `secretState` of the `/state` probe.
enum SecretServerSecretState: String {
    case none = "None", requiresApproval = "RequiresApproval", requiresCheckout = "RequiresCheckout"
    case requiresComment = "RequiresComment", requiresDoubleLockPassword = "RequiresDoubleLockPassword"
    case requiresUndelete = "RequiresUndelete", requiresCheckoutAndComment = "RequiresCheckoutAndComment"

    /// What `user` must do before reading `secret` now.
    init(_ secret: SSSecret, user: Int, now: Date) {
        let heldByUser = secret.checkout?.userID == user
        if !secret.active {
            self = .requiresUndelete
        } else if secret.requiresApproval, !(secret.approvedUntil[user].map { $0 > now } ?? false) {
            self = .requiresApproval
        } else if secret.isDoubleLock {
            self = .requiresDoubleLockPassword
        } else if secret.checkOutEnabled, !heldByUser {
            self = secret.requiresComment ? .requiresCheckoutAndComment : .requiresCheckout
        } else if secret.requiresComment {
            self = .requiresComment
        } else {
            self = .none
        }
    }
}

extension SecretServerSimulator {
    /// The secret a route names: `{id}`, or id 0 with `secretPath=\Folder\Name`.
    func resolveSecret(_ request: SimulatorRequest, in state: SecretServerState) throws(SecretServerRefusal) -> Int {
        let number = try id(request)
        if number == 0 {
            guard let path = SecretServerQuery(request).string("secretPath"), let found = state.world.secret(path: path) else {
                throw SecretServerRefusal.accessDenied
            }
            return found
        }
        guard state.world.secret(number) != nil else { throw SecretServerRefusal.accessDenied }
        return number
    }

    /// Applies the secret's rules for `user` (approval, DoubleLock, comment, inactive) and checks
    /// it out when it needs a check-out; returns the secret as the caller may now see it.
    func open(_ id: Int, user: SSUser, access: SecretServerAccess, now: Date, in state: inout SecretServerState) throws(SecretServerRefusal) -> SSSecret {
        guard let secret = state.world.secret(id) else { throw SecretServerRefusal.accessDenied }
        if !secret.active, !access.includeInactive { throw refusal(.inactive) }
        if secret.requiresApproval, !(secret.approvedUntil[user.id].map { $0 > now } ?? false) { throw refusal(.approvalRequired) }
        if let password = secret.doubleLockPassword, access.doubleLockPassword != password {
            throw refusal((access.doubleLockPassword ?? "").isEmpty ? .doubleLockRequired : .doubleLockInvalid)
        }
        if secret.requiresComment, !access.hasComment { throw SecretServerRefusal.commentRequired }
        if secret.checkOutEnabled {
            if let holder = secret.checkout, holder.userID != user.id {
                guard access.forceCheckIn else {
                    throw refusal(.checkedOutByAnotherUser(state.world.user(holder.userID)?.displayName ?? "another user"))
                }
                state.checkIn(id, at: now)
            }
            if state.world.secret(id)?.checkout?.userID != user.id {
                if access.noAutoCheckout { throw refusal(.checkoutRequired) }
                state.checkOut(id, userID: user.id, now: now)
            }
        }
        guard let opened = state.world.secret(id) else { throw SecretServerRefusal.accessDenied }
        return opened
    }

    /// After a read with `autoCheckIn=true`: gives the check-out back (rotating if configured).
    func finishRead(_ id: Int, user: SSUser, access: SecretServerAccess, now: Date, in state: inout SecretServerState) {
        if access.autoCheckIn, state.world.secret(id)?.checkout?.userID == user.id { state.checkIn(id, at: now) }
    }
}
