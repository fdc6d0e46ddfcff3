import Foundation

/// Discussion text for `--help`, laid out for the terminal's width. ArgumentParser breaks any
/// line longer than the width at a space and starts the rest at column 0, which tears indented
/// lists apart; a text whose every line already fits is left as it is. So prose is wrapped here,
/// indented lines keep their indent, and a two-column line (`  NAME  what it does`) wraps under
/// its second column, or below its name when the terminal is too narrow for that.
enum HelpText {
    static func layout(_ text: String, width: Int = terminalWidth) -> String {
        // ArgumentParser re-wraps a line as long as the width, so one column is kept free.
        let limit = max(20, width - 1)
        var output: [String] = []
        var entry: (name: String, indent: Int, column: Int, text: String)?
        // Prose lines at the margin are one paragraph until a blank or indented line, or a line
        // ending in a colon (a heading), so a sentence broken in the source is wrapped whole.
        var paragraph: String?
        func flush() {
            if let current = entry {
                output += layoutEntry(current.name, indent: current.indent, column: current.column, text: current.text, limit: limit)
                entry = nil
            }
            if let prose = paragraph {
                output += wrap(prose, indent: 0, limit: limit)
                paragraph = nil
            }
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            let indent = line.prefix { $0 == " " }.count
            let body = line.dropFirst(indent)
            if indent == 0, !body.isEmpty {
                if entry != nil { flush() }
                paragraph = paragraph.map { $0 + " " + body } ?? String(body)
                if body.hasSuffix(":") { flush() }
                continue
            }
            // A line starting at the open entry's second column continues its description.
            if let current = entry, !body.isEmpty, indent == current.column {
                entry?.text = current.text + " " + body
                continue
            }
            flush()
            if indent > 0, let gap = body.range(of: "  ") {
                let name = String(body[..<gap.lowerBound])
                let rest = body[gap.upperBound...].drop { $0 == " " }
                if !name.isEmpty, !rest.isEmpty {
                    entry = (name, indent, line.count - rest.count, String(rest))
                    continue
                }
            }
            output += wrap(String(body), indent: indent, limit: limit)
        }
        flush()
        return output.joined(separator: "\n")
    }

    private static func layoutEntry(_ name: String, indent: Int, column: Int, text: String, limit: Int) -> [String] {
        let lead = String(repeating: " ", count: indent) + name
        if limit - column >= 24 {
            var lines = wrap(text, indent: column, limit: limit)
            lines[0] = lead + String(repeating: " ", count: column - lead.count) + lines[0].dropFirst(column)
            return lines
        }
        return [lead] + wrap(text, indent: indent + 4, limit: limit)
    }

    /// Greedy word wrap; every line starts with `indent` spaces.
    private static func wrap(_ text: String, indent: Int, limit: Int) -> [String] {
        let pad = String(repeating: " ", count: indent)
        guard !text.isEmpty else { return [""] }
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ").flatMap({ pieces(String($0), width: limit - indent) }) {
            if !current.isEmpty, pad.count + current.count + 1 + word.count > limit {
                lines.append(pad + current)
                current = ""
            }
            current += (current.isEmpty ? "" : " ") + word
        }
        lines.append(pad + current)
        return lines
    }

    /// A word too long for a line, cut after its commas (a `--faults a=1,b=2` example) into
    /// pieces that fit; a piece that still does not fit stays whole.
    private static func pieces(_ word: String, width: Int) -> [String] {
        guard word.count > width, word.contains(",") else { return [word] }
        var pieces: [String] = []
        var current = ""
        for part in word.split(separator: ",", omittingEmptySubsequences: false) {
            let next = current.isEmpty ? String(part) : current + "," + part
            if !current.isEmpty, next.count + 1 > width {
                pieces.append(current + ",")
                current = String(part)
            } else {
                current = next
            }
        }
        pieces.append(current)
        return pieces
    }

    /// The width ArgumentParser renders help for: `COLUMNS`, else the terminal's, else 80.
    static var terminalWidth: Int {
        if let columns = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init), columns > 0 { return columns }
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return 80
    }
}
