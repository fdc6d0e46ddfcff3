import PAMCore
import PAMScreen

extension Reducer {
    static func run(_ state: inout AppState, _ command: Command) -> [Effect] {
        if command.isPrivileged && state.settings.readonly {
            flash(&state, "read-only mode: \(command.rawValue) is disabled", error: true, operation: command.rawValue)
            return []
        }
        if state.overlay != nil, let effects = overlayCommand(&state, command) { return effects }
        switch command {
        case .focusNext, .focusPrevious: return cycleFocus(&state, forward: command == .focusNext)
        case .focusProfiles, .focusSystems, .focusAccounts, .focusFolders, .focusTasks, .focusLeases:
            return jump(&state, command.pane ?? .profiles)
        case .up: return move(&state, by: -1)
        case .down: return move(&state, by: 1)
        case .pageUp: return move(&state, by: -max(1, state.size.height - 8))
        case .pageDown: return move(&state, by: max(1, state.size.height - 8))
        case .top: return move(&state, by: -Int.max / 2)
        case .bottom: return move(&state, by: Int.max / 2)
        case .open: return open(&state)
        case .back: return back(&state)
        case .filter:
            state.filterEditing = true
            return []
        case .checkout: return beginCheckout(&state)
        case .checkin: return askCheckin(&state)
        case .reveal: return requestSecret(&state, purpose: .reveal)
        case .copy: return requestSecret(&state, purpose: .copy(clearAfterSeconds: state.settings.clipboardClearSeconds))
        case .copyField: return pickField(&state)
        case .copyUsername:
            return requestSecret(&state, purpose: .copy(clearAfterSeconds: state.settings.clipboardClearSeconds), field: .username)
        case .refresh: return refresh(&state)
        case .help:
            state.overlay = .help(query: "", selected: 0)
            return []
        case .palette:
            state.overlay = .palette(text: "", selected: 0)
            return []
        case .auditLog:
            state.overlay = .auditLog(LogViewer())
            return []
        case .messages:
            state.overlay = .messages(LogViewer())
            return []
        case .sort, .sortReverse:
            return sort(&state, reverse: command == .sortReverse)
        case .mouse:
            state.settings.mouse.toggle()
            flash(&state, "mouse \(state.settings.mouse ? "on" : "off")")
            return [.setMouse(state.settings.mouse)]
        case .clipboardDoctor:
            return [.clipboardDoctor]
        case .profile, .theme, .search:
            // The palette lists the names to choose from.
            state.overlay = .palette(text: TextField(command.rawValue + " "), selected: 0)
            return []
        case .quit: return quit(&state)
        }
    }

    /// Commands that mean something else while an overlay is open; nil for the rest.
    static func overlayCommand(_ state: inout AppState, _ command: Command) -> [Effect]? {
        switch command {
        case .open:
            return confirmOverlay(&state)
        case .back:
            state.overlay = nil
            return []
        case .focusNext, .focusPrevious:
            if case .checkout(var form) = state.overlay {
                let stops = form.fieldCount + 2
                form.focus = (form.focus + (command == .focusNext ? 1 : stops - 1)) % stops
                state.overlay = .checkout(form)
            } else if case .confirmCheckin(let id, let confirm) = state.overlay {
                state.overlay = .confirmCheckin(leaseID: id, confirm: !confirm)
            } else if case .palette(let text, let selected) = state.overlay, command == .focusNext {
                state.overlay = .palette(text: completePalette(text, selected: selected, state: state), selected: 0)
            }
            return []
        default:
            return nil
        }
    }

    /// A digit: the pane, or why this profile has none.
    static func jump(_ state: inout AppState, _ pane: Pane) -> [Effect] {
        guard state.visiblePanes.contains(pane) else {
            flash(&state, "no \(pane.rawValue) for this profile", operation: "focus")
            return []
        }
        return focus(&state, pane)
    }

    static func focus(_ state: inout AppState, _ pane: Pane) -> [Effect] {
        guard state.visiblePanes.contains(pane) else { return [] }
        state.focus = pane
        state.filterEditing = false
        return maskOnMove(&state)
    }

    static func cycleFocus(_ state: inout AppState, forward: Bool) -> [Effect] {
        let panes = state.visiblePanes
        guard let index = panes.firstIndex(of: state.focus) else { return focus(&state, panes.first ?? .profiles) }
        let next = (index + (forward ? 1 : panes.count - 1)) % panes.count
        return focus(&state, panes[next])
    }

    static func move(_ state: inout AppState, by delta: Int) -> [Effect] {
        let count = Presentation.rowCount(state, state.focus)
        guard count > 0 else { return [] }
        var pane = state.pane(state.focus)
        let target = pane.selected.addingReportingOverflow(delta).partialValue
        pane.selected = min(max(0, target), count - 1)
        let changed = pane.selected != state.pane(state.focus).selected
        state.panes[state.focus] = pane
        var effects = changed ? maskOnMove(&state) : []
        if changed && state.focus == .profiles { effects += selectProfile(&state, pane.selected) }
        return effects
    }

    static func open(_ state: inout AppState) -> [Effect] {
        if state.filterEditing {
            state.filterEditing = false
            return []
        }
        return PaneCatalog.spec(state.focus).open(&state)
    }

    /// Lists the selected system's accounts.
    static func openSystem(_ state: inout AppState) -> [Effect] {
        guard let system = Presentation.selectedSystem(state) else { return [] }
        state.accountScope = system
        state.panes[.accounts] = PaneState(keepingSortOf: state.pane(.accounts))
        return loadAccounts(&state) + focus(&state, .accounts)
    }

    /// `:search TEXT`: the server's matches in every folder, listed in the folders pane like an
    /// open folder's secrets (Esc goes back to the tree, R searches again).
    static func searchSecrets(_ state: inout AppState, _ text: String) -> [Effect] {
        guard let profile = state.profile, profile.capabilities.contains(.folders) else {
            flash(&state, "this profile has no secrets to search", error: true, operation: "search")
            return []
        }
        let effects = maskOnMove(&state)
        state.secretSearch = text
        state.openFolder = FolderTree.Node(folder: Folder(id: "", parentID: nil, name: text), depth: 0, path: "Search: \(TerminalText.sanitized(text))")
        state.panes[.folders] = PaneState()
        state.focus = .folders
        let id = nextRequest(&state)
        state.secrets = .loading(requestID: id)
        return effects + [.searchSecrets(profile: profile.name, text: text, requestID: id)]
    }

    /// Lists the selected folder's secrets in the folders pane.
    static func openFolder(_ state: inout AppState) -> [Effect] {
        guard let profile = state.profile, let node = Presentation.selected(Presentation.folders(state), state, .folders) else { return [] }
        let effects = maskOnMove(&state)
        state.openFolder = node
        state.secretSearch = nil
        state.panes[.folders] = PaneState()
        let id = nextRequest(&state)
        state.secrets = .loading(requestID: id)
        return effects + [.loadSecrets(profile: profile.name, folderID: node.id, requestID: id)]
    }

    static func back(_ state: inout AppState) -> [Effect] {
        if state.filterEditing || !state.pane(state.focus).filter.isEmpty {
            state.filterEditing = false
            state.panes[state.focus, default: PaneState()].filter = ""
            return []
        }
        if state.focus == .folders, let folder = state.openFolder {
            var effects: [Effect] = []
            if let reveal = state.reveal, Presentation.isFocused(reveal.key, state) {
                state.reveal = nil
                effects.append(.forgetSecret(key: reveal.key))
            }
            state.openFolder = nil
            state.secretSearch = nil
            state.secrets = .idle
            // Back on the folder that was open.
            let index = Presentation.folders(state).firstIndex { $0.id == folder.id } ?? 0
            state.panes[.folders] = PaneState()
            state.panes[.folders]?.selected = index
            return effects
        }
        if state.focus == .accounts, state.accountScope != nil {
            state.accountScope = nil
            state.panes[.accounts] = PaneState(keepingSortOf: state.pane(.accounts))
            return loadAccounts(&state)
        }
        return []
    }

    /// Shows another profile: what it had loaded comes back as it was; otherwise it loads.
    static func selectProfile(_ state: inout AppState, _ index: Int) -> [Effect] {
        guard state.profiles.indices.contains(index), index != state.profileIndex else { return [] }
        if let leaving = state.profile { state.stashed[leaving.name] = state.profileData }
        state.profileIndex = index
        guard let arriving = state.profile, let kept = state.stashed.removeValue(forKey: arriving.name), kept.isSettled else {
            return reloadProfile(&state)
        }
        state.profileData = kept
        if !state.visiblePanes.contains(state.focus) { state.focus = .profiles }
        return []
    }

    /// Reloads the focused pane (the profiles pane: the whole profile).
    static func refresh(_ state: inout AppState) -> [Effect] {
        guard let profile = state.profile else { return [] }
        switch state.focus {
        case .systems where profile.capabilities.contains(.systems):
            let id = nextRequest(&state)
            state.systems = .loading(requestID: id)
            return [.loadSystems(profile: profile.name, requestID: id)]
        case .accounts where profile.capabilities.contains(.accounts):
            return loadAccounts(&state)
        case .folders where state.openFolder != nil:
            guard let folder = state.openFolder else { return [] }
            // Reloading the secrets forgets the fields read: Enter reads them as they are now.
            state.fieldReads = state.fieldReads.filter { !$0.key.hasPrefix(FieldsRead.keyPrefix(profile: profile.name)) }
            if let text = state.secretSearch { return searchSecrets(&state, text) }
            let id = nextRequest(&state)
            state.secrets = .loading(requestID: id)
            return [.loadSecrets(profile: profile.name, folderID: folder.id, requestID: id)]
        case .folders where profile.capabilities.contains(.folders):
            let id = nextRequest(&state)
            state.folders = .loading(requestID: id)
            return [.loadFolders(profile: profile.name, requestID: id)]
        case .leases where profile.capabilities.contains(.checkout):
            return [.loadLeases(profile: profile.name)]
        default:
            return reloadProfile(&state)
        }
    }

    /// Loads every pane the selected profile has.
    static func reloadProfile(_ state: inout AppState) -> [Effect] {
        guard let profile = state.profile else { return [] }
        state.accountScope = nil
        state.openFolder = nil
        state.secretSearch = nil
        state.secrets = .idle
        for pane in [Pane.systems, .accounts, .folders] { state.panes[pane] = PaneState(keepingSortOf: state.pane(pane)) }
        var effects: [Effect] = []
        if profile.capabilities.contains(.systems) {
            let id = nextRequest(&state)
            state.systems = .loading(requestID: id)
            effects.append(.loadSystems(profile: profile.name, requestID: id))
        } else {
            state.systems = .idle
        }
        effects += profile.capabilities.contains(.accounts) ? loadAccounts(&state) : []
        // Leases taken or ended elsewhere show up while the profile is open (CLI runs, other tools).
        if profile.capabilities.contains(.checkout) {
            effects.append(.subscribe(id: Effect.leaseRefresh(profile.name), every: Reducer.leaseRefreshInterval, .loadLeases(profile: profile.name)))
        }
        if profile.capabilities.contains(.folders) {
            let id = nextRequest(&state)
            state.folders = .loading(requestID: id)
            effects.append(.loadFolders(profile: profile.name, requestID: id))
        } else {
            state.folders = .idle
        }
        if !state.visiblePanes.contains(state.focus) { state.focus = .profiles }
        return effects
    }

    static func loadAccounts(_ state: inout AppState) -> [Effect] {
        guard let profile = state.profile else { return [] }
        let id = nextRequest(&state)
        state.accounts = .loading(requestID: id)
        let scope: AccountScope = state.accountScope.map { .systemID($0.id) } ?? .all
        return [.loadAccounts(profile: profile.name, scope: scope, requestID: id)]
    }
}
