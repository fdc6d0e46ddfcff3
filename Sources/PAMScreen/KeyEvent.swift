/// A key press or terminal event, independent of curses.
public enum KeyEvent: Sendable, Equatable, Hashable {
    case character(Character)
    /// Control plus a letter, e.g. `.control("c")`.
    case control(Character)
    /// Alt (Meta) plus a character, sent by terminals as Esc then the character: `.alt("b")`.
    case alt(Character)
    case up, down, left, right, pageUp, pageDown, home, end
    case enter, escape, tab, backTab, backspace, delete, insert
    case function(Int)
    case resize(Size)
    case mouse(x: Int, y: Int, button: MouseButton)

    public enum MouseButton: Sendable, Equatable, Hashable { case left, right, middle, wheelUp, wheelDown }

    /// The name used in keymaps and the help overlay: `j`, `ctrl-c`, `enter`, `shift-tab`, `f1`.
    public var name: String {
        switch self {
        case .character(" "): "space"
        case .character(let character): String(character)
        case .control(let character): "ctrl-\(character)"
        case .alt(let character): "alt-\(character)"
        case .up: "up"
        case .down: "down"
        case .left: "left"
        case .right: "right"
        case .pageUp: "pgup"
        case .pageDown: "pgdn"
        case .home: "home"
        case .end: "end"
        case .enter: "enter"
        case .escape: "esc"
        case .tab: "tab"
        case .backTab: "shift-tab"
        case .backspace: "backspace"
        case .delete: "delete"
        case .insert: "insert"
        case .function(let number): "f\(number)"
        case .resize: "resize"
        case .mouse: "mouse"
        }
    }

    /// Parses a keymap name (the inverse of `name`); nil for an unknown name.
    public init?(name: String) {
        let lower = name.lowercased()
        let named: [String: KeyEvent] = [
            "space": .character(" "), "up": .up, "down": .down, "left": .left, "right": .right, "pgup": .pageUp,
            "pgdn": .pageDown, "home": .home, "end": .end, "enter": .enter, "esc": .escape, "tab": .tab,
            "shift-tab": .backTab, "backspace": .backspace, "delete": .delete, "insert": .insert,
        ]
        if let key = named[lower] {
            self = key
        } else if lower.hasPrefix("ctrl-"), lower.count == 6, let character = lower.last {
            self = .control(character)
        } else if lower.hasPrefix("alt-"), name.count == 5, let character = name.last {
            self = .alt(character)
        } else if lower.hasPrefix("f"), let number = Int(lower.dropFirst()), (1...24).contains(number) {
            self = .function(number)
        } else if name.count == 1, let character = name.first {
            self = .character(character)
        } else {
            return nil
        }
    }
}
