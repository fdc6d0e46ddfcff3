import Foundation
import PAMScreen

extension Reducer {
    /// Text input inside overlays; nil when the key is not text for the open overlay.
    static func overlayText(_ state: inout AppState, _ key: KeyEvent) -> [Effect]? {
        switch state.overlay {
        case .checkout(var form) where form.focus < form.fieldCount:
            let edited: Bool
            if let option = form.focusedOption {
                // A choice takes Space (next value); free text is typed.
                guard option.choices == nil || key == .character(" ") else { return nil }
                if option.choices == nil {
                    var text = form.value(option)
                    edited = edit(&text, key)
                    form.optionValues[option.key] = text
                } else {
                    form.cycle(option, forward: true)
                    edited = true
                }
            } else {
                edited = form.focus == 0 ? edit(&form.reason, key) : edit(&form.duration, key)
            }
            guard edited else { return nil }
            form.error = nil
            state.overlay = .checkout(form)
            return []
        case .help(var query, _):
            guard edit(&query, key) else { return nil }
            state.overlay = .help(query: query, selected: 0)
            return []
        case .palette(var text, _):
            guard edit(&text, key) else { return nil }
            state.overlay = .palette(text: text, selected: 0)
            return []
        default:
            return nil
        }
    }

    /// Appends a typed character or deletes one; false for other keys.
    static func edit(_ text: inout String, _ key: KeyEvent) -> Bool {
        switch key {
        case .character(let character):
            text.append(character)
        case .backspace:
            if !text.isEmpty { text.removeLast() }
        default:
            return false
        }
        return true
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
            state.overlay = .fieldPicker(choice, selected: min(selected + 1, max(0, choice.target.fields.count - 1)))
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
        case .checkout(var form):
            if form.focus == form.cancelIndex {
                state.overlay = nil
                return []
            }
            if form.focus < form.fieldCount {
                form.focus += 1
                state.overlay = .checkout(form)
                return []
            }
            return submitCheckout(&state, form)
        case .confirmCheckin(let id, let confirm):
            if confirm { return confirmCheckin(&state, leaseID: id) }
            state.overlay = nil
            return []
        case .quit(let choice):
            return answerQuit(&state, choice)
        case .help(let query, let selected):
            let commands = HelpIndex.matching(query, keymap: state.settings.keymap)
            state.overlay = nil
            return commands.indices.contains(selected) ? run(&state, commands[selected].command) : []
        case .palette(let text, let selected):
            state.overlay = nil
            if let effects = runPaletteLine(&state, text) { return effects }
            let completions = HelpIndex.completions(text, state: state)
            guard completions.indices.contains(selected), let effects = runPaletteLine(&state, completions[selected].text) else {
                flash(&state, "unknown command :\(text)", error: true)
                return []
            }
            return effects
        case .fieldPicker(let choice, let selected):
            return copyPicked(&state, choice, selected: selected)
        case .auditLog, .message, nil:
            state.overlay = nil
            return []
        }
    }

    /// Runs a whole palette line (`checkout`, `clipboard doctor`, `theme nord`); nil if it names nothing.
    static func runPaletteLine(_ state: inout AppState, _ line: String) -> [Effect]? {
        // A trailing space keeps `theme ` from running `theme` again: it asks for an argument.
        let typed = String(line.drop(while: \.isWhitespace))
        if let command = Command(rawValue: typed.lowercased().replacingOccurrences(of: " ", with: "-")) { return run(&state, command) }
        guard let (command, argument) = HelpIndex.splitArgument(typed),
              let name = HelpIndex.arguments(for: command, state: state).first(where: { $0.lowercased() == argument.lowercased() })
        else { return nil }
        return command == .theme ? useTheme(&state, name) : useProfile(&state, name)
    }

    /// Tab in the palette: take the selected completion, ready for an argument if it takes one.
    static func completePalette(_ text: String, selected: Int, state: AppState) -> String {
        let completions = HelpIndex.completions(text, state: state)
        guard completions.indices.contains(selected) else { return text }
        let completed = completions[selected].text
        return Command(rawValue: completed)?.takesArgument == true ? completed + " " : completed
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
            audit(&state, "quit: checking in \(leases.count) lease(s)")
            return leases.map { .checkIn($0, reason: "pamtui quit") }
        case 1:
            audit(&state, "quit: kept \(state.leases.count) lease(s)")
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
    func withSelection(_ selected: Int, query: String) -> Overlay {
        switch self {
        case .help: .help(query: query, selected: selected)
        case .palette: .palette(text: query, selected: selected)
        default: self
        }
    }
}
