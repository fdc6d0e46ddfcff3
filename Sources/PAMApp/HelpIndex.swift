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
        /// False for a command that does nothing here now (listed after those that do, muted).
        public var applies = true
    }

    /// Every command with its keys, filtered by `query` against name, keys and summary.
    public static func matching(_ query: String, keymap: Keymap) -> [Entry] {
        Command.allCases.map { command in
            Entry(command: command, keys: keymap.keys(for: command, in: .panes).map(\.name).joined(separator: " "), summary: command.summary)
        }.filter { entry in
            query.isEmpty || [entry.command.rawValue, entry.keys, entry.summary].contains { $0.localizedCaseInsensitiveContains(query) }
        }
    }

    /// Palette completions: after a command that takes an argument and a space, its arguments
    /// (profile or theme names). Otherwise the palette's commands (no movement keys) by how well
    /// they match (the name exactly, its start, inside it, then the summary), those that apply
    /// now before the rest, by group.
    public static func completions(_ text: String, state: AppState) -> [Completion] {
        if let (command, argument) = splitArgument(text) {
            return ranked(arguments(for: command, state: state), by: argument).map {
                Completion(text: "\(command.rawValue) \($0)", summary: argumentSummary(command, $0, state: state))
            }
        }
        let query = text.lowercased().trimmingCharacters(in: .whitespaces).replacingOccurrences(of: " ", with: "-")
        let groups = Command.Group.allCases
        let ordered = Command.allCases.enumerated().compactMap { order, command -> (key: [Int], command: Command)? in
            guard command.inPalette, let tier = tier(command, query) else { return nil }
            let applies = command.applies(in: state)
            return ([tier, applies ? 0 : 1, groups.firstIndex(of: command.group) ?? 0, order], command)
        }.sorted { $0.key.lexicographicallyPrecedes($1.key) }
        return ordered.map { entry in
            let command = entry.command
            return Completion(text: command.rawValue, summary: "\(command.group.rawValue) · \(command.summary)", applies: command.applies(in: state))
        }
    }

    /// 0 the exact name, 1 its start, 2 inside it, 3 in the summary; nil no match.
    private static func tier(_ command: Command, _ query: String) -> Int? {
        guard !query.isEmpty else { return 1 }
        let name = command.rawValue
        if name == query { return 0 }
        if name.hasPrefix(query) { return 1 }
        if name.contains(query) { return 2 }
        return command.summary.localizedCaseInsensitiveContains(query.replacingOccurrences(of: "-", with: " ")) ? 3 : nil
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
        switch command {
        case .theme: state.settings.themes
        case .profile: state.profiles.map(\.name)
        default: []
        }
    }

    /// Names starting with `text`, then those containing it, case-insensitively.
    private static func ranked(_ names: [String], by text: String) -> [String] {
        let lower = text.lowercased()
        let prefixed = names.filter { $0.lowercased().hasPrefix(lower) }
        return prefixed + names.filter { !$0.lowercased().hasPrefix(lower) && $0.lowercased().contains(lower) }
    }
}
