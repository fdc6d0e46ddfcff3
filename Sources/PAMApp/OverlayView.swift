import Foundation
import PAMCore
import PAMScreen

/// Dialogs, the help overlay, the palette and the audit log, drawn over the panes.
struct OverlayView {
    var glyphs: Glyphs

    func render(_ state: AppState, into grid: inout CellGrid, in rect: Rect) {
        switch state.overlay {
        case .checkout(let form):
            var message = ["\(form.account.path)"]
            if let note = form.note { message.append(note) }
            if let error = form.error { message.append(error) }
            Dialog(
                title: "Check out", message: message, messageRole: form.error == nil ? .dialog : .flashError,
                fields: form.slots.map { slot in
                    switch slot {
                    case .reason: return DialogField(form.asksDuration ? "Reason" : "Comment", field: form.reason)
                    case .duration: return DialogField("Minutes", field: form.duration)
                    case .option(let option):
                        if option.choices == nil, let field = form.optionFields[option.key] { return DialogField(option.label, field: field) }
                        return DialogField(option.label, field: TextField(form.value(option) + "  (Space, Left/Right)"))
                    }
                },
                buttons: ["OK", "Cancel"], focus: form.focus, glyphs: glyphs
            ).render(into: &grid, in: rect)
        case .confirmCheckin(let id, let confirm) where state.pending.contains { $0.id == id }:
            let pending = state.pending.first { $0.id == id }
            Dialog(
                title: "Withdraw", message: ["Withdraw the pending request for \(pending?.request.path ?? id)?"],
                buttons: ["Cancel", "Withdraw"], focus: confirm ? 1 : 0, glyphs: glyphs
            ).render(into: &grid, in: rect)
        case .confirmCheckin(let leaseID, let confirm):
            let lease = state.leases.first { $0.id == leaseID }
            Dialog(
                title: "Check in", message: ["Check in \(lease.map { "\($0.systemName)/\($0.accountName)" } ?? leaseID)?",
                                             "The password may rotate."],
                buttons: ["Cancel", "Check in"], focus: confirm ? 1 : 0, glyphs: glyphs
            ).render(into: &grid, in: rect)
        case .quit(let choice):
            Dialog(
                title: "Quit", message: ["\(Reducer.count(state.leases.count, "lease")) \(state.leases.count == 1 ? "is" : "are") still checked out."],
                buttons: ["Check in \(state.leases.count)", "Keep them", "Cancel"], focus: choice, width: 60, glyphs: glyphs
            ).render(into: &grid, in: rect)
        case .help(let query, let selected):
            let entries = HelpIndex.matching(query.text, keymap: state.settings.keymap)
            let items = entries.map { ListPickerItem(key: $0.keys.isEmpty ? $0.command.rawValue : $0.keys, description: $0.summary) }
            ListPicker(title: "Help — Enter runs, Esc closes", input: query, items: items, selected: min(selected, max(0, items.count - 1)),
                       size: Size(width: 72, height: rect.height - 2), glyphs: glyphs).render(into: &grid, in: rect)
        case .palette(let input, let selected):
            let text = input.text
            let completions = HelpIndex.completions(text, state: state)
            let items = completions.map { ListPickerItem(key: $0.text, description: $0.summary, role: $0.applies ? nil : .muted) }
            let inline = completions.first.flatMap { $0.text.lowercased().hasPrefix(text.lowercased()) ? String($0.text.dropFirst(text.count)) : nil }
            ListPicker(title: "Command — Tab completes, Enter runs", prompt: ":", input: input, completion: inline ?? "",
                       items: items, selected: min(selected, max(0, items.count - 1)), size: Size(width: 64, height: min(16, rect.height - 2)),
                       glyphs: glyphs).render(into: &grid, in: rect)
        case .auditLog(let viewer):
            LogViewerView(glyphs: glyphs).renderAudit(state, viewer, into: &grid)
        case .messages(let viewer):
            LogViewerView(glyphs: glyphs).renderMessages(state, viewer, into: &grid)
        case .fieldPicker(let choice, let selected):
            let items = choice.entries(in: state).map { entry in
                switch entry {
                case .plain(let label, let value): ListPickerItem(key: label, description: value)
                case .field(let field):
                    ListPickerItem(key: field.label, description: choice.needsLease(field) ? "secret · check out first" : "secret · \(field.kind.rawValue)",
                                   role: choice.needsLease(field) ? .muted : nil)
                }
            }
            ListPicker(title: "A field of \(choice.target.path) — Enter copies, r reveals", prompt: "", query: "", items: items,
                       selected: min(selected, max(0, items.count - 1)), size: Size(width: 64, height: min(14, rect.height - 2)),
                       glyphs: glyphs).render(into: &grid, in: rect)
        case .message(let title, let lines):
            Dialog(title: title, message: lines, buttons: ["OK"], width: 70, glyphs: glyphs).render(into: &grid, in: rect)
        case nil:
            break
        }
    }
}
