import PAMCore

extension Command {
    /// Whether the command does something in this state: the key hints offer only these, and
    /// the palette lists them first. One rule for both, so they never disagree.
    public func applies(in state: AppState) -> Bool {
        if isPrivileged && state.settings.readonly { return false }
        let canCheckOut = state.profile?.capabilities.contains(.checkout) ?? false
        switch self {
        case .checkout:
            if let secret = Presentation.selectedSecret(state) {
                return canCheckOut && secret.access.leaseRequired && Presentation.lease(of: secret, state) == nil
            }
            return canCheckOut && state.focus == .accounts && Presentation.selectedAccount(state) != nil && Presentation.focusedLease(state) == nil
        case .checkin:
            return Presentation.focusedLease(state) != nil || Presentation.selectedPending(state) != nil
        case .reveal, .copy:
            return Presentation.focusedSecretKey(state) != nil
        case .copyUsername:
            if let secret = Presentation.selectedSecret(state) { return secret.fields.contains { $0.kind == .username } }
            return Presentation.focusedLease(state) != nil || (state.focus == .accounts && Presentation.selectedAccount(state) != nil)
        case .copyField:
            return FieldChoice.focused(state) != nil
        case .open:
            switch state.focus {
            case .profiles: return !Presentation.profiles(state).isEmpty
            case .systems: return Presentation.selectedSystem(state) != nil
            case .folders: return state.openFolder == nil && Presentation.rowCount(state, .folders) > 0
            case .accounts, .tasks, .leases: return false
            }
        case .back:
            return !state.pane(state.focus).filter.isEmpty || (state.focus == .folders && state.openFolder != nil)
                || (state.focus == .accounts && state.accountScope != nil)
        case .sort, .sortReverse:
            return !Sorting.columns(state.focus, state).isEmpty
        case .focusProfiles, .focusSystems, .focusAccounts, .focusFolders, .focusTasks, .focusLeases:
            return pane.map { state.visiblePanes.contains($0) && state.focus != $0 } ?? false
        case .focusNext, .focusPrevious:
            return state.visiblePanes.count > 1
        case .up, .down, .pageUp, .pageDown, .top, .bottom:
            return Presentation.rowCount(state, state.focus) > 1
        case .refresh:
            return state.profile != nil
        case .profile:
            return state.profiles.count > 1
        case .theme:
            return !state.settings.themes.isEmpty
        case .search:
            return state.profile?.capabilities.contains(.folders) ?? false
        case .filter, .help, .palette, .messages, .auditLog, .mouse, .clipboardDoctor, .quit:
            return true
        }
    }

    /// The pane a jump command goes to.
    public var pane: Pane? {
        switch self {
        case .focusProfiles: .profiles
        case .focusSystems: .systems
        case .focusAccounts: .accounts
        case .focusFolders: .folders
        case .focusTasks: .tasks
        case .focusLeases: .leases
        default: nil
        }
    }
}
