import ArgumentParser

/// Options of the terminal UI.
struct TUIOptions: ParsableArguments {
    @Flag(name: .long, help: "Browse only: check-out, check-in and copy are disabled.")
    var readonly = false

    @Option(name: .long, help: ArgumentHelp("Theme name (see themes/ and ~/.config/pamtui/themes).", valueName: "name"))
    var theme: String?
}
