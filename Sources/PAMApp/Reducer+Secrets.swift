import Foundation
import PAMCore

extension Reducer {
    /// Fetches the focused secret for a reveal or a copy: the focused lease's password, or a
    /// field of the stored secret selected in an open folder (`field` nil: its main secret).
    static func requestSecret(_ state: inout AppState, purpose: SecretPurpose, field: FieldKind? = nil) -> [Effect] {
        if let secret = Presentation.selectedSecret(state), let profile = state.profile {
            let chosen = field.flatMap { kind in secret.fields.first { $0.kind == kind } } ?? (field == nil ? Presentation.mainField(secret) : nil)
            guard let chosen else {
                flash(&state, "\(secret.title) has no \(field?.rawValue ?? "secret") field", error: true)
                return []
            }
            let key = SecretKey(profile: profile.name, target: .secret(secret), field: chosen.slug).id
            if purpose == .reveal, state.reveal?.key == key {
                state.reveal = nil
                return [.forgetSecret(key: key)]
            }
            // A locked secret is read under my check-out, never by an automatic one.
            let lease = Presentation.lease(of: secret, state)
            if secret.access.leaseRequired, lease == nil {
                flash(&state, "check \(secret.title) out first (\(DetailView.key(.checkout, state)))", error: true,
                      operation: purpose == .reveal ? "reveal" : "copy")
                return []
            }
            return [.fetchField(profile: profile.name, .secret(secret), field: chosen.slug, lease: lease, key: key, purpose: purpose)]
        }
        if field == .username, Presentation.focusedLease(state) == nil, state.focus == .accounts, let account = Presentation.selectedAccount(state) {
            // A user name is no secret: it is copied without a check-out.
            return [.copyText(account.name, subject: "\(account.path) username", clearAfterSeconds: state.settings.clipboardClearSeconds)]
        }
        guard let lease = Presentation.focusedLease(state) else {
            flash(&state, "check the account out first (\(DetailView.key(.checkout, state)))", error: true, operation: purpose == .reveal ? "reveal" : "copy")
            return []
        }
        if field == .username {
            let account = Account(id: lease.accountID, systemID: lease.systemID, systemName: lease.systemName, name: lease.accountName)
            let key = SecretKey(profile: lease.profile, target: .account(account), field: "username").id
            return [.fetchField(profile: lease.profile, .account(account), field: "username", lease: lease, key: key, purpose: purpose)]
        }
        if purpose == .reveal, state.reveal?.key == lease.id {
            state.reveal = nil
            return []
        }
        return [.fetchSecret(lease, purpose: purpose)]
    }

    /// Enter on a stored secret: reads its fields first when the listing left values out (once:
    /// the server records each read as a view), then reveals its main field.
    static func openSecret(_ state: inout AppState) -> [Effect] {
        guard let secret = Presentation.selectedSecret(state), let profile = state.profile else { return [] }
        switch Presentation.fieldsRead(of: secret, state) {
        case .reading?: return []
        case .read?: return requestSecret(&state, purpose: .reveal)
        case .failed?, nil:
            guard Presentation.opensByReading(secret, state) else {
                return requestSecret(&state, purpose: .reveal)
            }
        }
        let lease = Presentation.lease(of: secret, state)
        // Someone else's lock is asked about: the refusal says who holds it and for how long.
        if secret.access.leaseRequired, lease == nil, secret.access.heldBy == nil {
            flash(&state, "check \(secret.title) out first (\(DetailView.key(.checkout, state))) to read its fields", error: true, operation: "read")
            return []
        }
        state.fieldReads[FieldsRead.key(profile: profile.name, .secret(secret))] = .reading
        return [.readFields(profile: profile.name, .secret(secret), lease: lease)]
    }

    static func fieldsRead(_ state: inout AppState, _ key: String, subject: String, _ result: Result<[SecretField], ActionError>) -> [Effect] {
        switch result {
        case .success(let fields):
            state.fieldReads[key] = .read(fields)
            audit(&state, "read the fields of \(subject)")
        case .failure(let error):
            state.fieldReads[key] = .failed(error.message)
            fail(&state, error, operation: "read")
        }
        return []
    }

    /// Opens the field picker on the selected stored secret, the focused lease's account, or the
    /// selected account.
    static func pickField(_ state: inout AppState) -> [Effect] {
        guard let choice = FieldChoice.focused(state) else {
            flash(&state, "select an account or a secret", error: true, operation: "copy")
            return []
        }
        state.overlay = .fieldPicker(choice, selected: 0)
        return []
    }

    /// Copies the picked line (Enter) or reveals it (`r`): a known value as it is, a field
    /// fetched (under the lease).
    static func usePicked(_ state: inout AppState, _ choice: FieldChoice, selected: Int, purpose: SecretPurpose) -> [Effect] {
        state.overlay = nil
        let entries = choice.entries(in: state)
        guard entries.indices.contains(selected) else { return [] }
        let verb = purpose == .reveal ? "reveal" : "copy"
        let field: SecretField
        switch entries[selected] {
        case .plain(let label, let value):
            guard case .copy(let seconds) = purpose else {
                flash(&state, "\(label) is no secret: it is shown as it is", operation: verb)
                return []
            }
            return [.copyText(value, subject: "\(choice.target.path) \(label.lowercased())", clearAfterSeconds: seconds)]
        case .field(let secretField):
            field = secretField
        }
        if choice.needsLease(field) {
            flash(&state, "check the account out first (\(DetailView.key(.checkout, state))) to \(verb) its \(field.label.lowercased())", error: true, operation: verb)
            return []
        }
        let key = SecretKey(profile: choice.profile, target: choice.target, field: field.slug).id
        if purpose == .reveal, state.reveal?.key == key {
            state.reveal = nil
            return [.forgetSecret(key: key)]
        }
        return [.fetchField(profile: choice.profile, choice.target, field: field.slug, lease: choice.lease, key: key, purpose: purpose)]
    }

    static func secretReady(
        _ state: inout AppState, _ key: String, _ purpose: SecretPurpose, _ result: Result<String, ActionError>
    ) -> [Effect] {
        let subject: String
        switch result {
        case .success(let name): subject = name
        case .failure(let error):
            fail(&state, error, operation: purpose == .reveal ? "reveal" : "copy")
            return []
        }
        // Only reveal what is still focused: the user may have moved on while it loaded. (A copy
        // answers with `.copied`, not here.)
        guard purpose == .reveal, Presentation.isFocused(key, state) else { return [.forgetSecret(key: key)] }
        state.reveal = Reveal(key: key, until: state.now.addingTimeInterval(TimeInterval(state.settings.revealSeconds)))
        audit(&state, "revealed \(subject)")
        return []
    }

    static func copied(_ state: inout AppState, key: String, subject: String, _ result: Result<ClipboardHold, ActionError>) -> [Effect] {
        // The clipboard has its copy now; the store keeps the secret only while it is revealed.
        let forget: [Effect] = state.reveal?.key == key ? [] : [.forgetSecret(key: key)]
        switch result {
        case .success(let hold):
            state.clipboard = hold
            audit(&state, "copied \(subject)")
            flash(&state, "copied with \(hold.backend); clears in \(state.settings.clipboardClearSeconds) s", operation: "copy")
        case .failure(let error):
            fail(&state, error, operation: "copy")
        }
        return forget
    }

    /// Moving the selection masks a revealed secret at once.
    static func maskOnMove(_ state: inout AppState) -> [Effect] {
        guard let reveal = state.reveal, !Presentation.isFocused(reveal.key, state) else { return [] }
        state.reveal = nil
        return [.forgetSecret(key: reveal.key)]
    }

    /// Time passes: reveals end, the clipboard clears, flashes fade, leases expire; with the bell on,
    /// it rings as a lease turns to warning (5 min) and to danger (1 min).
    static func tick(_ state: inout AppState, _ now: Date) -> [Effect] {
        let before = state.now
        state.now = now
        var effects: [Effect] = []
        let escalated = state.leases.contains { lease in
            let urgency = Presentation.urgency(lease, now: now)
            return urgency != .normal && urgency != Presentation.urgency(lease, now: before) && lease.expiresAt > now
        }
        if state.settings.bell && escalated { effects.append(.bell) }
        warnExpiring(&state, since: before)
        if let reveal = state.reveal, now >= reveal.until {
            state.reveal = nil
            effects.append(.forgetSecret(key: reveal.key))
        }
        if let hold = state.clipboard, now >= hold.clearsAt {
            state.clipboard = nil
            effects.append(.clearClipboard)
        }
        if let flash = state.flash, now >= flash.until { state.flash = nil }
        let expired = state.leases.filter { $0.expiresAt <= now }
        for lease in expired {
            state.leases.removeAll { $0.id == lease.id }
            effects.append(.forgetSecret(key: lease.id))
            notify(&state, .error, "lease on \(lease.systemName)/\(lease.accountName) expired", operation: "lease", profile: lease.profile)
            audit(&state, "lease expired: \(lease.profile):\(lease.systemName)/\(lease.accountName)")
        }
        return effects
    }

    /// When the UI next needs a tick (a countdown second, a reveal or clipboard deadline, the next minute).
    public static func nextDeadline(_ state: AppState) -> Date? {
        var deadlines = [state.reveal?.until, state.clipboard?.clearsAt, state.flash?.until].compactMap { $0 }
        if !state.leases.isEmpty || state.clipboard != nil || state.reveal != nil {
            deadlines.append(Date(timeIntervalSince1970: (state.now.timeIntervalSince1970 + 1).rounded(.down)))
        }
        // The header says so the moment the shown profile's session runs out.
        if let ends = state.profile.flatMap({ state.sessions[$0.name]?.expiresAt }), ends > state.now { deadlines.append(ends) }
        // The clock and the session's minutes left change on the minute.
        deadlines.append(Date(timeIntervalSince1970: (state.now.timeIntervalSince1970 / 60).rounded(.down) * 60 + 60))
        return deadlines.min()
    }
}
