import PAMScreen
import Testing

@Suite struct ColorTests {
    @Test func parsesThemeValues() {
        #expect(ThemeColor(themeValue: "#FF8000") == .rgb(255, 128, 0))
        #expect(ThemeColor(themeValue: "default") == .terminalDefault)
        #expect(ThemeColor(themeValue: "ansi:9") == .ansi(9))
        #expect(ThemeColor(themeValue: "196") == .indexed(196))
        for bad in ["ansi:16", "256", "#zzzzzz", "#fff", "red", ""] { #expect(ThemeColor(themeValue: bad) == nil) }
        for color in [ThemeColor.rgb(1, 171, 255), .ansi(3), .indexed(240), .terminalDefault] {
            #expect(ThemeColor(themeValue: color.themeValue) == color)
        }
    }

    @Test func convertsToTheNearestIndexedColour() {
        #expect(ColorConversion.convert(.rgb(255, 0, 0), to: .indexed256) == .indexed(196))
        #expect(ColorConversion.convert(.rgb(0, 0, 0), to: .indexed256) == .indexed(16))
        #expect(ColorConversion.convert(.rgb(128, 128, 128), to: .indexed256) == .indexed(244))
        #expect(ColorConversion.convert(.rgb(255, 255, 255), to: .indexed256) == .indexed(231))
        #expect(ColorConversion.convert(.rgb(0x61, 0xAF, 0xEF), to: .indexed256) == .indexed(75))
    }

    @Test func convertsToSixteenAndMonochrome() {
        #expect(ColorConversion.convert(.rgb(255, 0, 0), to: .ansi16) == .ansi(9))
        #expect(ColorConversion.convert(.rgb(0, 0, 238), to: .ansi16) == .ansi(4))
        #expect(ColorConversion.convert(.indexed(196), to: .ansi16) == .ansi(9))
        #expect(ColorConversion.convert(.ansi(3), to: .indexed256) == .ansi(3))
        #expect(ColorConversion.convert(.rgb(1, 2, 3), to: .trueColor) == .rgb(1, 2, 3))
        #expect(ColorConversion.convert(.ansi(3), to: .monochrome) == .terminalDefault)
        let style = ThemeStyle(foreground: .rgb(9, 9, 9), background: .ansi(1), bold: true, underline: true)
        let converted = ColorConversion.convert(style, to: .monochrome)
        #expect(converted == ThemeStyle(bold: true, underline: true))
    }
}
