import Foundation
import PAMCore
import PAMScreen

/// The detail pane: the selection's fields, its masked (or revealed) secret, and its lease.
struct DetailView {
    var glyphs: Glyphs

    func render(_ state: AppState, into grid: inout CellGrid, in rect: Rect, secret: (String) -> String?) {
        let inner = Frame(title: "Detail", glyphs: glyphs).render(into: &grid, in: rect)
        KeyValueList(items: items(state, width: inner.width, secret: secret), glyphs: glyphs).render(into: &grid, in: inner)
    }

    private func items(_ state: AppState, width: Int, secret: (String) -> String?) -> [KeyValueItem] {
        PaneCatalog.spec(state.focus).detail(self, state, width, secret)
    }

    func systemItems(_ state: AppState) -> [KeyValueItem] {
        guard let system = Presentation.selectedSystem(state) else { return [] }
        return [KeyValueItem("System", system.name), KeyValueItem("Id", system.id), KeyValueItem("Platform", system.platform ?? "—"),
                KeyValueItem("Address", system.address ?? "—")]
    }

    /// The selected account (in the accounts pane) and its lease, or the selected lease.
    func leaseItems(_ state: AppState, width: Int, secret: (String) -> String?) -> [KeyValueItem] {
        var items: [KeyValueItem] = []
        if let account = Presentation.selectedAccount(state), state.focus == .accounts {
            items += [KeyValueItem("Account", account.name), KeyValueItem("System", account.systemName)]
            if let domain = account.domain { items.append(KeyValueItem("Domain", domain)) }
            if let maximum = account.maximumDurationMinutes { items.append(KeyValueItem("Max lease", "\(maximum) min")) }
        }
        guard let lease = Presentation.focusedLease(state) else {
            return items + [KeyValueItem("Password", "check out with \(Self.key(.checkout, state))", role: .muted)]
        }
        if state.focus == .leases { items += [KeyValueItem("Account", "\(lease.systemName)/\(lease.accountName)")] }
        if state.reveal?.key == lease.id, let value = secret(lease.id) {
            items += revealed("Password", value, state, width: width)
        } else {
            items += [.masked("Password", glyphs: glyphs)]
        }
        // Another field the picker revealed (`Y`, then `r`): a key, a user name.
        if let reveal = state.reveal, reveal.key != lease.id, Presentation.isFocused(reveal.key, state), let value = secret(reveal.key) {
            let slug = String(reveal.key.split(separator: ":").last ?? "")
            let label = Presentation.account(of: lease, state)?.fields.field(named: slug)?.label ?? slug
            items += revealed(label, value, state, width: width)
        }
        let total = max(1, Int(lease.expiresAt.timeIntervalSince(lease.issuedAt)))
        let role: StyleRole = switch Presentation.urgency(lease, now: state.now) {
        case .danger: .leaseCritical
        case .warning: .leaseExpiring
        case .normal: .ok
        }
        // Room for the bar after the label column and an h:mm:ss countdown.
        let barWidth = min(20, max(4, width - width / 3 - 10))
        let bar = Countdown.text(remaining: Int(lease.remaining(at: state.now).rounded(.up)), total: total, width: barWidth, glyphs: glyphs)
        return items + [.section("Lease"), KeyValueItem("Request", lease.requestID), KeyValueItem("Left", bar, role: role),
                        KeyValueItem("Reason", lease.reason ?? "—")]
    }

    /// A request that waits for an approver: what it is and how to withdraw it.
    func pendingItems(_ pending: PendingRequest, _ state: AppState) -> [KeyValueItem] {
        [KeyValueItem("Account", pending.request.path), KeyValueItem("Request", pending.request.id),
         KeyValueItem("State", pending.request.state.label, role: .warn), KeyValueItem("Reason", pending.request.reason ?? "—"),
         KeyValueItem("Next", "\(Self.key(.checkin, state)) withdraws it", role: .muted)]
    }

    /// The key bound to `command` (the keymap may rebind it), or its palette name.
    static func key(_ command: Command, _ state: AppState) -> String {
        state.settings.keymap.keys(for: command, in: .panes).first?.name ?? ":\(command.rawValue)"
    }

    func profileItems(_ state: AppState) -> [KeyValueItem] {
        guard let profile = state.profile else { return [] }
        return [KeyValueItem("Profile", profile.name), KeyValueItem("Vendor", profile.vendorName)]
    }

    /// The selected folder, or the selected secret of the open folder with every field.
    func folderItems(_ state: AppState, width: Int, secret: (String) -> String?) -> [KeyValueItem] {
        if state.openFolder != nil {
            guard let stored = Presentation.selectedSecret(state), let profile = state.profile else { return [] }
            return secretItems(stored, profile: profile.name, state, width: width, secret: secret)
        }
        guard let node = Presentation.selected(Presentation.folders(state), state, .folders) else { return [] }
        return [KeyValueItem("Folder", node.path), KeyValueItem("Id", node.id)]
    }

    /// A revealed secret: when it masks again, then the value on lines of its own, the pane's
    /// full width, wrapped so that it is never cut (notes, keys).
    private func revealed(_ label: String, _ value: String, _ state: AppState, width: Int) -> [KeyValueItem] {
        let left = Int((state.reveal?.until.timeIntervalSince(state.now) ?? 0).rounded(.up))
        let lines = TextWrap.lines(value, width: max(1, width)).map { text in
            var line = KeyValueItem.section(text)
            line.role = .secret
            return line
        }
        return [KeyValueItem(label, "masks again in \(left) s", role: .muted)] + lines
    }

    /// A stored secret's fields in the vendor's order: plain ones as they are, secret ones
    /// masked unless this one is revealed.
    private func secretItems(
        _ stored: StoredSecret, profile: String, _ state: AppState, width: Int, secret: (String) -> String?
    ) -> [KeyValueItem] {
        var items = [KeyValueItem("Secret", stored.title), KeyValueItem("Folder", stored.folderPath ?? state.openFolder?.path ?? "—")]
        if let holder = Presentation.otherHolder(of: stored, state) {
            items.append(KeyValueItem("Checked out", "by \(holder)", role: .warn))
        }
        let lease = Presentation.lease(of: stored, state)
        let locked = stored.access.leaseRequired && lease == nil
        if locked {
            let comment = stored.access.commentRequired ? ", with a comment" : ""
            items.append(KeyValueItem("Access", "check out with \(Self.key(.checkout, state))\(comment)", role: .muted))
        }
        if !locked || stored.access.heldBy != nil, let read = readItem(stored, state) { items.append(read) }
        for field in stored.fields {
            if !field.isSecret {
                items.append(KeyValueItem(field.label, field.plainValue ?? "—", role: field.plainValue == nil ? .muted : .normal))
                continue
            }
            let key = SecretKey(profile: profile, target: .secret(stored), field: field.slug).id
            if state.reveal?.key == key, let value = secret(key) {
                items += revealed(field.label, value, state, width: width)
            } else if field.kind == .file || field.fileName != nil {
                // A file (an attachment, a key file) by its name: the server tells no size before
                // the bytes are fetched.
                items.append(KeyValueItem(field.label, "\(field.fileName ?? "file") (file)", role: .muted))
            } else {
                items.append(.masked(field.label, glyphs: glyphs))
            }
        }
        guard let lease else { return items }
        let bar = Countdown.format(seconds: Int(lease.remaining(at: state.now).rounded(.up)))
        return items + [.section("Lease"), KeyValueItem("Left", bar, role: .ok), KeyValueItem("Comment", lease.reason ?? "—")]
    }

    /// Whether the secret's fields are read: reading, not read (how), or failed. Nil once read,
    /// or when the listing already has every value.
    private func readItem(_ stored: StoredSecret, _ state: AppState) -> KeyValueItem? {
        switch Presentation.fieldsRead(of: stored, state) {
        case .reading?: return KeyValueItem("Fields", "reading…", role: .muted)
        case .read?: return nil
        case .failed(let message)?: return KeyValueItem("Fields", "not read: \(message)", role: .warn)
        case nil:
            guard Presentation.opensByReading(stored, state) else { return nil }
            if stored.access.heldBy != nil { return KeyValueItem("Fields", "\(Self.key(.open, state)) asks how long it is held", role: .muted) }
            return KeyValueItem("Fields", "\(Self.key(.open, state)) reads them", role: .muted)
        }
    }
}
