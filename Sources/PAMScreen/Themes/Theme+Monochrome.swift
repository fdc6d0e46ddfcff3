extension Theme {
    /// Attributes only, for `NO_COLOR` and terminals without colour: selection is reverse,
    /// danger bold and underlined, muted text dim. Equal to `themes/monochrome.toml`.
    public static let monochrome = Theme(name: "monochrome", styles: monochromeStyles).withMonochromeFallback()

    /// The monochrome attributes per role; every colour theme uses them on monochrome terminals
    /// unless it gives its own `[fallback.mono]`.
    public static let monochromeStyles: [StyleRole: ThemeStyle] = [
        .normal: ThemeStyle(),
        .muted: ThemeStyle(dim: true),
        .title: ThemeStyle(bold: true),
        .header: ThemeStyle(bold: true, underline: true),
        .border: ThemeStyle(),
        .borderFocused: ThemeStyle(bold: true),
        .selection: ThemeStyle(bold: true, reverse: true),
        .selectionUnfocused: ThemeStyle(underline: true),
        .match: ThemeStyle(bold: true, underline: true),
        .cursor: ThemeStyle(reverse: true),
        .secret: ThemeStyle(bold: true),
        .masked: ThemeStyle(dim: true),
        .ok: ThemeStyle(),
        .warn: ThemeStyle(bold: true),
        .danger: ThemeStyle(bold: true, underline: true),
        .leaseExpiring: ThemeStyle(bold: true),
        .leaseCritical: ThemeStyle(bold: true, underline: true),
        .status: ThemeStyle(reverse: true),
        .statusKey: ThemeStyle(bold: true, reverse: true),
        .flash: ThemeStyle(reverse: true),
        .flashError: ThemeStyle(bold: true, reverse: true, underline: true),
        .dialog: ThemeStyle(),
        .dialogBorder: ThemeStyle(bold: true),
        .input: ThemeStyle(underline: true),
        .button: ThemeStyle(),
        .buttonFocused: ThemeStyle(bold: true, reverse: true),
        .badge: ThemeStyle(bold: true),
        .warningBanner: ThemeStyle(bold: true, reverse: true),
    ]

    /// This theme with `monochromeStyles` as its monochrome fallback, unless it has one.
    public func withMonochromeFallback() -> Theme {
        guard fallbacks[.monochrome] == nil else { return self }
        var copy = self
        copy.fallbacks[.monochrome] = Theme.monochromeStyles
        return copy
    }
}
