import ArgumentParser
import PAMConfig

/// Options of the terminal UI; each overrides the config's `[defaults]`.
struct TUIOptions: ParsableArguments {
    @Flag(name: .long, help: "Browse only: check-out, check-in and copy are disabled.")
    var readonly = false

    @Option(name: .long, help: ArgumentHelp("Theme name (see themes/ and ~/.config/pamtui/themes).", valueName: "name"))
    var theme: String?

    @Option(name: .long, help: ArgumentHelp("Clipboard backend: auto, wayland, x11, tmux or osc52.", valueName: "backend"))
    var clipboard: String?

    @Option(name: .long, help: ArgumentHelp("Seconds before a copied secret is cleared from the clipboard.", valueName: "seconds"))
    var clipboardClearSeconds: Int?

    @Option(name: .long, help: ArgumentHelp("Seconds a revealed secret stays visible.", valueName: "seconds"))
    var revealSeconds: Int?

    @Flag(name: .long, inversion: .prefixedNo, help: "Ring the bell when a lease has 5 minutes, then 1 minute, left.")
    var bell: Bool?

    func validate() throws {
        if let clipboard, !["auto", "wayland", "x11", "tmux", "osc52"].contains(clipboard) {
            throw ValidationError("--clipboard must be auto, wayland, x11, tmux or osc52, not '\(clipboard)'")
        }
        if let clipboardClearSeconds, !(1...86_400).contains(clipboardClearSeconds) {
            throw ValidationError("--clipboard-clear-seconds must be between 1 and 86400")
        }
        if let revealSeconds, !(1...3600).contains(revealSeconds) {
            throw ValidationError("--reveal-seconds must be between 1 and 3600")
        }
    }

    /// The config's defaults with these options laid over them.
    func applied(to defaults: GlobalDefaults) -> GlobalDefaults {
        var merged = defaults
        merged.theme = theme ?? defaults.theme
        merged.clipboard = clipboard ?? defaults.clipboard
        merged.clipboardClearSeconds = clipboardClearSeconds ?? defaults.clipboardClearSeconds
        merged.revealSeconds = revealSeconds ?? defaults.revealSeconds
        merged.bell = bell ?? defaults.bell
        return merged
    }
}
