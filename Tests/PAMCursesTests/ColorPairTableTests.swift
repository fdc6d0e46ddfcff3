import PAMScreen
import Testing

@testable import PAMCurses

@Suite struct ColorPairTableTests {
    let theme = Theme(name: "test", styles: [
        .normal: ThemeStyle(),
        .title: ThemeStyle(foreground: .rgb(255, 135, 0), bold: true),
        .danger: ThemeStyle(foreground: .ansi(1), background: .terminalDefault, bold: true),
        .warn: ThemeStyle(foreground: .ansi(1), underline: true),
        .selection: ThemeStyle(foreground: .indexed(231), background: .indexed(24), reverse: true),
        .muted: ThemeStyle(foreground: .ansi(8), dim: true),
    ])

    @Test func pairsAreAllocatedOnceAndShared() {
        var table = ColorPairTable(depth: .indexed256, maxPairs: 256)
        let normal = table.style(for: .normal, theme: theme)
        #expect(normal.style == CellStyle(pair: 0))
        #expect(normal.newPair == nil)

        let danger = table.style(for: .danger, theme: theme)
        #expect(danger.style == CellStyle(pair: 1, bold: true))
        #expect(danger.newPair?.number == 1)
        #expect(danger.newPair?.spec == PairSpec(foreground: 1, background: -1))

        // Same colours, other attributes: the pair is shared.
        let warn = table.style(for: .warn, theme: theme)
        #expect(warn.style == CellStyle(pair: 1, underline: true))
        #expect(warn.newPair == nil)

        let title = table.style(for: .title, theme: theme)
        #expect(title.style.pair == 2)
        #expect(title.newPair?.spec == PairSpec(foreground: 208, background: -1))

        let selection = table.style(for: .selection, theme: theme)
        #expect(selection.newPair?.spec == PairSpec(foreground: 231, background: 24))
        #expect(selection.style.reverse)

        // Cached: asking again allocates nothing.
        #expect(table.style(for: .danger, theme: theme).newPair == nil)
        #expect(table.pairs.count == 3)
    }

    @Test func trueColorSendsPackedRGB() {
        var table = ColorPairTable(depth: .trueColor, maxPairs: 65536)
        #expect(table.style(for: .title, theme: theme).newPair?.spec == PairSpec(foreground: 0xFF8700, background: -1))
        // ANSI 0–7 keep their numbers on a direct-colour terminal; the rest become RGB.
        #expect(table.style(for: .danger, theme: theme).newPair?.spec == PairSpec(foreground: 1, background: -1))
        #expect(table.style(for: .muted, theme: theme).newPair?.spec == PairSpec(foreground: 0x7F7F7F, background: -1))
        #expect(table.style(for: .selection, theme: theme).newPair?.spec == PairSpec(foreground: 0xFFFFFF, background: 0x005F87))
        #expect(ColorPairTable.packed(0, 0, 3) == 8)
    }

    @Test func sixteenColoursAndEight() {
        var sixteen = ColorPairTable(depth: .ansi16, maxPairs: 64, colors: 16)
        #expect(sixteen.style(for: .muted, theme: theme).newPair?.spec == PairSpec(foreground: 8, background: -1))
        var eight = ColorPairTable(depth: .ansi16, maxPairs: 64, colors: 8)
        #expect(eight.style(for: .muted, theme: theme).newPair?.spec == PairSpec(foreground: 0, background: -1))
    }

    @Test func monochromeKeepsAttributesOnly() {
        var table = ColorPairTable(depth: .monochrome, maxPairs: 1)
        for role in StyleRole.allCases {
            #expect(table.style(for: role, theme: theme).style.pair == 0)
        }
        #expect(table.style(for: .selection, theme: theme).style.reverse)
        #expect(table.pairs.isEmpty)
    }

    @Test func withoutDefaultColoursWhiteOnBlackIsPairZero() {
        var table = ColorPairTable(depth: .indexed256, maxPairs: 256, defaultColors: false)
        #expect(table.style(for: .normal, theme: theme).style.pair == 0)
        #expect(table.style(for: .danger, theme: theme).newPair?.spec == PairSpec(foreground: 1, background: 0))
    }

    @Test func runningOutOfPairsFallsBackToPairZero() {
        var table = ColorPairTable(depth: .indexed256, maxPairs: 2)
        #expect(table.style(for: .danger, theme: theme).style.pair == 1)
        let title = table.style(for: .title, theme: theme)
        #expect(title.style == CellStyle(pair: 0, bold: true))
        #expect(title.newPair == nil)
    }

    @Test func aNewThemeKeepsPairsButRestylesRoles() {
        var table = ColorPairTable(depth: .indexed256, maxPairs: 256)
        _ = table.style(for: .danger, theme: theme)
        table.forgetRoles()
        let other = Theme(name: "other", styles: [.danger: ThemeStyle(foreground: .ansi(1))])
        let danger = table.style(for: .danger, theme: other)
        #expect(danger.style == CellStyle(pair: 1))
        #expect(danger.newPair == nil)
    }

    @Test(arguments: [
        ([String: String](), 256, false, ColorDepth.indexed256), (["NO_COLOR": "1"], 256, true, .monochrome),
        (["NO_COLOR": ""], 256, false, .indexed256), (["COLORTERM": "truecolor"], 256, false, .indexed256),
        (["COLORTERM": "truecolor"], 256, true, .trueColor), ([:], 0x100_0000, false, .trueColor), ([:], 8, false, .ansi16),
        ([:], 16, false, .ansi16), ([:], 0, false, .monochrome),
    ])
    func depthDetection(environment: [String: String], colors: Int, direct: Bool, expected: ColorDepth) {
        #expect(ColorDepthDetection.detect(environment: environment, colors: colors, hasDirectColor: direct) == expected)
    }
}
