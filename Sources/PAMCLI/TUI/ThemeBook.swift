import Foundation
import PAMScreen

/// The themes this run can use: bundled files, the user's folder, and the compiled-in ones.
struct ThemeBook: Sendable {
    let entries: [ThemeEntry]
    let environment: [String: String]

    init(environment: [String: String]) {
        let bundled = ThemeLoader.searchPaths(executablePath: CommandLine.arguments.first ?? "")
        entries = ThemeLoader.available(bundled: bundled, user: ThemeLoader.userDirectory(environment: environment))
        self.environment = environment
    }

    /// Names `:theme` offers, sorted.
    var names: [String] {
        Set(entries.map(\.name) + [Theme.builtInDefault.name, Theme.monochrome.name]).sorted()
    }

    /// The theme called `name` (NO_COLOR wins), with a warning when it could not be used.
    func select(_ name: String?) -> ThemeSelection {
        var selection = ThemeLoader.select(name: name, entries: entries, environment: environment)
        if let name, selection.theme.name != name, selection.warning == nil {
            selection.warning = "NO_COLOR is set: the monochrome theme is used instead of \(name)"
        }
        return selection
    }
}
