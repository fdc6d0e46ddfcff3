import PAMScreen

/// The status line's key hints: the keymap's hinted bindings whose command applies to the
/// focused pane and selected row now, with the key the user bound (so help and hints agree).
enum KeyHints {
    static func hints(_ state: AppState) -> [KeyHint] {
        // Text inputs and dialogs take every key: only the keys that leave them are worth a hint.
        if state.overlay != nil || !state.prompts.isEmpty {
            return leaving(state, .dialog, ok: "ok", back: "cancel")
        }
        if state.filterEditing { return leaving(state, .filter, ok: "keep", back: "clear") }
        let hinted = (state.settings.keymap.tables[.panes] ?? []).filter { $0.hint && $0.command.applies(in: state) }
        // What the selection can do first, then help and quit, then the rest: a narrow line drops
        // from the end.
        let contextual = hinted.filter { [.leases, .secrets].contains($0.command.group) || $0.command == .open }
        let always = hinted.filter { $0.command == .help || $0.command == .quit }
        let general = always + hinted.filter { !contextual.contains($0) && !always.contains($0) }
        return (contextual + general).compactMap { binding in
            binding.keys.first.map { KeyHint($0.name, binding.command.hintLabel(state)) }
        }
    }

    /// The keys bound to `open` and `back` in `context`, as `enter:ok  esc:cancel`.
    private static func leaving(_ state: AppState, _ context: KeyContext, ok: String, back: String) -> [KeyHint] {
        let keymap = state.settings.keymap
        return [(Command.open, ok), (Command.back, back)].compactMap { command, label in
            keymap.keys(for: command, in: context).first.map { KeyHint($0.name, label) }
        }
    }

    /// The hint that opens the messages view, e.g. `M: more`, when `messages` has a key.
    static func more(_ state: AppState) -> KeyHint? {
        state.settings.keymap.keys(for: .messages, in: .panes).first.map { KeyHint($0.name, "more") }
    }
}

extension Command {
    /// The short label in the status line, for the selected row.
    func hintLabel(_ state: AppState) -> String {
        switch self {
        case .open: state.focus == .systems ? "accounts" : "open"
        case .checkin: Presentation.selectedPending(state) != nil ? "withdraw" : "checkin"
        case .copyUsername: "user"
        case .copyField: "field"
        default: rawValue
        }
    }
}
