import PAMScreen

/// Chooses the colour depth from the environment and what curses reports.
public enum ColorDepthDetection {
    /// `NO_COLOR` (non-empty) → monochrome; a direct-colour terminfo (`RGB` flag or 2^24 colours)
    /// → truecolor; 256 colours → 256; 8 or more → 16; otherwise monochrome.
    ///
    /// `COLORTERM=truecolor` alone is not enough: curses can only send RGB when the terminfo entry
    /// is a direct-colour one (`TERM=xterm-direct`, `tmux-direct`). With a direct entry colour
    /// numbers *are* RGB values, so truecolor is the only correct choice there.
    public static func detect(environment: [String: String], colors: Int, hasDirectColor: Bool) -> ColorDepth {
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return .monochrome }
        if hasDirectColor || colors >= 0x100_0000 { return .trueColor }
        if colors >= 256 { return .indexed256 }
        if colors >= 8 { return .ansi16 }
        return .monochrome
    }
}
