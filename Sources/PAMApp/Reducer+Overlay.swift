import Foundation
import PAMScreen

extension Reducer {
    /// Text input inside overlays; nil when the key is not text for the open overlay. Every
    /// input is a `TextField`, so readline keys work the same in each.
    static func overlayText(_ state: inout AppState, _ key: KeyEvent) -> [Effect]? {
        switch state.overlay {
        case .checkout:
            return checkoutKey(&state, key)
        case .help(var query, let selected):
            let edit = query.handle(key)
            guard edit != .ignored else { return nil }
            state.overlay = .help(query: query, selected: edit == .changed ? 0 : selected)
            return []
        case .palette(var text, let selected):
            let edit = text.handle(key)
            guard edit != .ignored else { return nil }
            state.overlay = .palette(text: text, selected: edit == .changed ? 0 : selected)
            return []
        default:
            return nil
        }
    }

    /// Keys in overlays that are neither text nor in the dialog keymap (arrows, y/n).
    static func overlayKey(_ state: inout AppState, _ key: KeyEvent) -> [Effect] {
        switch (state.overlay, key) {
        case (.confirmCheckin(let id, _), .left), (.confirmCheckin(let id, _), .right):
            if case .confirmCheckin(_, let confirm) = state.overlay { state.overlay = .confirmCheckin(leaseID: id, confirm: !confirm) }
        case (.checkout(var form), .left), (.checkout(var form), .right):
            if let option = form.focusedOption {
                form.cycle(option, forward: key == .right)
                state.overlay = .checkout(form)
            }
        case (.confirmCheckin(let id, _), .character("y")):
            return confirmCheckin(&state, leaseID: id)
        case (.confirmCheckin, .character("n")), (.auditLog, .character("q")), (.message, .character("q")):
            state.overlay = nil
        case (.quit(let choice), .left), (.quit(let choice), .up):
            state.overlay = .quit(choice: max(0, choice - 1))
        case (.quit(let choice), .right), (.quit(let choice), .down):
            state.overlay = .quit(choice: min(2, choice + 1))
        case (.fieldPicker(let choice, let selected), .down), (.fieldPicker(let choice, let selected), .character("j")):
            state.overlay = .fieldPicker(choice, selected: min(selected + 1, max(0, choice.entries(in: state).count - 1)))
        case (.fieldPicker(let choice, let selected), .character("r")):
            return usePicked(&state, choice, selected: selected, purpose: .reveal)
        case (.fieldPicker(let choice, let selected), .up), (.fieldPicker(let choice, let selected), .character("k")):
            state.overlay = .fieldPicker(choice, selected: max(0, selected - 1))
        case (.help(let query, let selected), .down), (.palette(let query, let selected), .down):
            state.overlay = state.overlay.map { $0.withSelection(selected + 1, query: query) }
        case (.help(let query, let selected), .up), (.palette(let query, let selected), .up):
            state.overlay = state.overlay.map { $0.withSelection(max(0, selected - 1), query: query) }
        default:
            break
        }
        return []
    }

    /// Enter inside an overlay.
    static func confirmOverlay(_ state: inout AppState) -> [Effect] {
        switch state.overlay {
        case .checkout(let form):
            return confirmCheckout(&state, form)
        case .confirmCheckin(let id, let confirm):
            if confirm { return confirmCheckin(&state, leaseID: id) }
            state.overlay = nil
            return []
        case .quit(let choice):
            return answerQuit(&state, choice)
        case .help(let query, let selected):
            let commands = HelpIndex.matching(query.text, keymap: state.settings.keymap)
            state.overlay = nil
            return commands.indices.contains(selected) ? run(&state, commands[selected].command) : []
        case .palette(let input, let selected):
            state.overlay = nil
            let text = input.text
            if let effects = runPaletteLine(&state, text) { return effects }
            let completions = HelpIndex.completions(text, state: state)
            guard completions.indices.contains(selected), let effects = runPaletteLine(&state, completions[selected].text) else {
                flash(&state, "unknown command :\(text)", error: true)
                return []
            }
            return effects
        case .fieldPicker(let choice, let selected):
            return usePicked(&state, choice, selected: selected, purpose: .copy(clearAfterSeconds: state.settings.clipboardClearSeconds))
        case .auditLog, .messages, .message, nil:
            state.overlay = nil
            return []
        }
    }

    /// Runs a whole palette line (`checkout`, `clipboard doctor`, `theme nord`); nil if it names nothing.
    static func runPaletteLine(_ state: inout AppState, _ line: String) -> [Effect]? {
        // A trailing space keeps `theme ` from running `theme` again: it asks for an argument.
        let typed = String(line.drop(while: \.isWhitespace))
        if let command = Command(rawValue: typed.lowercased().replacingOccurrences(of: " ", with: "-")) { return run(&state, command) }
        if let (command, text) = HelpIndex.splitArgument(typed), command == .search, !text.isEmpty {
            return searchSecrets(&state, text)
        }
        guard let (command, argument) = HelpIndex.splitArgument(typed),
              let name = HelpIndex.arguments(for: command, state: state).first(where: { $0.lowercased() == argument.lowercased() })
        else { return nil }
        return command == .theme ? useTheme(&state, name) : useProfile(&state, name)
    }

    /// Tab in the palette: take the selected completion, ready for an argument if it takes one.
    static func completePalette(_ input: TextField, selected: Int, state: AppState) -> TextField {
        let completions = HelpIndex.completions(input.text, state: state)
        guard completions.indices.contains(selected) else { return input }
        let completed = completions[selected].text
        var field = input
        field.setText(Command(rawValue: completed)?.takesArgument == true ? completed + " " : completed)
        return field
    }

    static func useTheme(_ state: inout AppState, _ name: String) -> [Effect] {
        state.settings.theme = name
        flash(&state, "theme \(name)")
        return [.setTheme(name)]
    }

    static func useProfile(_ state: inout AppState, _ name: String) -> [Effect] {
        guard let index = state.profiles.firstIndex(where: { $0.name == name }) else { return [] }
        state.panes[.profiles, default: PaneState()].selected = index
        flash(&state, "profile \(name)")
        return maskOnMove(&state) + selectProfile(&state, index)
    }

    static func quit(_ state: inout AppState) -> [Effect] {
        if state.leases.isEmpty { return finishQuit(&state) }
        state.overlay = .quit(choice: 2)
        return []
    }

    /// 0 checks in every lease then quits; 1 keeps them and quits; 2 cancels.
    static func answerQuit(_ state: inout AppState, _ choice: Int) -> [Effect] {
        state.overlay = nil
        switch choice {
        case 0:
            state.quitting = true
            let leases = state.leases.filter { !state.checkingIn.contains($0.id) }
            leases.forEach { state.checkingIn.insert($0.id) }
            audit(&state, "quit: checking in \(count(leases.count, "lease"))")
            return leases.map { .checkIn($0, reason: "pamtui quit") }
        case 1:
            audit(&state, "quit: kept \(count(state.leases.count, "lease"))")
            return finishQuit(&state)
        default:
            return []
        }
    }

    static func finishQuit(_ state: inout AppState) -> [Effect] {
        state.quitting = true
        var effects: [Effect] = state.clipboard == nil ? [] : [.clearClipboard]
        state.clipboard = nil
        if let reveal = state.reveal { effects.append(.forgetSecret(key: reveal.key)) }
        state.reveal = nil
        return effects + [.quit]
    }
}

extension Overlay {
    func withSelection(_ selected: Int, query: TextField) -> Overlay {
        switch self {
        case .help: .help(query: query, selected: selected)
        case .palette: .palette(text: query, selected: selected)
        default: self
        }
    }
}
