import PAMCore
import TOMLKit

/// Reads theme files: TOML mapping each role (by `StyleRole.rawValue`) to `fg`, `bg`, `bold`,
/// `dim`, `reverse` and `underline`, with optional `[fallback.256]`, `[fallback.16]` and
/// `[fallback.mono]` tables of the same shape. Roles left out fall back to `normal`; a theme
/// without `[fallback.mono]` gets `Theme.monochrome`'s attributes for terminals without colour.
public enum ThemeLoader {
    /// Keys a role table may hold.
    public static let attributeKeys = ["fg", "bg", "bold", "dim", "reverse", "underline"]
    /// Top-level keys that describe the theme rather than style a role.
    public static let metadataKeys = ["description", "variant"]
    /// `[fallback.<name>]` table names and the depth each serves.
    public static let fallbackDepths: [String: ColorDepth] = ["256": .indexed256, "16": .ansi16, "mono": .monochrome]

    /// Parses theme text; `name` becomes the theme's name and `file` appears in errors.
    public static func parse(_ text: String, name: String, file: String) throws(ThemeError) -> Theme {
        var parser = ThemeParser(file: file, text: text)
        return try parser.parse(name: name)
    }

    /// Roles a theme leaves to the `normal` fallback.
    public static func missingRoles(in theme: Theme) -> [StyleRole] {
        StyleRole.allCases.filter { theme.styles[$0] == nil }
    }
}

/// One parse of one file; keeps the text to find lines for errors.
struct ThemeParser {
    let file: String
    let text: String
    let lines: ThemeLineIndex

    init(file: String, text: String) {
        self.file = file
        self.text = text
        self.lines = ThemeLineIndex(text)
    }

    mutating func parse(name: String) throws(ThemeError) -> Theme {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw ThemeError(file: file, line: error.source.begin.line, message: "TOML syntax: \(error.description)")
        } catch {
            throw ThemeError(file: file, message: "TOML syntax: \(error)")
        }
        var styles: [StyleRole: ThemeStyle] = [:]
        var fallbacks: [ColorDepth: [StyleRole: ThemeStyle]] = [:]
        for key in table.keys {
            guard let value = table[key] else { continue }
            if ThemeLoader.metadataKeys.contains(key) {
                guard value.string != nil else { throw failure(key, path: [key], "must be a string") }
                continue
            }
            if key == "fallback" {
                fallbacks = try parseFallbacks(value)
                continue
            }
            styles = try parseRoles([(key, value)], path: [], into: styles)
        }
        return Theme(name: name, styles: styles, fallbacks: fallbacks).withMonochromeFallback()
    }

    private func parseFallbacks(_ value: TOMLValueConvertible) throws(ThemeError) -> [ColorDepth: [StyleRole: ThemeStyle]] {
        guard let table = value.table else {
            throw failure("fallback", path: ["fallback"], "must be a table of [fallback.256], [fallback.16] or [fallback.mono]")
        }
        var result: [ColorDepth: [StyleRole: ThemeStyle]] = [:]
        for depthName in table.keys {
            let path = ["fallback", depthName]
            guard let depth = ThemeLoader.fallbackDepths[depthName] else {
                let hint = Suggestion.closest(to: depthName, in: Array(ThemeLoader.fallbackDepths.keys), maxDistance: 3, ignoringSeparators: true)
                let advice = hint.map { "; did you mean '\($0)'?" } ?? " (use 256, 16 or mono)"
                throw failure(depthName, path: path, "unknown fallback depth" + advice)
            }
            guard let roles = table[depthName]?.table else { throw failure(depthName, path: path, "must be a table of roles") }
            let entries = roles.keys.compactMap { key in roles[key].map { (key, $0) } }
            result[depth] = try parseRoles(entries, path: path, into: [:])
        }
        return result
    }

    private func parseRoles(
        _ entries: [(String, TOMLValueConvertible)], path: [String], into styles: [StyleRole: ThemeStyle]
    ) throws(ThemeError) -> [StyleRole: ThemeStyle] {
        var styles = styles
        for (key, value) in entries {
            let keyPath = path + [key]
            guard let role = StyleRole(rawValue: key) else {
                let names = StyleRole.allCases.map(\.rawValue) + (path.isEmpty ? ThemeLoader.metadataKeys + ["fallback"] : [])
                let hint = Suggestion.closest(to: key, in: names, maxDistance: 3, ignoringSeparators: true)
                throw failure(key, path: keyPath, "unknown role" + (hint.map { "; did you mean '\($0)'?" } ?? ""))
            }
            guard let table = value.table else {
                throw failure(key, path: keyPath, "must be a table such as { fg = \"#c0c5ce\", bold = true }")
            }
            styles[role] = try parseStyle(table, path: keyPath)
        }
        return styles
    }

    private func parseStyle(_ table: TOMLTable, path: [String]) throws(ThemeError) -> ThemeStyle {
        var style = ThemeStyle()
        for key in table.keys {
            guard let value = table[key] else { continue }
            let keyPath = path + [key]
            switch key {
            case "fg", "bg":
                let text = value.string ?? value.int.map(String.init)
                guard let text, let color = ThemeColor(themeValue: text) else {
                    let forms = "\"#rrggbb\", \"default\", \"ansi:0\"…\"ansi:15\" or \"0\"…\"255\""
                    throw failure(key, path: keyPath, "not a colour: use \(forms)")
                }
                if key == "fg" { style.foreground = color } else { style.background = color }
            case "bold", "dim", "reverse", "underline":
                guard let flag = value.bool else { throw failure(key, path: keyPath, "must be true or false") }
                switch key {
                case "bold": style.bold = flag
                case "dim": style.dim = flag
                case "reverse": style.reverse = flag
                default: style.underline = flag
                }
            default:
                let hint = Suggestion.closest(to: key, in: ThemeLoader.attributeKeys, maxDistance: 3, ignoringSeparators: true)
                let advice = hint.map { "; did you mean '\($0)'?" } ?? " (fg, bg, bold, dim, reverse, underline)"
                throw failure(key, path: keyPath, "unknown attribute" + advice)
            }
        }
        return style
    }

    /// An error at `path`, with the line found by walking the path's keys through the text.
    private func failure(_ key: String, path: [String], _ message: String) -> ThemeError {
        var line: Int?
        for part in path {
            if let found = lines.line(of: part, after: line) { line = found }
        }
        return ThemeError(file: file, line: line, key: path.joined(separator: "."), message: message)
    }
}
