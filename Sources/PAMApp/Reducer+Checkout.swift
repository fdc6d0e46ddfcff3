import Foundation
import PAMCore
import PAMScreen

extension Reducer {
    static func beginCheckout(_ state: inout AppState) -> [Effect] {
        if let secret = Presentation.selectedSecret(state) { return beginCheckout(&state, secret) }
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
            account: account, reason: policy.reason, duration: String(duration), options: policy.options,
            optionValues: policy.optionValues, requireReason: policy.requireReason))
        return []
    }

    /// A stored secret's lock: the vendor sets its length, so the dialog asks only for what the
    /// secret requires (a comment and the options that go with one) and says who else holds it.
    static func beginCheckout(_ state: inout AppState, _ secret: StoredSecret) -> [Effect] {
        guard secret.access.leaseRequired else {
            flash(&state, "\(secret.title) needs no check-out: r reveals, y copies", operation: "check-out")
            return []
        }
        if Presentation.lease(of: secret, state) != nil {
            flash(&state, "\(secret.title) is checked out already: i checks it in", operation: "check-out")
            return []
        }
        if state.settings.readonly {
            flash(&state, "read-only mode: checkout is disabled", error: true)
            return []
        }
        let policy = state.profile?.checkout ?? CheckoutPolicy()
        let access = secret.access
        let comment = access.commentRequired || policy.requireReason
        let options = policy.options.filter { option in
            switch option.relevance {
            case .always: true
            case .commentRequired: comment
            case .heldByOther: access.heldBy != nil
            case .heldByMe: false
            }
        }
        var form = CheckoutForm(
            account: secret.account, reason: policy.reason, duration: String(access.checkoutMinutes ?? 0), options: options,
            optionValues: policy.optionValues, requireReason: comment)
        form.asksReason = comment
        form.asksDuration = false
        form.note = access.heldBy.map { "checked out by \($0)" }
        state.overlay = .checkout(form)
        return []
    }

    /// Keys of the check-out dialog before its keymap: Ctrl-S submits from anywhere, Space cycles
    /// a choice, and the focused text field takes readline keys (Up/Down recall its history).
    /// nil when the key is not the dialog's to take here.
    static func checkoutKey(_ state: inout AppState, _ key: KeyEvent) -> [Effect]? {
        guard case .checkout(var form) = state.overlay else { return nil }
        if key == .control("s") { return submitCheckout(&state, form) }
        if let option = form.focusedOption, option.choices != nil {
            guard key == .character(" ") else { return nil }
            form.cycle(option, forward: true)
        } else {
            guard var field = form.focusedField else { return nil }
            let edit = field.handle(key, history: state.history.values(field.historyKey))
            guard edit != .ignored else { return nil }
            form.focusedField = field
            if edit == .moved {
                state.overlay = .checkout(form)
                return []
            }
        }
        form.error = nil
        state.overlay = .checkout(form)
        return []
    }

    /// Enter: Cancel closes; anywhere else submits when the form is valid.
    static func confirmCheckout(_ state: inout AppState, _ form: CheckoutForm) -> [Effect] {
        if form.focus == form.cancelIndex {
            state.overlay = nil
            return []
        }
        return submitCheckout(&state, form)
    }

    /// Submits the check-out form, or shows what is wrong with it and focuses that field.
    static func submitCheckout(_ state: inout AppState, _ form: CheckoutForm) -> [Effect] {
        var form = form
        func refuse(_ error: String, focus: CheckoutForm.Slot) -> [Effect] {
            form.error = error
            form.focus = form.index(of: focus)
            state.overlay = .checkout(form)
            return []
        }
        // A dialog without the duration takes the vendor's length (nil in the request).
        var minutes: Int?
        if form.asksDuration {
            guard let typed = Int(form.duration.text.trimmingCharacters(in: .whitespaces)), typed > 0 else {
                return refuse("duration must be a whole number of minutes", focus: .duration)
            }
            if let maximum = form.account.maximumDurationMinutes, maximum > 0, typed > maximum {
                return refuse("at most \(maximum) minutes for this account", focus: .duration)
            }
            minutes = typed
        }
        guard let profile = state.profile else { return [] }
        let reason = form.effectiveReason
        if reason == nil && form.requireReason {
            return refuse(form.asksDuration ? "a reason is required on \(profile.name)" : "\(form.account.name) requires a comment", focus: .reason)
        }
        state.overlay = nil
        let request = CheckoutRequest(account: form.account, reason: reason, durationMinutes: minutes, options: form.requestOptions)
        progress(&state, "checking out \(form.account.path)…")
        audit(&state, "check-out requested: \(profile.name):\(form.account.path)" + (minutes.map { " for \($0) min" } ?? ""))
        // Typed values only: a default that was left in place is not worth recalling.
        var remembered = state.history.record(form.reason)
        for field in form.optionFields.values where state.history.record(field) { remembered = true }
        return [.checkOut(profile: profile.name, request, requestID: nextRequest(&state))]
            + (remembered ? [.saveHistory(state.history)] : [])
    }

    static func checkedOut(_ state: inout AppState, _ result: Result<CheckoutOutcome, ActionError>, requestID: Int? = nil) -> [Effect] {
        let asked = requestID.flatMap { state.askedMinutes.removeValue(forKey: $0) }
        switch result {
        case .success(.granted(let lease, let reused)):
            state.leases.removeAll { $0.id == lease.id }
            state.leases.append(lease)
            if reused {
                // The same sentence as the CLI's, with the vendor's own option for a new request.
                let options = state.profiles.first { $0.name == lease.profile }?.checkout.options ?? []
                let reuse = ReuseNotice.sentence(requestID: lease.requestID, expiresAt: lease.expiresAt, now: state.now, askedMinutes: asked, options: options)
                notify(&state, .warning, reuse, operation: "check-out", profile: lease.profile)
            } else {
                let countdown = Presentation.countdown(lease, now: state.now)
                flash(&state, "checked out \(lease.systemName)/\(lease.accountName): expires in \(countdown)", operation: "check-out")
            }
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
            fail(&state, error, operation: "check-out")
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
            if let reveal = state.reveal, reveal.key == leaseID || isField(reveal.key, of: lease) {
                state.reveal = nil
                effects.append(.forgetSecret(key: reveal.key))
            }
            if state.quitting && state.checkingIn.isEmpty { effects += finishQuit(&state) }
            return effects
        case .failure(let error):
            fail(&state, error, operation: "check-in")
            if state.quitting { state.quitting = false }
            return []
        }
    }

    /// Whether a store key names a field of the lease's target (a stored secret read under its lock).
    private static func isField(_ key: String, of lease: Lease) -> Bool {
        key.hasPrefix("\(lease.profile):secret:\(lease.accountID):") || key.hasPrefix("\(lease.profile):account:\(lease.accountID):")
    }

    /// Adds my active requests found on the server (earlier runs, other tools) to the leases;
    /// leases already known, being checked in, or past their end are left as they are.
    static func leasesLoaded(_ state: inout AppState, profile: String, _ result: Result<[Lease], ActionError>) -> [Effect] {
        switch result {
        case .success(let found):
            let effects = dropVanished(&state, profile: profile, listed: found)
            let known = Set(state.leases.map(\.id))
            let new = found.filter { !known.contains($0.id) && !state.checkingIn.contains($0.id) && $0.expiresAt > state.now }
            guard !new.isEmpty else { return effects }
            state.leases += new
            let verb = new.count == 1 ? "is" : "are"
            notify(&state, .notice, "\(count(new.count, "lease")) \(verb) already checked out on \(profile)", operation: "leases", profile: profile)
            for lease in new { audit(&state, "found lease \(lease.profile):\(lease.systemName)/\(lease.accountName) (request \(lease.requestID))") }
            return effects
        case .failure(let error):
            fail(&state, error, operation: "list leases")
        }
        return []
    }
}
