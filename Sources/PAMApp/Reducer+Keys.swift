import PAMScreen

extension Reducer {
    /// Text typing for the filter and dialogs first; everything else goes through the keymap.
    static func handleKey(_ state: inout AppState, _ key: KeyEvent) -> [Effect] {
        if case .resize(let size) = key {
            state.size = size
            return []
        }
        if state.overlay != nil {
            if let effects = overlayText(&state, key) { return effects }
            return state.settings.keymap.command(for: key, in: .dialog).map { run(&state, $0) } ?? overlayKey(&state, key)
        }
        if state.filterEditing {
            if let effects = filterText(&state, key) { return effects }
            return state.settings.keymap.command(for: key, in: .filter).map { run(&state, $0) } ?? []
        }
        return state.settings.keymap.command(for: key, in: .panes).map { run(&state, $0) } ?? []
    }

    /// Edits the filter of the focused pane; nil when the key is not text editing.
    static func filterText(_ state: inout AppState, _ key: KeyEvent) -> [Effect]? {
        var pane = state.pane(state.focus)
        switch key {
        case .character(let character): pane.filter.append(character)
        case .backspace:
            if pane.filter.isEmpty { state.filterEditing = false } else { pane.filter.removeLast() }
        default: return nil
        }
        pane.selected = 0
        state.panes[state.focus] = pane
        return maskOnMove(&state)
    }
}
