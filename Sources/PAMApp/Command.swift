/// Everything the user can ask for by name: bound to keys, listed in the `?` help overlay and
/// runnable from the `:` palette.
public enum Command: String, Sendable, Equatable, Hashable, CaseIterable {
    case focusNext = "focus-next", focusPrevious = "focus-previous"
    case focusProfiles = "focus-profiles", focusSystems = "focus-systems", focusAccounts = "focus-accounts"
    case focusFolders = "focus-folders", focusTasks = "focus-tasks", focusLeases = "focus-leases"
    case up, down, pageUp = "page-up", pageDown = "page-down", top, bottom
    case open, back
    case filter
    case checkout, checkin, reveal, copy, copyUsername = "copy-username", copyField = "copy-field", refresh
    case sort, sortReverse = "sort-reverse"
    case help, palette, messages, auditLog = "audit-log", mouse, clipboardDoctor = "clipboard-doctor"
    case profile, theme, search
    case quit

    /// One line for the help overlay.
    public var summary: String {
        switch self {
        case .focusNext: "Focus the next pane"
        case .focusPrevious: "Focus the previous pane"
        case .focusProfiles: "Jump to profiles"
        case .focusSystems: "Jump to systems"
        case .focusAccounts: "Jump to accounts"
        case .focusFolders: "Jump to folders"
        case .focusTasks: "Jump to tasks"
        case .focusLeases: "Jump to leases"
        case .up: "Move up"
        case .down: "Move down"
        case .pageUp: "Page up"
        case .pageDown: "Page down"
        case .top: "Go to the first row"
        case .bottom: "Go to the last row"
        case .open: "Open: show the selection's contents, or check out an account"
        case .back: "Back: close a dialog, clear the filter"
        case .filter: "Filter the pane: words in any column, 'exact ^prefix !not"
        case .checkout: "Check out the selected account"
        case .checkin: "Check in the selected lease"
        case .reveal: "Reveal the secret for a few seconds"
        case .copy: "Copy the password (or the secret); the clipboard clears itself"
        case .copyUsername: "Copy the username"
        case .copyField: "Copy any field: pick it from a list"
        case .refresh: "Reload the focused pane from the server"
        case .sort: "Sort the pane by its next column"
        case .sortReverse: "Reverse the pane's sort"
        case .messages: "Messages: every error, warning and notice, in full"
        case .help: "Help: keys and commands"
        case .palette: "Command palette"
        case .auditLog: "Audit log of API calls and actions"
        case .mouse: "Toggle mouse support"
        case .clipboardDoctor: "Explain the clipboard in use"
        case .profile: "Switch profile: :profile NAME"
        case .theme: "Switch theme: :theme NAME"
        case .search: "Search the server's secrets in every folder: :search TEXT"
        case .quit: "Quit (asks about open leases)"
        }
    }

    /// How the palette groups commands, in the order it lists the groups.
    public enum Group: String, Sendable, CaseIterable {
        case leases = "Leases", secrets = "Secrets", view = "View", goTo = "Go to", settings = "Settings", app = "App"
    }

    public var group: Group {
        switch self {
        case .checkout, .checkin: .leases
        case .reveal, .copy, .copyUsername, .copyField: .secrets
        case .filter, .sort, .sortReverse, .refresh, .open, .back, .search: .view
        case .focusProfiles, .focusSystems, .focusAccounts, .focusFolders, .focusTasks, .focusLeases: .goTo
        case .focusNext, .focusPrevious, .up, .down, .pageUp, .pageDown, .top, .bottom: .goTo
        case .mouse, .theme, .profile, .clipboardDoctor: .settings
        case .help, .palette, .messages, .auditLog, .quit: .app
        }
    }

    /// Movement keys are no commands to run by name: the palette leaves them out.
    public var inPalette: Bool {
        switch self {
        case .focusNext, .focusPrevious, .up, .down, .pageUp, .pageDown, .top, .bottom, .open, .back, .palette: false
        default: true
        }
    }

    /// Commands the palette completes an argument for (`:theme nord`).
    public var takesArgument: Bool { self == .profile || self == .theme || self == .search }

    /// Commands that change vendor state or expose a secret: refused in read-only mode.
    public var isPrivileged: Bool {
        switch self {
        case .checkout, .checkin, .copy, .copyUsername, .copyField: true
        default: false
        }
    }
}
