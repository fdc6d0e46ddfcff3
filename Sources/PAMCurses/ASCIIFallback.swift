/// ASCII stand-ins for what a non-UTF-8 terminal cannot show, one column each.
public enum ASCIIFallback {
    /// The ASCII text for a cell's `text`: ASCII stays, known symbols get a look-alike, anything
    /// else becomes `?`. The right half of a wide character (`""`) becomes `?` too, so a wide
    /// character keeps its two columns.
    public static func map(_ text: String) -> String {
        guard let scalar = text.unicodeScalars.first else { return "?" }
        if scalar.isASCII { return scalar.value < 32 || scalar.value == 127 ? "?" : String(scalar) }
        return replacements[scalar] ?? "?"
    }

    private static let replacements: [Unicode.Scalar: String] = {
        var table: [Unicode.Scalar: String] = [:]
        func add(_ characters: String, _ replacement: String) {
            for scalar in characters.unicodeScalars { table[scalar] = replacement }
        }
        add("─━═╌╍┄┅┈┉╴╶╸╺╼╾", "-")
        add("│┃║╎╏┆┇┊┋╵╷╹╻╽╿", "|")
        add("┌┐└┘├┤┬┴┼┏┓┗┛┣┫┳┻╋╔╗╚╝╠╣╦╩╬╒╓╕╖╘╙╛╜╞╟╡╢╤╥╧╨╪╫╭╮╯╰┍┎┑┒┕┖┙┚┝┞┟┠┡┢┥┦┧┨┩┪┭┮┯┰┱┲┵┶┷┸┹┺┽┾┿╀╁╂╃╄╅╆╇╈╉╊", "+")
        add("…", "~")
        add("•·●◦○∙", "*")
        add("█▓▇▆▅▉▊▋■", "#")
        add("░▒▁▂▃▄▌▍▎▏▐", ".")
        add("—–−", "-")
        add("×", "x")
        add("→▶►▸❯›»", ">")
        add("←◀◄◂❮‹«", "<")
        add("↑▲▴", "^")
        add("↓▼▾", "v")
        add("✓✔", "v")
        add("✗✘", "x")
        add("\u{00A0}", " ")
        return table
    }()
}
