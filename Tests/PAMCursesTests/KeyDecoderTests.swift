import CNCurses
import PAMScreen
import Testing

@testable import PAMCurses

@Suite struct KeyDecoderTests {
    @Test(arguments: [
        (UInt32(0x61), KeyEvent.character("a")), (0x41, .character("A")), (0x20, .character(" ")), (0xE9, .character("é")),
        (0x65E5, .character("日")), (0x1F600, .character("😀")), (9, .tab), (10, .enter), (13, .enter), (27, .escape),
        (127, .backspace), (8, .backspace), (1, .control("a")), (3, .control("c")), (26, .control("z")), (0, .control("@")),
        (28, .control("\\")), (31, .control("_")),
    ])
    func characters(code: UInt32, expected: KeyEvent) {
        #expect(KeyDecoder.decode(status: OK, code: code) == expected)
    }

    @Test func controlBytesThatAreNamedKeysStayNamed() {
        // ctrl-h, ctrl-i, ctrl-j and ctrl-m are the same bytes as backspace, tab and enter.
        #expect(KeyDecoder.decode(status: OK, code: 8) == .backspace)
        #expect(KeyDecoder.decode(status: OK, code: 9) == .tab)
        #expect(KeyDecoder.decode(status: OK, code: 10) == .enter)
        #expect(KeyDecoder.decode(status: OK, code: 13) == .enter)
        #expect(KeyDecoder.decode(status: OK, code: 0x85) == nil)
    }

    @Test(arguments: [
        (KEY_UP, KeyEvent.up), (KEY_DOWN, .down), (KEY_LEFT, .left), (KEY_RIGHT, .right), (KEY_PPAGE, .pageUp),
        (KEY_NPAGE, .pageDown), (KEY_HOME, .home), (KEY_END, .end), (KEY_ENTER, .enter), (KEY_BTAB, .backTab),
        (KEY_BACKSPACE, .backspace), (KEY_DC, .delete), (KEY_IC, .insert), (KEY_F0 + 1, .function(1)),
        (KEY_F0 + 12, .function(12)), (KEY_F0 + 24, .function(24)),
    ])
    func functionKeys(key: Int32, expected: KeyEvent) {
        #expect(KeyDecoder.decode(status: KEY_CODE_YES, code: UInt32(key)) == expected)
    }

    @Test func unknownFunctionKeysAreDropped() {
        #expect(KeyDecoder.decode(status: KEY_CODE_YES, code: UInt32(KEY_F0 + 30)) == nil)
        #expect(KeyDecoder.decode(status: KEY_CODE_YES, code: UInt32(KEY_F0)) == nil)
        #expect(KeyDecoder.decode(status: KEY_CODE_YES, code: UInt32(KEY_SUSPEND)) == nil)
    }

    @Test func mouseButtons() {
        #expect(MouseDecoder.decode(x: 3, y: 4, state: cn_button_pressed(1)) == .mouse(x: 3, y: 4, button: .left))
        #expect(MouseDecoder.decode(x: 0, y: 0, state: cn_button_clicked(3)) == .mouse(x: 0, y: 0, button: .right))
        #expect(MouseDecoder.decode(x: 0, y: 0, state: cn_button_pressed(2)) == .mouse(x: 0, y: 0, button: .middle))
        #expect(MouseDecoder.decode(x: 1, y: 1, state: cn_button_pressed(4)) == .mouse(x: 1, y: 1, button: .wheelUp))
        #expect(MouseDecoder.decode(x: 1, y: 1, state: cn_button_pressed(5)) == .mouse(x: 1, y: 1, button: .wheelDown))
        #expect(MouseDecoder.decode(x: 1, y: 1, state: cn_button_released(1)) == nil)
        #expect(MouseDecoder.reportedMask & cn_button_pressed(5) != 0)
    }

    @Test func pollTimeoutsRoundUp() {
        #expect(CursesTerminal.milliseconds(nil) == -1)
        #expect(CursesTerminal.milliseconds(.zero) == 0)
        #expect(CursesTerminal.milliseconds(.milliseconds(-5)) == 0)
        #expect(CursesTerminal.milliseconds(.microseconds(1)) == 1)
        #expect(CursesTerminal.milliseconds(.milliseconds(1500)) == 1500)
        #expect(CursesTerminal.milliseconds(.seconds(1) + .nanoseconds(1)) == 1001)
    }
}
