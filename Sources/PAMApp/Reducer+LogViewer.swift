import PAMScreen

extension Reducer {
    /// Keys of the messages view and the audit log (moving, `/` filtering, sideways scrolling in
    /// the audit log); nil when neither is open, so other overlays keep their keys.
    static func logViewerKey(_ state: inout AppState, _ key: KeyEvent) -> [Effect]? {
        let audit: Bool
        var viewer: LogViewer
        switch state.overlay {
        case .auditLog(let open): (audit, viewer) = (true, open)
        case .messages(let open): (audit, viewer) = (false, open)
        default: return nil
        }
        let page = LogViewerView.bodyHeight(state, audit: audit)
        if viewer.editing {
            switch key {
            case .character(let character): viewer.query.append(character)
            case .backspace:
                if viewer.query.isEmpty { viewer.editing = false } else { viewer.query.removeLast() }
            case .enter: viewer.editing = false
            case .escape:
                viewer.editing = false
                viewer.query = ""
            default: return []
            }
            viewer.top = 0
        } else {
            let toggle = state.settings.keymap.command(for: key, in: .panes)
            switch key {
            case .escape where !viewer.query.isEmpty:
                viewer.query = ""
                viewer.top = 0
            case .escape, .enter, .character("q"):
                state.overlay = nil
                return []
            case _ where toggle == (audit ? Command.auditLog : Command.messages):
                state.overlay = nil
                return []
            case .character("/"): viewer.editing = true
            case .character("j"), .down: viewer.top += 1
            case .character("k"), .up: viewer.top -= 1
            case .pageDown, .control("f"), .character(" "): viewer.top += page
            case .pageUp, .control("b"): viewer.top -= page
            case .home, .character("g"):
                viewer.top = 0
                viewer.column = 0
            case .end, .character("G"): viewer.top = Int.max / 2
            case .right where audit, .character("l") where audit:
                let widest = state.audit.map { TextWidth.of($0.text) }.max() ?? 0
                viewer.column = min(viewer.column + LogViewer.columnStep, max(0, widest - LogViewer.columnStep))
            case .left where audit, .character("h") where audit: viewer.column = max(0, viewer.column - LogViewer.columnStep)
            default: return []
            }
        }
        let count = audit ? LogViewerView.auditEntries(state, viewer).count : LogViewerView.messageLines(state, viewer).count
        viewer.top = min(max(0, viewer.top), max(0, count - page))
        state.overlay = audit ? .auditLog(viewer) : .messages(viewer)
        return []
    }
}
