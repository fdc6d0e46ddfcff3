import PAMScreen

/// Where keys are read: each context has its own table.
public enum KeyContext: String, Sendable, Equatable, Hashable, CaseIterable {
    /// Browsing panes.
    case panes
    /// Typing a filter.
    case filter
    /// A dialog, the help overlay or the palette is open (they handle text input themselves).
    case dialog
}

/// One row of a keymap table.
public struct Binding: Sendable, Equatable {
    public var keys: [KeyEvent]
    public var command: Command
    /// Shown in the status line's key hints.
    public var hint: Bool

    public init(_ keys: [KeyEvent], _ command: Command, hint: Bool = false) {
        self.keys = keys
        self.command = command
        self.hint = hint
    }
}

/// Keys to commands, one table per context. Defaults are data; the user's `[keys]` config can
/// rebind any command to several keys, or unbind it with an empty list.
public struct Keymap: Sendable, Equatable {
    public private(set) var tables: [KeyContext: [Binding]]

    public init(tables: [KeyContext: [Binding]]) { self.tables = tables }

    /// The command bound to `key` in `context`.
    public func command(for key: KeyEvent, in context: KeyContext) -> Command? {
        tables[context]?.first { $0.keys.contains(key) }?.command
    }

    /// The keys of `command` in `context`, for help and hints.
    public func keys(for command: Command, in context: KeyContext) -> [KeyEvent] {
        tables[context]?.first { $0.command == command }?.keys ?? []
    }

    /// Replaces the keys of commands in the panes context (user config). Returns one message per
    /// problem: unknown commands or key names, and keys now bound to two commands.
    public mutating func rebind(_ overrides: [String: [String]]) -> [String] {
        var problems: [String] = []
        var table = tables[.panes] ?? []
        for (name, keyNames) in overrides.sorted(by: { $0.key < $1.key }) {
            guard let command = Command(rawValue: name) else {
                problems.append("keys: unknown command '\(name)'")
                continue
            }
            var keys: [KeyEvent] = []
            for keyName in keyNames {
                if let key = KeyEvent(name: keyName) { keys.append(key) } else { problems.append("keys.\(name): unknown key '\(keyName)'") }
            }
            if let index = table.firstIndex(where: { $0.command == command }) {
                table[index].keys = keys
            } else {
                table.append(Binding(keys, command))
            }
        }
        tables[.panes] = table
        return problems + conflicts(in: .panes)
    }

    /// Keys bound to more than one command in a context.
    public func conflicts(in context: KeyContext) -> [String] {
        var owners: [KeyEvent: [Command]] = [:]
        for binding in tables[context] ?? [] {
            for key in binding.keys { owners[key, default: []].append(binding.command) }
        }
        return owners.filter { $0.value.count > 1 }
            .map { "keys: '\($0.key.name)' is bound to \($0.value.map(\.rawValue).joined(separator: " and "))" }
            .sorted()
    }
}

extension Keymap {
    /// The defaults: vim keys and arrows, digits jump to panes.
    public static let standard = Keymap(tables: [
        .panes: [
            Binding([.tab], .focusNext), Binding([.backTab], .focusPrevious),
            Binding([.character("1")], .focusProfiles), Binding([.character("2")], .focusSystems),
            Binding([.character("3")], .focusAccounts), Binding([.character("4")], .focusFolders),
            Binding([.character("5")], .focusTasks), Binding([.character("6")], .focusLeases),
            Binding([.character("k"), .up], .up), Binding([.character("j"), .down], .down),
            Binding([.pageUp, .control("b")], .pageUp), Binding([.pageDown, .control("f")], .pageDown),
            Binding([.home, .character("g")], .top), Binding([.end, .character("G")], .bottom),
            Binding([.enter, .character("l"), .right], .open, hint: true), Binding([.escape, .character("h"), .left], .back),
            Binding([.character("/")], .filter, hint: true),
            Binding([.character("c")], .checkout, hint: true), Binding([.character("i")], .checkin, hint: true),
            Binding([.character("r")], .reveal, hint: true), Binding([.character("y")], .copy, hint: true),
            Binding([.character("u")], .copyUsername, hint: true), Binding([.character("Y")], .copyField, hint: true),
            Binding([.character("R"), .control("r")], .refresh), Binding([.character("?")], .help, hint: true),
            Binding([.character("o")], .sort, hint: true), Binding([.character("O")], .sortReverse),
            Binding([.character(":")], .palette), Binding([.character("M")], .messages), Binding([.character("L")], .auditLog),
            Binding([.character("q"), .control("c")], .quit, hint: true),
        ],
        .filter: [Binding([.escape], .back), Binding([.enter], .open)],
        .dialog: [Binding([.escape], .back), Binding([.enter], .open), Binding([.tab], .focusNext), Binding([.backTab], .focusPrevious)],
    ])
}
