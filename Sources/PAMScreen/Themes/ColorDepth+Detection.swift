extension ColorDepth {
    /// The depth to draw with: monochrome when `NO_COLOR` is set (and not empty) or the terminal
    /// has fewer than 8 colours; truecolor when `COLORTERM` says so; else by the colour count
    /// curses reports (`COLORS`).
    public static func detect(colors: Int, environment: [String: String]) -> ColorDepth {
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return .monochrome }
        if colors < 8 { return .monochrome }
        let colorTerm = environment["COLORTERM"]?.lowercased() ?? ""
        if colorTerm == "truecolor" || colorTerm == "24bit" { return .trueColor }
        return colors >= 256 ? .indexed256 : .ansi16
    }
}
