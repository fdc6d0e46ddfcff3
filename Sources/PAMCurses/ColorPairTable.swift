import PAMScreen

/// A curses colour pair: foreground and background colour numbers, -1 for the terminal default.
public struct PairSpec: Sendable, Hashable {
    public var foreground: Int32
    public var background: Int32

    public init(foreground: Int32, background: Int32) {
        self.foreground = foreground
        self.background = background
    }
}

/// How one role is drawn: a pair number and text attributes.
public struct CellStyle: Sendable, Hashable {
    public var pair: Int32
    public var bold: Bool
    public var dim: Bool
    public var reverse: Bool
    public var underline: Bool

    public init(pair: Int32, bold: Bool = false, dim: Bool = false, reverse: Bool = false, underline: Bool = false) {
        self.pair = pair
        self.bold = bold
        self.dim = dim
        self.reverse = reverse
        self.underline = underline
    }
}

/// Allocates colour pairs on demand and caches each role's style. Pure: the caller initialises
/// the pairs it is told about, so allocation is tested without a terminal.
public struct ColorPairTable: Sendable {
    public let depth: ColorDepth
    /// `COLOR_PAIRS`; pair 0 is fixed, so at most `maxPairs - 1` are allocated.
    public let maxPairs: Int
    /// Whether `use_default_colors` worked, so -1 may be used in pairs.
    public let defaultColors: Bool
    /// `COLORS`; with fewer than 16, bright ANSI colours fall back to their normal ones.
    public let colors: Int
    public private(set) var pairs: [PairSpec: Int32] = [:]
    private var roles: [StyleRole: CellStyle] = [:]

    public init(depth: ColorDepth, maxPairs: Int, defaultColors: Bool = true, colors: Int = 256) {
        self.depth = depth
        self.colors = colors
        self.maxPairs = maxPairs
        self.defaultColors = defaultColors
    }

    /// The style of `role`, and the pair to initialise when this call allocated one.
    public mutating func style(for role: StyleRole, theme: Theme) -> (style: CellStyle, newPair: (number: Int32, spec: PairSpec)?) {
        if let cached = roles[role] { return (cached, nil) }
        let themeStyle = theme.style(for: role, depth: depth)
        let spec = pairSpec(for: themeStyle)
        var newPair: (Int32, PairSpec)?
        let number: Int32
        if isPairZero(spec) {
            number = 0
        } else if let existing = pairs[spec] {
            number = existing
        } else if pairs.count + 1 < maxPairs {
            number = Int32(pairs.count + 1)
            pairs[spec] = number
            newPair = (number, spec)
        } else {
            // Out of pairs: keep the attributes and lose the colour rather than fail.
            number = 0
        }
        let style = CellStyle(
            pair: number, bold: themeStyle.bold, dim: themeStyle.dim, reverse: themeStyle.reverse, underline: themeStyle.underline
        )
        roles[role] = style
        return (style, newPair)
    }

    /// Forgets role styles (a new theme); allocated pairs stay valid, since they are keyed by colour.
    public mutating func forgetRoles() { roles = [:] }

    /// The pair a theme style needs at this depth.
    public func pairSpec(for style: ThemeStyle) -> PairSpec {
        PairSpec(
            foreground: colorNumber(style.foreground, isForeground: true),
            background: colorNumber(style.background, isForeground: false)
        )
    }

    /// The curses colour number of `color`: -1 for the default, an index, or packed RGB for a
    /// direct-colour terminal (where numbers below 8 still mean the ANSI colours).
    public func colorNumber(_ color: ThemeColor, isForeground: Bool) -> Int32 {
        let converted = ColorConversion.convert(color, to: depth)
        let number: Int32
        switch converted {
        case .terminalDefault:
            return defaultColors ? -1 : (isForeground ? 7 : 0)
        case .ansi(let index):
            let clamped = min(max(index, 0), depth == .ansi16 ? 15 : 255)
            number = Int32(colors < 16 && depth == .ansi16 ? clamped % 8 : clamped)
        case .indexed(let index):
            number = Int32(clamping: min(max(index, 0), 255))
        case .rgb(let r, let g, let b):
            return Self.packed(r, g, b)
        }
        guard depth == .trueColor, number >= 8 else { return number }
        let (r, g, b) = ColorConversion.rgb(ofIndexed: Int(number))
        return Self.packed(r, g, b)
    }

    /// RGB packed as a direct-colour number; values below 8 would mean ANSI colours, so they are
    /// nudged to the nearest distinct blue.
    static func packed(_ r: UInt8, _ g: UInt8, _ b: UInt8) -> Int32 {
        let value = Int32(r) << 16 | Int32(g) << 8 | Int32(b)
        return value < 8 ? 8 : value
    }

    private func isPairZero(_ spec: PairSpec) -> Bool {
        defaultColors ? spec == PairSpec(foreground: -1, background: -1) : spec == PairSpec(foreground: 7, background: 0)
    }
}
