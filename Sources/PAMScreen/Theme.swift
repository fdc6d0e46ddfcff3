/// How many colours the terminal can show.
public enum ColorDepth: String, Sendable, Equatable, CaseIterable {
    case trueColor, indexed256, ansi16, monochrome
}

/// A colour as a theme names it.
public enum ThemeColor: Sendable, Equatable, Hashable {
    /// The terminal's own foreground or background.
    case terminalDefault
    /// One of the 16 ANSI colours (0–15).
    case ansi(Int)
    /// One of the 256 indexed colours.
    case indexed(Int)
    case rgb(UInt8, UInt8, UInt8)
}

/// Colours and attributes of one role.
public struct ThemeStyle: Sendable, Equatable, Hashable {
    public var foreground: ThemeColor
    public var background: ThemeColor
    public var bold: Bool
    public var dim: Bool
    public var reverse: Bool
    public var underline: Bool

    public init(
        foreground: ThemeColor = .terminalDefault, background: ThemeColor = .terminalDefault,
        bold: Bool = false, dim: Bool = false, reverse: Bool = false, underline: Bool = false
    ) {
        self.foreground = foreground
        self.background = background
        self.bold = bold
        self.dim = dim
        self.reverse = reverse
        self.underline = underline
    }
}

/// Semantic roles mapped to styles, per colour depth.
public struct Theme: Sendable, Equatable {
    public var name: String
    /// Styles for truecolor terminals; missing roles fall back to `.normal`.
    public var styles: [StyleRole: ThemeStyle]
    /// Styles used when the terminal has only 256 or 16 colours, where the theme gives them.
    public var fallbacks: [ColorDepth: [StyleRole: ThemeStyle]]

    public init(name: String, styles: [StyleRole: ThemeStyle], fallbacks: [ColorDepth: [StyleRole: ThemeStyle]] = [:]) {
        self.name = name
        self.styles = styles
        self.fallbacks = fallbacks
    }

    /// The style of `role` at `depth`: the theme's own fallback for that depth, else the truecolor
    /// style converted to the nearest colour the terminal has.
    public func style(for role: StyleRole, depth: ColorDepth) -> ThemeStyle {
        if let given = fallbacks[depth]?[role] { return given }
        let base = styles[role] ?? styles[.normal] ?? ThemeStyle()
        return ColorConversion.convert(base, to: depth)
    }
}

/// Converts colours to what a terminal can show.
public enum ColorConversion {
    /// A style for `depth`; monochrome keeps only attributes (bold, reverse, underline).
    public static func convert(_ style: ThemeStyle, to depth: ColorDepth) -> ThemeStyle {
        var converted = style
        converted.foreground = convert(style.foreground, to: depth)
        converted.background = convert(style.background, to: depth)
        return converted
    }

    public static func convert(_ color: ThemeColor, to depth: ColorDepth) -> ThemeColor {
        switch (color, depth) {
        case (_, .monochrome), (.terminalDefault, _): .terminalDefault
        case (.rgb, .trueColor), (.indexed, .trueColor), (.indexed, .indexed256), (.ansi, _): color
        case (.rgb(let r, let g, let b), .indexed256): .indexed(indexed256(r, g, b))
        case (.rgb(let r, let g, let b), .ansi16): .ansi(ansi16(r, g, b))
        case (.indexed(let index), .ansi16): .ansi(ansi16(rgb(ofIndexed: index)))
        }
    }

    /// The nearest colour of the 6×6×6 cube or the grey ramp.
    static func indexed256(_ r: UInt8, _ g: UInt8, _ b: UInt8) -> Int {
        func level(_ value: UInt8) -> Int { value < 48 ? 0 : value < 115 ? 1 : (Int(value) - 35) / 40 }
        let cube = 16 + 36 * level(r) + 6 * level(g) + level(b)
        let grey = (Int(r) + Int(g) + Int(b)) / 3
        let greyIndex = grey > 238 ? 255 : grey < 8 ? 232 : 232 + (grey - 8) / 10
        return distance(rgb(ofIndexed: cube), (r, g, b)) <= distance(rgb(ofIndexed: greyIndex), (r, g, b)) ? cube : greyIndex
    }

    /// The nearest of the 16 ANSI colours (xterm's palette).
    static func ansi16(_ r: UInt8, _ g: UInt8, _ b: UInt8) -> Int {
        ansi16((r, g, b))
    }

    static func ansi16(_ color: (UInt8, UInt8, UInt8)) -> Int {
        (0..<16).min { distance(rgb(ofIndexed: $0), color) < distance(rgb(ofIndexed: $1), color) } ?? 7
    }

    /// The RGB of an indexed colour (xterm defaults).
    public static func rgb(ofIndexed index: Int) -> (UInt8, UInt8, UInt8) {
        let base: [(UInt8, UInt8, UInt8)] = [
            (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
            (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
        ]
        switch index {
        case ..<0: return base[0]
        case 0..<16: return base[index]
        case 16..<232:
            let cube = index - 16
            func level(_ step: Int) -> UInt8 { step == 0 ? 0 : UInt8(55 + step * 40) }
            return (level(cube / 36), level(cube / 6 % 6), level(cube % 6))
        default:
            let grey = UInt8(8 + (min(index, 255) - 232) * 10)
            return (grey, grey, grey)
        }
    }

    private static func distance(_ a: (UInt8, UInt8, UInt8), _ b: (UInt8, UInt8, UInt8)) -> Int {
        let dr = Int(a.0) - Int(b.0), dg = Int(a.1) - Int(b.1), db = Int(a.2) - Int(b.2)
        return dr * dr + dg * dg + db * db
    }
}
