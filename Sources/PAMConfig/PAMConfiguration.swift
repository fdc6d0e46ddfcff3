import PAMCore

/// The whole config: global defaults and the profiles in file order.
public struct PAMConfiguration: Sendable {
    /// The file it was read from.
    public var path: String
    public var defaults: GlobalDefaults
    public var profiles: [Profile]
    /// `[keys]`: command name → key names, for the terminal UI to apply (an empty list unbinds).
    public var keyBindings: [String: [String]] = [:]
    /// Problems that do not stop pamtui (printed on every run).
    public var warnings: [ConfigIssue]

    public init(path: String, defaults: GlobalDefaults = GlobalDefaults(), profiles: [Profile] = [], warnings: [ConfigIssue] = []) {
        self.path = path
        self.defaults = defaults
        self.profiles = profiles
        self.warnings = warnings
    }

    /// The named profile; without a name, the only profile. Errors list what there is.
    public func profile(named name: String?) throws -> Profile {
        if let name {
            guard let profile = profiles.first(where: { $0.name == name }) else {
                throw PAMError(.usage, "no profile '\(name)' in \(path) (profiles: \(profileNames))")
            }
            return profile
        }
        guard profiles.count == 1, let only = profiles.first else {
            throw PAMError(
                .usage,
                profiles.isEmpty ? "\(path) defines no profiles" : "several profiles (\(profileNames)): choose one with --profile or PROFILE:"
            )
        }
        return only
    }

    private var profileNames: String { profiles.map(\.name).joined(separator: ", ") }
}

/// Settings that apply to every profile unless it sets its own.
public struct GlobalDefaults: Sendable, Equatable {
    public var durationMinutes: Int?
    public var reason: String?
    /// Vendor check-out options by key (`conflict = "renew"`), for profiles whose vendor has them.
    public var checkoutOptions: [String: String] = [:]
    /// How long a revealed secret stays visible.
    public var revealSeconds = 15
    /// How long a copied secret stays in the clipboard.
    public var clipboardClearSeconds = 30
    /// Clipboard backend: auto, wayland, x11, tmux or osc52.
    public var clipboard = "auto"
    public var theme: String?
    /// Ring the terminal bell when a lease enters its last 5 minutes and its last minute.
    public var bell = false

    public init() {}
}
