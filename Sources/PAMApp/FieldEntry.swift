import PAMCore

/// One line of the field picker (`Y`): a value the UI already knows (the path, the host, a user
/// name), copied as it is, or a field the vendor is asked for (a password, a key).
public enum FieldEntry: Sendable, Equatable {
    case plain(label: String, value: String)
    case field(SecretField)

    public var label: String {
        switch self {
        case .plain(let label, _): label
        case .field(let field): field.label
        }
    }
}

extension FieldChoice {
    /// What `Y` offers now: the selected stored secret, else the focused lease's account, else
    /// the selected account (its plain fields; secret ones need a check-out).
    static func focused(_ state: AppState) -> FieldChoice? {
        guard let profile = state.profile else { return nil }
        if let secret = Presentation.selectedSecret(state) {
            return FieldChoice(profile: profile.name, target: .secret(secret), lease: Presentation.lease(of: secret, state))
        }
        if let lease = Presentation.focusedLease(state), let account = Presentation.selectedAccount(state) ?? Presentation.account(of: lease, state) {
            return FieldChoice(profile: lease.profile, target: .account(account), lease: lease)
        }
        if state.focus == .accounts, let account = Presentation.selectedAccount(state) {
            return FieldChoice(profile: profile.name, target: .account(account), lease: nil)
        }
        return nil
    }

    /// A secret field of an account I hold no lease on: copying it needs a check-out first.
    func needsLease(_ field: SecretField) -> Bool {
        switch target {
        case .account: lease == nil && field.isSecret
        // A locked secret's fields are all read under the check-out (the listing holds no values).
        case .secret(let secret): lease == nil && secret.access.leaseRequired && (field.isSecret || field.plainValue == nil)
        }
    }

    /// The picker's lines: the reference and the host first, then every field in the vendor's
    /// order (plain ones with their value, secret ones fetched when picked).
    func entries(in state: AppState) -> [FieldEntry] {
        var entries: [FieldEntry] = []
        switch target {
        case .account(let account):
            entries.append(.plain(label: "System/Account", value: account.path))
            let system = state.systems.value?.first { $0.id == account.systemID } ?? state.accountScope.flatMap { $0.id == account.systemID ? $0 : nil }
            if let host = system?.address, !host.isEmpty { entries.append(.plain(label: "Host", value: host)) }
        case .secret(let secret):
            entries.append(.plain(label: "Path", value: secret.path))
        }
        for field in target.fields {
            if !field.isSecret, let value = field.plainValue {
                entries.append(.plain(label: field.label, value: value))
            } else {
                entries.append(.field(field))
            }
        }
        return entries
    }
}
