import Foundation
import PAMCore

/// Column-aligned text for humans. Every cell is sanitised to one line
/// (`TerminalText.sanitized`) before the widths are measured, so a name from a server can
/// neither break the table's lines nor reach the terminal as an escape sequence.
struct TextTable {
    var headers: [String]
    var rows: [[String]] = []

    init(_ headers: [String]) { self.headers = headers.map(TerminalText.sanitized) }

    mutating func add(_ row: [String]) { rows.append(row.map(TerminalText.sanitized)) }

    /// Aligned lines; the last column is not padded.
    func render() -> String {
        var widths = headers.map(\.count)
        for row in rows {
            for (index, cell) in row.enumerated() where index < widths.count {
                widths[index] = max(widths[index], cell.count)
            }
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { index, cell in
                index == cells.count - 1 || index >= widths.count
                    ? cell : cell.padding(toLength: widths[index], withPad: " ", startingAt: 0)
            }.joined(separator: "  ")
        }
        return ([line(headers)] + rows.map(line)).joined(separator: "\n")
    }
}
