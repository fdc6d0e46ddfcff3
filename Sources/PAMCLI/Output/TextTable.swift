import PAMCore
import PAMScreen

/// Column-aligned text for humans. Every cell is sanitised to one line
/// (`TerminalText.sanitized`) before the widths are measured, so a name from a server can
/// neither break the table's lines nor reach the terminal as an escape sequence.
struct TextTable {
    var headers: [String]
    var rows: [[String]] = []

    init(_ headers: [String]) { self.headers = headers.map(TerminalText.sanitized) }

    mutating func add(_ row: [String]) { rows.append(row.map(TerminalText.sanitized)) }

    /// Aligned lines, by terminal columns (a wide character takes two); the last column is not
    /// padded.
    func render() -> String {
        var widths = headers.map(TextWidth.of)
        let measured = rows.map { $0.map(TextWidth.of) }
        for row in measured {
            for (index, width) in row.enumerated() where index < widths.count { widths[index] = max(widths[index], width) }
        }
        func line(_ cells: [String], _ cellWidths: [Int]) -> String {
            var text = ""
            for (index, cell) in cells.enumerated() {
                if index > 0 { text += "  " }
                text += cell
                if index < cells.count - 1, index < widths.count {
                    text += String(repeating: " ", count: max(0, widths[index] - cellWidths[index]))
                }
            }
            return text
        }
        var lines = [line(headers, headers.map(TextWidth.of))]
        lines.reserveCapacity(rows.count + 1)
        for (row, cellWidths) in zip(rows, measured) { lines.append(line(row, cellWidths)) }
        return lines.joined(separator: "\n")
    }
}
