import PAMScreen

/// The `?` overlay and `:` palette, generated from the keymap and the command list.
public enum HelpIndex {
    public struct Entry: Sendable, Equatable {
        public var command: Command
        public var keys: String
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

    /// Palette completions: commands whose name starts with `text`, then those containing it.
    public static func completions(_ text: String) -> [Command] {
        let lower = text.lowercased().replacingOccurrences(of: " ", with: "-")
        let prefixed = Command.allCases.filter { $0.rawValue.hasPrefix(lower) }
        let containing = Command.allCases.filter { !$0.rawValue.hasPrefix(lower) && $0.rawValue.contains(lower) }
        return prefixed + containing
    }
}
