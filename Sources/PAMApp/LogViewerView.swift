import Foundation
import PAMCore
import PAMScreen

/// Draws the messages view and the audit log: framed, newest first, `/` filtered; the messages
/// wrapped in full, the audit log one row a call with a horizontal scroll.
struct LogViewerView {
    var glyphs: Glyphs

    /// One drawn line and its style.
    struct Line: Equatable {
        var text: String
        var role: StyleRole
    }

    /// The box both viewers take inside the body (between header and status line).
    static func box(_ state: AppState) -> Rect {
        let layout = AppLayout(state)
        let body = Rect(x: 0, y: layout.header.maxY, width: state.size.width, height: layout.status.y - layout.header.maxY)
        return body.centered(Size(width: body.width - 4, height: body.height - 2))
    }

    /// Lines of text the viewer's body holds (the audit log's first is its column header).
    static func bodyHeight(_ state: AppState, audit: Bool) -> Int { max(1, box(state).height - 2 - (audit ? 1 : 0)) }

    /// The messages that pass the filter, newest first, as heading and wrapped lines.
    static func messageLines(_ state: AppState, _ viewer: LogViewer) -> [Line] {
        let width = max(8, box(state).width - 4)
        var lines: [Line] = []
        for message in state.messages.newestFirst where passes(viewer.query, [message.heading, message.text]) {
            let role: StyleRole = switch message.level {
            case .error: .danger
            case .warning: .warn
            case .notice: .title
            }
            lines.append(Line(text: message.heading, role: role))
            lines += TextWrap.lines(message.text, width: width - 2).map { Line(text: "  " + $0, role: .normal) }
        }
        return lines
    }

    /// The audit entries that pass the filter, newest first.
    static func auditEntries(_ state: AppState, _ viewer: LogViewer) -> [AuditEntry] {
        state.audit.reversed().filter { passes(viewer.query, [$0.text]) }
    }

    /// Case-insensitive words: every one must appear in one of the texts.
    static func passes(_ query: String, _ texts: [String]) -> Bool {
        query.split(separator: " ").allSatisfy { word in texts.contains { $0.localizedCaseInsensitiveContains(word) } }
    }

    func renderMessages(_ state: AppState, _ viewer: LogViewer, into grid: inout CellGrid) {
        let lines = Self.messageLines(state, viewer)
        let box = Self.box(state)
        let title = "Messages\(filterTitle(viewer)) — / filters, Esc closes"
        let inner = Frame(title: title, badge: "\(state.messages.entries.count)", focused: true, glyphs: glyphs).render(into: &grid, in: box)
        let body = Rect(x: inner.x + 1, y: inner.y, width: max(0, inner.width - 2), height: inner.height)
        guard !lines.isEmpty else {
            grid.put(state.messages.entries.isEmpty ? "nothing yet" : "no matches", x: body.x, y: body.y, width: body.width,
                     alignment: .center, role: .muted, ellipsis: glyphs.ellipsis)
            return
        }
        for (row, line) in lines.dropFirst(viewer.top).prefix(body.height).enumerated() {
            grid.put(line.text, x: body.x, y: body.y + row, width: body.width, alignment: .left, role: line.role, ellipsis: glyphs.ellipsis)
        }
    }

    func renderAudit(_ state: AppState, _ viewer: LogViewer, into grid: inout CellGrid) {
        let entries = Self.auditEntries(state, viewer)
        let box = Self.box(state)
        let title = "Audit log\(filterTitle(viewer)) — / filters, ←→ scroll, Esc closes"
        let inner = Frame(title: title, badge: "\(state.audit.count)", focused: true, glyphs: glyphs).render(into: &grid, in: box)
        let rows = entries.dropFirst(viewer.top).prefix(max(0, inner.height - 1)).map { entry in
            TableRow([ISODateTime.format(entry.at, zone: false).suffix(8).description, Self.dropColumns(entry.text, viewer.column)],
                     role: entry.isError ? .danger : nil)
        }
        let what = viewer.column > 0 ? "WHAT (+\(viewer.column))" : "WHAT"
        _ = Table(columns: [TableColumn("TIME", width: .fixed(8)), TableColumn(what)], rows: Array(rows), selected: nil,
                  message: .empty(state.audit.isEmpty ? "nothing yet" : "no matches"), glyphs: glyphs)
            .render(into: &grid, in: inner)
    }

    private func filterTitle(_ viewer: LogViewer) -> String {
        viewer.editing ? "  /\(viewer.query)█" : viewer.query.isEmpty ? "" : "  /\(viewer.query)"
    }

    /// `text` without its first `columns` terminal columns.
    static func dropColumns(_ text: String, _ columns: Int) -> String {
        guard columns > 0 else { return text }
        var dropped = 0
        var index = text.startIndex
        while index < text.endIndex, dropped < columns {
            dropped += TextWidth.of(text[index])
            index = text.index(after: index)
        }
        return String(text[index...])
    }
}
