/// Finds the line of a key in TOML text, for error messages: TOMLKit reports lines only for
/// syntax errors, not for the keys of a parsed table.
struct ThemeLineIndex {
    let lines: [Substring]

    init(_ text: String) {
        lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    }

    /// The 1-based line where `key` is assigned (`key =`) or opens a table (`[a.key]`), searching
    /// from the line of `after` when given.
    func line(of key: String, after: Int? = nil) -> Int? {
        let first = max(0, (after ?? 1) - 1)
        guard first < lines.count else { return nil }
        for index in first..<lines.count where defines(String(lines[index]), key: key) {
            return index + 1
        }
        return nil
    }

    private func defines(_ line: String, key: String) -> Bool {
        let code = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? line
        var searchStart = code.startIndex
        while let found = code[searchStart...].firstRange(of: key) {
            searchStart = found.upperBound
            let before = code[..<found.lowerBound].last { $0 != "\"" && $0 != " " }
            guard before == nil || before == "." || before == "[" || before == "{" || before == "," else { continue }
            let after = code[found.upperBound...].first { $0 != "\"" && $0 != " " }
            if after == "=" || after == "]" || after == "." { return true }
        }
        return false
    }
}
