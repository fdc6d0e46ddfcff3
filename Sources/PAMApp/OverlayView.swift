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
            if let error = form.error { message.append(error) }
            Dialog(
                title: "Check out", message: message, messageRole: form.error == nil ? .dialog : .flashError,
                fields: [DialogField("Reason", value: form.reason,
                                     placeholder: state.profile?.checkout.requireReason == true ? "required: why you need it" : "why you need it"),
                         DialogField("Minutes", value: form.duration)]
                    + form.options.map { option in
                        DialogField(option.label, value: form.value(option) + (option.choices == nil ? "" : "  (Left/Right)"))
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
                title: "Quit", message: ["\(state.leases.count) lease(s) are still checked out."],
                buttons: ["Check in \(state.leases.count)", "Keep them", "Cancel"], focus: choice, width: 60, glyphs: glyphs
            ).render(into: &grid, in: rect)
        case .help(let query, let selected):
            let entries = HelpIndex.matching(query, keymap: state.settings.keymap)
            let items = entries.map { ListPickerItem(key: $0.keys.isEmpty ? $0.command.rawValue : $0.keys, description: $0.summary) }
            ListPicker(title: "Help — Enter runs, Esc closes", query: query, items: items, selected: min(selected, max(0, items.count - 1)),
                       size: Size(width: 72, height: rect.height - 2), glyphs: glyphs).render(into: &grid, in: rect)
        case .palette(let text, let selected):
            let completions = HelpIndex.completions(text, state: state)
            let items = completions.map { ListPickerItem(key: $0.text, description: $0.summary) }
            let inline = completions.first.flatMap { $0.text.lowercased().hasPrefix(text.lowercased()) ? String($0.text.dropFirst(text.count)) : nil }
            ListPicker(title: "Command — Tab completes, Enter runs", prompt: ":", query: text, completion: inline ?? "",
                       items: items, selected: min(selected, max(0, items.count - 1)), size: Size(width: 64, height: min(16, rect.height - 2)),
                       glyphs: glyphs).render(into: &grid, in: rect)
        case .auditLog:
            let box = rect.centered(Size(width: rect.width - 4, height: rect.height - 2))
            let inner = Frame(title: "Audit log — Esc closes", focused: true, glyphs: glyphs).render(into: &grid, in: box)
            let rows = state.audit.suffix(500).map { TableRow([ISODateTime.format($0.at, zone: false).suffix(8).description, $0.text]) }
            _ = Table(columns: [TableColumn("TIME", width: .fixed(8)), TableColumn("WHAT")], rows: rows,
                      selected: rows.isEmpty ? nil : rows.count - 1, message: .empty("nothing yet"), glyphs: glyphs)
                .render(into: &grid, in: inner)
        case .fieldPicker(let choice, let selected):
            let items = choice.target.fields.map { field in
                ListPickerItem(key: field.label, description: field.isSecret ? "secret · \(field.kind.rawValue)" : field.plainValue ?? field.kind.rawValue)
            }
            ListPicker(title: "Copy a field of \(choice.target.path) — Enter copies", prompt: "", query: "", items: items,
                       selected: min(selected, max(0, items.count - 1)), size: Size(width: 64, height: min(14, rect.height - 2)),
                       glyphs: glyphs).render(into: &grid, in: rect)
        case .message(let title, let lines):
            Dialog(title: title, message: lines, buttons: ["OK"], width: 70, glyphs: glyphs).render(into: &grid, in: rect)
        case nil:
            break
        }
    }
}
