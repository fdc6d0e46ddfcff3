/// The characters widgets draw with: box drawing and blocks in UTF-8 terminals, plain ASCII when
/// the locale is not UTF-8 (htop's fallback).
public struct Glyphs: Sendable, Equatable {
    public var topLeft: Character
    public var topRight: Character
    public var bottomLeft: Character
    public var bottomRight: Character
    public var horizontal: Character
    public var vertical: Character
    /// Where a separator line meets the left and right borders.
    public var teeLeft: Character
    public var teeRight: Character
    /// Tree markers for open and closed folders.
    public var expanded: Character
    public var collapsed: Character
    /// Progress bar cells, full and empty.
    public var barFilled: Character
    public var barEmpty: Character
    /// Eighths of a cell, from one eighth to seven; empty when the set has none.
    public var barPartials: [Character]
    /// One character of a masked secret.
    public var mask: Character
    /// Ends text cut to fit.
    public var ellipsis: String
    /// After the title of the column a table is sorted by.
    public var sortAscending: Character
    public var sortDescending: Character

    public init(
        topLeft: Character, topRight: Character, bottomLeft: Character, bottomRight: Character,
        horizontal: Character, vertical: Character, teeLeft: Character, teeRight: Character,
        expanded: Character, collapsed: Character, barFilled: Character, barEmpty: Character,
        barPartials: [Character], mask: Character, ellipsis: String = "…", sortAscending: Character = "▲",
        sortDescending: Character = "▼"
    ) {
        self.topLeft = topLeft
        self.topRight = topRight
        self.bottomLeft = bottomLeft
        self.bottomRight = bottomRight
        self.horizontal = horizontal
        self.vertical = vertical
        self.teeLeft = teeLeft
        self.teeRight = teeRight
        self.expanded = expanded
        self.collapsed = collapsed
        self.barFilled = barFilled
        self.barEmpty = barEmpty
        self.barPartials = barPartials
        self.mask = mask
        self.ellipsis = ellipsis
        self.sortAscending = sortAscending
        self.sortDescending = sortDescending
    }

    /// Box drawing, triangles, blocks and bullets.
    public static let unicode = Glyphs(
        topLeft: "┌", topRight: "┐", bottomLeft: "└", bottomRight: "┘", horizontal: "─", vertical: "│",
        teeLeft: "├", teeRight: "┤", expanded: "▾", collapsed: "▸", barFilled: "█", barEmpty: "░",
        barPartials: ["▏", "▎", "▍", "▌", "▋", "▊", "▉"], mask: "•"
    )

    /// Seven-bit ASCII only.
    public static let ascii = Glyphs(
        topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+", horizontal: "-", vertical: "|",
        teeLeft: "+", teeRight: "+", expanded: "v", collapsed: ">", barFilled: "#", barEmpty: ".",
        barPartials: [], mask: "*", ellipsis: "~", sortAscending: "^", sortDescending: "v"
    )
}
