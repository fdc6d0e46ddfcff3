import CNCurses
import PAMScreen

/// Turns what `wget_wch` returned into a `KeyEvent`. Pure, so the table is tested without a terminal.
public enum KeyDecoder {
    /// `wget_wch` gave a character (`OK`).
    static let character = OK
    /// `wget_wch` gave a function key (`KEY_CODE_YES`).
    static let functionKey = KEY_CODE_YES

    /// The event for one `wget_wch` result; nil for codes pamtui has no use for. Resize and mouse
    /// need the terminal and are decoded by `CursesTerminal`.
    public static func decode(status: Int32, code: UInt32) -> KeyEvent? {
        status == functionKey ? decodeKey(Int32(bitPattern: code)) : decodeCharacter(code)
    }

    /// A character code: control bytes become named keys or `.control`, the rest `.character`.
    static func decodeCharacter(_ code: UInt32) -> KeyEvent? {
        switch code {
        case 9: return .tab
        case 10, 13: return .enter
        case 27: return .escape
        case 8, 127: return .backspace
        case 0: return .control("@")
        case 1...26: return UnicodeScalar(UInt32(96) + code).map { .control(Character($0)) }
        case 28: return .control("\\")
        case 29: return .control("]")
        case 30: return .control("^")
        case 31: return .control("_")
        case 128..<160: return nil
        default: return UnicodeScalar(code).map { .character(Character($0)) }
        }
    }

    /// A curses key code (`KEY_*`).
    static func decodeKey(_ key: Int32) -> KeyEvent? {
        switch key {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_HOME, KEY_A1: return .home
        case KEY_END, KEY_C1: return .end
        case KEY_ENTER: return .enter
        case KEY_BTAB: return .backTab
        case KEY_BACKSPACE: return .backspace
        case KEY_DC: return .delete
        case KEY_IC: return .insert
        case KEY_A3: return .pageUp
        case KEY_C3: return .pageDown
        case functionKeyRange: return .function(Int(key - KEY_F0))
        default: return nil
        }
    }

    /// Characters that, right after Esc in one read, make an Alt key (readline's word motions);
    /// only these, so Esc then `q` typed fast stays Esc then `q`.
    public static let altKeys: Set<Character> = ["b", "f", "d"]

    /// F1–F24 (beyond 12, terminals send shifted F-keys as F13–F24).
    static let functionKeyRange = (KEY_F0 + 1)...(KEY_F0 + 24)
}
