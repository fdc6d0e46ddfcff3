import PAMScreen

/// The `?` overlay and `:` palette, generated from the keymap and the command list.
public enum HelpIndex {
    public struct Entry: Sendable, Equatable {
        public var command: Command
        public var keys: String
        public var summary: String
    }

    /// A line the palette offers: what Enter would run, and what it does.
    public struct Completion: Sendable, Equatable {
        public var text: String
        public var summary: String
    }

    /// Every command with its keys, filtered by `query` against name, keys and summary.
    public static func matching(_ query: String, keymap: Keymap) -> [Entry] {
        Command.allCases.map { command in
            Entry(command: command, keys: keymap.keys(for: command, in: .panes).map(\.name).joined(separator: " "), summary: command.summary)
        }.filter { entry in
            query.isEmpty || [entry.command.rawValue, entry.keys, entry.summary].contains { $0.localizedCaseInsensitiveContains(query) }
        }
    }

    /// Palette completions: commands whose name starts with `text`, then those containing it; after
    /// a command that takes an argument and a space, its arguments (profile or theme names).
    public static func completions(_ text: String, state: AppState) -> [Completion] {
        if let (command, argument) = splitArgument(text) {
            return ranked(arguments(for: command, state: state), by: argument).map {
                Completion(text: "\(command.rawValue) \($0)", summary: argumentSummary(command, $0, state: state))
            }
        }
        let lower = text.lowercased().replacingOccurrences(of: " ", with: "-")
        return ranked(Command.allCases.map(\.rawValue), by: lower).compactMap { name in
            Command(rawValue: name).map { Completion(text: name, summary: $0.summary) }
        }
    }

    /// `theme nord` → (.theme, "nord"); nil when the text is not a command taking an argument plus a space.
    public static func splitArgument(_ text: String) -> (Command, String)? {
        guard let space = text.firstIndex(of: " "), let command = Command(rawValue: String(text[..<space]).lowercased()),
              command.takesArgument else { return nil }
        return (command, text[text.index(after: space)...].trimmingCharacters(in: .whitespaces))
    }

    /// A profile's vendor; "in use" for the current theme or profile.
    private static func argumentSummary(_ command: Command, _ name: String, state: AppState) -> String {
        let inUse = command == .theme ? state.settings.theme == name : state.profile?.name == name
        let vendor = command == .profile ? state.profiles.first { $0.name == name }?.vendorName : nil
        return [vendor, inUse ? "in use" : nil].compactMap { $0 }.joined(separator: ", ")
    }

    static func arguments(for command: Command, state: AppState) -> [String] {
        command == .theme ? state.settings.themes : state.profiles.map(\.name)
    }

    /// Names starting with `text`, then those containing it, case-insensitively.
    private static func ranked(_ names: [String], by text: String) -> [String] {
        let lower = text.lowercased()
        let prefixed = names.filter { $0.lowercased().hasPrefix(lower) }
        return prefixed + names.filter { !$0.lowercased().hasPrefix(lower) && $0.lowercased().contains(lower) }
    }
}
