/// What a cell means, not how it looks: themes map roles to colours and attributes.
public enum StyleRole: String, Sendable, Equatable, Hashable, CaseIterable {
    case normal, muted, title, header, border, borderFocused
    case selection, selectionUnfocused, match, cursor
    case secret, masked, ok, warn, danger, leaseExpiring, leaseCritical
    case status, statusKey, flash, flashError
    case dialog, dialogBorder, input, button, buttonFocused, badge, warningBanner

    /// One letter per role for text snapshots of the style layer.
    public var letter: Character {
        switch self {
        case .normal: "."
        case .muted: "m"
        case .title: "T"
        case .header: "H"
        case .border: "b"
        case .borderFocused: "B"
        case .selection: "S"
        case .selectionUnfocused: "s"
        case .match: "M"
        case .cursor: "C"
        case .secret: "X"
        case .masked: "x"
        case .ok: "o"
        case .warn: "w"
        case .danger: "d"
        case .leaseExpiring: "e"
        case .leaseCritical: "E"
        case .status: "t"
        case .statusKey: "k"
        case .flash: "f"
        case .flashError: "F"
        case .dialog: "g"
        case .dialogBorder: "G"
        case .input: "i"
        case .button: "u"
        case .buttonFocused: "U"
        case .badge: "a"
        case .warningBanner: "W"
        }
    }
}
