/// Where each table and key of a TOML document starts, so errors can name a line.
/// TOMLKit does not expose key positions, so the text is scanned line by line.
struct ConfigLineIndex: Sendable {
    private var lines: [String: Int] = [:]

    init(_ text: String) {
        var table: [String] = []
        for (offset, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            let number = offset + 1
            if line.hasPrefix("[") {
                let name = line.trimmingCharacters(in: CharacterSet(charactersIn: "[] \t"))
                    .split(separator: "#").first.map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "[] \t")) } ?? ""
                table = Self.splitDotted(name)
                lines[table.joined(separator: "."), default: number] = number
            } else if let equals = line.firstIndex(of: "="), !line.hasPrefix("#") {
                let key = Self.splitDotted(String(line[..<equals]).trimmingCharacters(in: .whitespaces))
                lines[(table + key).joined(separator: "."), default: number] = number
            }
        }
    }

    /// The line of `path` (e.g. `profiles.prod.url`), falling back to its closest enclosing table.
    func line(of path: [String]) -> Int? {
        var path = path
        while !path.isEmpty {
            if let line = lines[path.joined(separator: ".")] { return line }
            path.removeLast()
        }
        return nil
    }

    private static func splitDotted(_ name: String) -> [String] {
        name.split(separator: ".").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: " \t\"'")) }
    }
}

import Foundation
