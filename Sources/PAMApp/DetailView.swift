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
            items += revealed("Password", value, state)
        } else {
            items += [.masked("Password", glyphs: glyphs)]
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
    func folderItems(_ state: AppState, secret: (String) -> String?) -> [KeyValueItem] {
        if state.openFolder != nil {
            guard let stored = Presentation.selectedSecret(state), let profile = state.profile else { return [] }
            return secretItems(stored, profile: profile.name, state, secret: secret)
        }
        guard let node = Presentation.selected(Presentation.folders(state), state, .folders) else { return [] }
        return [KeyValueItem("Folder", node.path), KeyValueItem("Id", node.id)]
    }

    /// A revealed secret: when it masks again, then the value on a line of its own, the pane's
    /// full width, so it is never cut.
    private func revealed(_ label: String, _ value: String, _ state: AppState) -> [KeyValueItem] {
        let left = Int((state.reveal?.until.timeIntervalSince(state.now) ?? 0).rounded(.up))
        var line = KeyValueItem.section(value)
        line.role = .secret
        return [KeyValueItem(label, "masks again in \(left) s", role: .muted), line]
    }

    /// A stored secret's fields in the vendor's order: plain ones as they are, secret ones
    /// masked unless this one is revealed.
    private func secretItems(_ stored: StoredSecret, profile: String, _ state: AppState, secret: (String) -> String?) -> [KeyValueItem] {
        var items = [KeyValueItem("Secret", stored.title), KeyValueItem("Folder", stored.folderPath ?? state.openFolder?.path ?? "—")]
        if let holder = Presentation.otherHolder(of: stored, state) {
            items.append(KeyValueItem("Checked out", "by \(holder)", role: .warn))
        }
        let lease = Presentation.lease(of: stored, state)
        if stored.access.leaseRequired, lease == nil {
            let comment = stored.access.commentRequired ? ", with a comment" : ""
            items.append(KeyValueItem("Access", "check out with \(Self.key(.checkout, state))\(comment)", role: .muted))
        }
        for field in stored.fields {
            if !field.isSecret {
                items.append(KeyValueItem(field.label, field.plainValue ?? "—"))
                continue
            }
            let key = SecretKey(profile: profile, target: .secret(stored), field: field.slug).id
            if state.reveal?.key == key, let value = secret(key) {
                items += revealed(field.label, value, state)
            } else if field.kind == .file {
                items.append(KeyValueItem(field.label, field.fileName ?? "file", role: .muted))
            } else {
                items.append(.masked(field.label, glyphs: glyphs))
            }
        }
        guard let lease else { return items }
        let bar = Countdown.format(seconds: Int(lease.remaining(at: state.now).rounded(.up)))
        return items + [.section("Lease"), KeyValueItem("Left", bar, role: .ok), KeyValueItem("Comment", lease.reason ?? "—")]
    }
}
