import Foundation
import PAMCore
import PAMScreen

extension Reducer {
    static func beginCheckout(_ state: inout AppState) -> [Effect] {
        guard state.focus == .accounts, let account = Presentation.selectedAccount(state) else {
            flash(&state, "select an account to check out", error: true)
            return []
        }
        if state.settings.readonly {
            flash(&state, "read-only mode: checkout is disabled", error: true)
            return []
        }
        // The profile's duration, then the account's, as the client itself would choose.
        let policy = state.profile?.checkout ?? CheckoutPolicy()
        let duration = policy.durationMinutes ?? account.defaultDurationMinutes ?? 60
        state.overlay = .checkout(CheckoutForm(
            account: account, reason: policy.reason ?? "", duration: String(duration), options: policy.options,
            optionValues: policy.optionValues))
        return []
    }

    /// Submits the check-out form, or shows what is wrong with it.
    static func submitCheckout(_ state: inout AppState, _ form: CheckoutForm) -> [Effect] {
        var form = form
        guard let minutes = Int(form.duration), minutes > 0 else {
            form.error = "duration must be a whole number of minutes"
            state.overlay = .checkout(form)
            return []
        }
        if let maximum = form.account.maximumDurationMinutes, maximum > 0, minutes > maximum {
            form.error = "at most \(maximum) minutes for this account"
            state.overlay = .checkout(form)
            return []
        }
        guard let profile = state.profile else { return [] }
        let reason = form.reason.trimmingCharacters(in: .whitespaces)
        if reason.isEmpty && profile.checkout.requireReason {
            form.error = "a reason is required on \(profile.name)"
            form.focus = 0
            state.overlay = .checkout(form)
            return []
        }
        state.overlay = nil
        let request = CheckoutRequest(
            account: form.account, reason: reason.isEmpty ? nil : reason, durationMinutes: minutes, options: form.optionValues)
        flash(&state, "checking out \(form.account.path)…")
        audit(&state, "check-out requested: \(profile.name):\(form.account.path) for \(minutes) min")
        return [.checkOut(profile: profile.name, request, requestID: nextRequest(&state))]
    }

    static func checkedOut(_ state: inout AppState, _ result: Result<CheckoutOutcome, ActionError>) -> [Effect] {
        switch result {
        case .success(.granted(let lease, let reused)):
            state.leases.removeAll { $0.id == lease.id }
            state.leases.append(lease)
            let countdown = Presentation.countdown(lease, now: state.now)
            let verb = reused ? "reusing your open request \(lease.requestID) on" : "checked out"
            flash(&state, "\(verb) \(lease.systemName)/\(lease.accountName): expires in \(countdown)")
            audit(&state, "checked out \(lease.profile):\(lease.systemName)/\(lease.accountName) (request \(lease.requestID))")
        case .success(.pending(let request)):
            if let profile = state.profile {
                let pending = PendingRequest(profile: profile.name, request: request)
                state.pending.removeAll { $0.id == pending.id }
                state.pending.append(pending)
            }
            flash(&state, "request \(request.id) for \(request.path) is pending approval: i on it in Leases withdraws it")
            audit(&state, "check-out pending approval: \(request.path) (request \(request.id))")
        case .failure(let error):
            flash(&state, error.message, error: true)
            audit(&state, "check-out failed: \(error.message)")
        }
        return []
    }

    /// Opens the confirmation, which defaults to Cancel.
    static func askCheckin(_ state: inout AppState) -> [Effect] {
        if let pending = Presentation.selectedPending(state) {
            state.overlay = .confirmCheckin(leaseID: pending.id, confirm: false)
            return []
        }
        guard let lease = Presentation.focusedLease(state) else {
            flash(&state, "no lease selected", error: true)
            return []
        }
        state.overlay = .confirmCheckin(leaseID: lease.id, confirm: false)
        return []
    }

    static func confirmCheckin(_ state: inout AppState, leaseID: String) -> [Effect] {
        state.overlay = nil
        if let pending = state.pending.first(where: { $0.id == leaseID }) {
            audit(&state, "withdrawal requested: \(pending.profile):\(pending.request.path)")
            return [.withdraw(pending)]
        }
        guard let lease = state.leases.first(where: { $0.id == leaseID }) else { return [] }
        state.checkingIn.insert(lease.id)
        audit(&state, "check-in requested: \(lease.profile):\(lease.systemName)/\(lease.accountName)")
        return [.checkIn(lease, reason: nil)]
    }

    static func checkedIn(_ state: inout AppState, leaseID: String, _ result: Result<Lease, ActionError>) -> [Effect] {
        state.checkingIn.remove(leaseID)
        switch result {
        case .success(let lease):
            state.leases.removeAll { $0.id == leaseID }
            flash(&state, "checked in \(lease.systemName)/\(lease.accountName)")
            audit(&state, "checked in \(lease.profile):\(lease.systemName)/\(lease.accountName)")
            var effects: [Effect] = [.forgetSecret(key: leaseID)]
            if state.reveal?.key == leaseID { state.reveal = nil }
            if state.quitting && state.checkingIn.isEmpty { effects += finishQuit(&state) }
            return effects
        case .failure(let error):
            flash(&state, error.message, error: true)
            audit(&state, "check-in failed: \(error.message)")
            if state.quitting { state.quitting = false }
            return []
        }
    }

    /// Adds my active requests found on the server (earlier runs, other tools) to the leases;
    /// leases already known, being checked in, or past their end are left as they are.
    static func leasesLoaded(_ state: inout AppState, profile: String, _ result: Result<[Lease], ActionError>) -> [Effect] {
        switch result {
        case .success(let found):
            let known = Set(state.leases.map(\.id))
            let new = found.filter { !known.contains($0.id) && !state.checkingIn.contains($0.id) && $0.expiresAt > state.now }
            guard !new.isEmpty else { return [] }
            state.leases += new
            flash(&state, "\(new.count) lease(s) already checked out on \(profile)")
            for lease in new { audit(&state, "found lease \(lease.profile):\(lease.systemName)/\(lease.accountName) (request \(lease.requestID))") }
        case .failure(let error):
            flash(&state, "leases: \(error.message)", error: true)
        }
        return []
    }
}
