import PAMScreen

extension Reducer {
    /// Text typing for the filter and dialogs first; everything else goes through the keymap.
    static func handleKey(_ state: inout AppState, _ key: KeyEvent) -> [Effect] {
        if case .resize(let size) = key {
            state.size = size
            return []
        }
        if !state.prompts.isEmpty { return promptKey(&state, key) }
        if case .mouse(let x, let y, let button) = key { return mouse(&state, x: x, y: y, button) }
        if state.overlay != nil {
            if let effects = logViewerKey(&state, key) { return effects }
            if let effects = overlayText(&state, key) { return effects }
            return state.settings.keymap.command(for: key, in: .dialog).map { run(&state, $0) } ?? overlayKey(&state, key)
        }
        if state.filterEditing { return filterKey(&state, key) }
        return state.settings.keymap.command(for: key, in: .panes).map { run(&state, $0) } ?? []
    }

    /// With the mouse on: a click focuses a pane and selects the row under it (a click on the
    /// selected row opens it, like Enter); the wheel moves the selection. Dialogs scroll only.
    static func mouse(_ state: inout AppState, x: Int, y: Int, _ button: KeyEvent.MouseButton) -> [Effect] {
        if state.overlay != nil {
            switch button {
            case .wheelUp: return overlayKey(&state, .up)
            case .wheelDown: return overlayKey(&state, .down)
            default: return []
            }
        }
        guard let (pane, row) = AppLayout(state).hit(x: x, y: y, state: state) else { return [] }
        state.filterEditing = false
        let wasFocused = state.focus == pane
        var effects = focus(&state, pane)
        switch button {
        case .wheelUp: effects += move(&state, by: -3)
        case .wheelDown: effects += move(&state, by: 3)
        case .left:
            guard let row else { break }
            let selected = state.pane(pane).selected
            effects += wasFocused && row == selected ? open(&state) : move(&state, by: row - selected)
        case .right, .middle: break
        }
        return effects
    }

    /// Every key while the filter is open goes to it, never to a pane binding: Esc clears and
    /// leaves, Enter keeps the filter and returns to the list, the rest edit it.
    static func filterKey(_ state: inout AppState, _ key: KeyEvent) -> [Effect] {
        switch state.settings.keymap.command(for: key, in: .filter) {
        case .open?: return keepFilter(&state)
        case .back?: return back(&state)
        default: return filterText(&state, key) ?? []
        }
    }

    /// Enter in the filter: back to the list, the query remembered for Up/Down.
    static func keepFilter(_ state: inout AppState) -> [Effect] {
        state.filterEditing = false
        let input = state.pane(state.focus).filterInput
        return state.history.record(input) ? [.saveHistory(state.history)] : []
    }

    /// Edits the filter of the focused pane with readline keys (Up/Down recall earlier filters);
    /// nil when the key is not text editing. Backspace on an empty filter does nothing.
    static func filterText(_ state: inout AppState, _ key: KeyEvent) -> [Effect]? {
        var pane = state.pane(state.focus)
        let edit = pane.filterInput.handle(key, history: state.history.values(InputHistory.filter))
        guard edit != .ignored else { return nil }
        let changed = pane.filter != state.pane(state.focus).filter
        if changed { pane.selected = 0 }
        state.panes[state.focus] = pane
        return changed ? maskOnMove(&state) : []
    }
}
