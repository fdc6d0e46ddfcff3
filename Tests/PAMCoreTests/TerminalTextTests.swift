import PAMCore
import Testing

@Suite struct TerminalTextTests {
    @Test func plainTextComesBackUnchanged() {
        for text in ["", "DC01/admin", "café £5 © “quoted” — … → 日本語 🔑", "e\u{301}", "\u{00A0}nbsp", "\u{2028}"] {
            #expect(TerminalText.sanitized(text) == text)
            #expect(!TerminalText.containsControl(text))
        }
    }

    @Test func everyControlBecomesAVisibleEscape() {
        #expect(TerminalText.sanitized("\u{1B}[31mred\u{1B}[0m") == #"\e[31mred\e[0m"#)
        #expect(TerminalText.sanitized("a\nb\rc\td") == #"a\nb\rc\td"#)
        #expect(TerminalText.sanitized("\u{00}\u{07}\u{08}\u{1F}\u{7F}") == #"\x00\x07\x08\x1f\x7f"#)
        #expect(TerminalText.sanitized("\u{80}\u{85}\u{9B}\u{9F}") == #"\u0080\u0085\u009B\u009F"#)
        #expect(TerminalText.sanitized("abc\u{202E}fed\u{202C}") == #"abc\u202Efed\u202C"#)
        #expect(TerminalText.sanitized("\u{202A}\u{202B}\u{202D}\u{2066}\u{2067}\u{2068}\u{2069}")
            == #"\u202A\u202B\u202D\u2066\u2067\u2068\u2069"#)
        // Neighbours of the ranges are left alone.
        #expect(TerminalText.sanitized("\u{A0}\u{2029}\u{202F}\u{2065}\u{206A}") == "\u{A0}\u{2029}\u{202F}\u{2065}\u{206A}")
    }

    @Test func everyScalarOfTheSetIsEscapedAndNothingElseIs() {
        let controls = Array(0x00...0x1F) + Array(0x7F...0x9F) + Array(0x202A...0x202E) + Array(0x2066...0x2069)
        for value in controls {
            let scalar = Unicode.Scalar(UInt32(value))!
            let text = "x" + String(scalar) + "y"
            let escaped = TerminalText.sanitized(text)
            #expect(escaped.hasPrefix("x\\") && escaped.hasSuffix("y"), "U+\(String(value, radix: 16))")
            #expect(!escaped.unicodeScalars.contains(where: TerminalText.isControl))
            #expect(TerminalText.containsControl(text))
        }
        for value in [0x20, 0x7E, 0xA0, 0xFF, 0x2000, 0x2029, 0x202F, 0x2065, 0x206A, 0xFEFF, 0x1F511] {
            #expect(!TerminalText.isControl(Unicode.Scalar(UInt32(value))!))
        }
    }

    @Test func lineBreaksCanBeKeptForComposedMessages() {
        #expect(TerminalText.sanitized("one\ntwo\u{1B}\r\n", keepingLineBreaks: true) == "one\ntwo\\e\\r\n")
        #expect(TerminalText.sanitized("one\ntwo", keepingLineBreaks: true) == "one\ntwo")
    }

    @Test func sanitisingTwiceChangesNothing() {
        let once = TerminalText.sanitized("\u{1B}]0;title\u{07}\u{202E}")
        #expect(TerminalText.sanitized(once) == once)
        #expect(TerminalText.firstControl(in: "ok\u{9B}then\u{1B}") == #"\u009B"#)
        #expect(TerminalText.firstControl(in: "plain") == nil)
    }

    @Test func secretsAreCheckedAsBytes() {
        func safe(_ bytes: [UInt8]) -> Bool { bytes.withUnsafeBytes { TerminalText.isSafeToDisplay($0) } }
        #expect(safe(Array("p@ss w0rd é 🔑".utf8)))
        #expect(safe(Array("-----BEGIN KEY-----\nabc\r\ndef\n\tindented\n".utf8)))
        #expect(safe([]))
        #expect(!safe(Array("pass\u{1B}[2Jword".utf8)))
        #expect(!safe(Array("over\rwrite".utf8)), "CR not before LF rewrites the line")
        #expect(!safe(Array("ends in\r".utf8)))
        #expect(!safe(Array("\u{9B}31m".utf8)))
        #expect(!safe(Array("\u{202E}drowssap".utf8)))
        #expect(!safe(Array("del\u{7F}".utf8)))
        #expect(!safe([0x61, 0x9B, 0x62]), "a lone C1 byte is not UTF-8")
        #expect(!safe([0xFF, 0xFE]))
        #expect(TerminalText.isSafeToDisplay(SecretBytes(utf8: "hunter2")))
        #expect(!TerminalText.isSafeToDisplay(SecretBytes(utf8: "hunter\u{07}2")))
    }
}
