import PAMScreen

extension Reducer {
    /// Text typing for the filter and dialogs first; everything else goes through the keymap.
    static func handleKey(_ state: inout AppState, _ key: KeyEvent) -> [Effect] {
        if case .resize(let size) = key {
            state.size = size
            return []
        }
        if case .mouse(let x, let y, let button) = key { return mouse(&state, x: x, y: y, button) }
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
