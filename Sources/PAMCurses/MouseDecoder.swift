import CNCurses
import PAMScreen

/// Turns a curses mouse event's button state into a `KeyEvent`. Pure apart from reading the masks.
enum MouseDecoder {
    /// What pamtui asks curses to report when the mouse is on: presses of buttons 1–3 and the wheel.
    static var reportedMask: mmask_t {
        (1...5).reduce(mmask_t(0)) { $0 | cn_button_pressed(Int32($1)) }
            | (1...3).reduce(mmask_t(0)) { $0 | cn_button_clicked(Int32($1)) }
    }

    /// The event for a press at `x`, `y`; nil for releases and motion.
    static func decode(x: Int, y: Int, state: mmask_t) -> KeyEvent? {
        let buttons: [(Int32, KeyEvent.MouseButton)] = [(1, .left), (2, .middle), (3, .right), (4, .wheelUp), (5, .wheelDown)]
        for (number, button) in buttons where state & (cn_button_pressed(number) | cn_button_clicked(number)) != 0 {
            return .mouse(x: x, y: y, button: button)
        }
        return nil
    }
}
