import Foundation

/// A theme file found on disk.
public struct ThemeEntry: Sendable, Equatable {
    /// The file name without `.toml`; what users type in `--theme` and config.
    public var name: String
    public var path: String
    /// Found in the user's folder rather than the bundled one.
    public var isUser: Bool

    public init(name: String, path: String, isUser: Bool) {
        self.name = name
        self.path = path
        self.isUser = isUser
    }
}

/// The theme to use and, when the requested one could not be used, why.
public struct ThemeSelection: Sendable, Equatable {
    public var theme: Theme
    /// A one-line message for the status line or `doctor`; nil when all went as asked.
    public var warning: String?

    public init(theme: Theme, warning: String? = nil) {
        self.theme = theme
        self.warning = warning
    }
}

extension ThemeLoader {
    /// The name used when none is configured.
    public static let defaultName = "default-dark"

    /// Reads and parses a file; the theme is named after the file.
    public static func load(path: String) throws(ThemeError) -> Theme {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ThemeError(file: path, message: "cannot read the file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ThemeError(file: path, message: "not UTF-8 text")
        }
        return try parse(text, name: themeName(ofPath: path), file: path)
    }

    /// `$XDG_CONFIG_HOME/pamtui/themes`, else `$HOME/.config/pamtui/themes`.
    public static func userDirectory(environment: [String: String]) -> String? {
        if let config = environment["XDG_CONFIG_HOME"], !config.isEmpty { return config + "/pamtui/themes" }
        if let home = environment["HOME"], !home.isEmpty { return home + "/.config/pamtui/themes" }
        return nil
    }

    /// Folders that may hold the bundled themes: `override` first, then `../../themes` from the
    /// executable (a `.build/debug/pamtui` in a checkout) and `../share/pamtui/themes` (an install).
    public static func searchPaths(executablePath: String, override: String? = nil) -> [String] {
        let folder = URL(fileURLWithPath: executablePath).deletingLastPathComponent()
        var paths = override.map { [$0] } ?? []
        paths.append(folder.appendingPathComponent("../../themes").standardizedFileURL.path)
        paths.append(folder.appendingPathComponent("../share/pamtui/themes").standardizedFileURL.path)
        return paths
    }

    /// Theme files in `bundled` folders (the first folder holding a name wins) and in `user`,
    /// which wins over any bundled file of the same name; sorted by name.
    public static func available(bundled: [String], user: String?) -> [ThemeEntry] {
        var found: [String: ThemeEntry] = [:]
        for folder in bundled {
            for path in themeFiles(in: folder) where found[themeName(ofPath: path)] == nil {
                found[themeName(ofPath: path)] = ThemeEntry(name: themeName(ofPath: path), path: path, isUser: false)
            }
        }
        if let user {
            for path in themeFiles(in: user) {
                found[themeName(ofPath: path)] = ThemeEntry(name: themeName(ofPath: path), path: path, isUser: true)
            }
        }
        return found.values.sorted { $0.name < $1.name }
    }

    /// The theme for this run: monochrome when `NO_COLOR` is set (and not empty), else `name`
    /// (or `default-dark`) from `entries`, else the compiled-in default with a warning.
    public static func select(name: String?, entries: [ThemeEntry], environment: [String: String]) -> ThemeSelection {
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return ThemeSelection(theme: .monochrome, warning: nil) }
        let wanted = name ?? defaultName
        guard let entry = entries.first(where: { $0.name == wanted }) else {
            if wanted == Theme.builtInDefault.name { return ThemeSelection(theme: .builtInDefault, warning: nil) }
            if wanted == Theme.monochrome.name { return ThemeSelection(theme: .monochrome, warning: nil) }
            let names = entries.map(\.name).joined(separator: ", ")
            return ThemeSelection(
                theme: .builtInDefault,
                warning: "theme '\(wanted)' not found" + (names.isEmpty ? "" : " (available: \(names))") + "; using the built-in default"
            )
        }
        do {
            return ThemeSelection(theme: try load(path: entry.path), warning: nil)
        } catch {
            return ThemeSelection(theme: .builtInDefault, warning: "\(error.description); using the built-in default")
        }
    }

    static func themeName(ofPath path: String) -> String {
        URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
    }

    private static func themeFiles(in folder: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { $0.hasSuffix(".toml") }.sorted().map { folder + "/" + $0 }
    }
}
