import Foundation
import PAMScreen
import Testing

/// The repository's `themes/` folder.
let themesFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../themes").standardizedFileURL.path

@Suite struct ThemeLoaderTests {
    static let shipped = [
        "default-dark", "light", "high-contrast", "monochrome", "solarized-dark", "gruvbox", "nord", "colorblind-safe",
    ]

    @Test(arguments: shipped)
    func shippedThemeParsesWithEveryRole(name: String) throws {
        let theme = try ThemeLoader.load(path: "\(themesFolder)/\(name).toml")
        #expect(theme.name == name)
        #expect(ThemeLoader.missingRoles(in: theme).isEmpty)
        #expect(theme.fallbacks[.monochrome] != nil)
        if name != "monochrome" { #expect(theme.fallbacks[.ansi16]?.count == StyleRole.allCases.count) }
    }

    @Test func compiledInThemesMatchTheirFiles() throws {
        #expect(try ThemeLoader.load(path: "\(themesFolder)/default-dark.toml") == Theme.builtInDefault)
        #expect(try ThemeLoader.load(path: "\(themesFolder)/monochrome.toml") == Theme.monochrome)
    }

    @Test func everyShippedThemeIsListed() {
        let names = ThemeLoader.available(bundled: [themesFolder], user: nil).map(\.name)
        #expect(Set(names) == Set(Self.shipped))
    }

    @Test func fallbackPerDepth() {
        let theme = Theme.builtInDefault
        #expect(theme.style(for: .selection, depth: .trueColor).background == .rgb(0x61, 0xAF, 0xEF))
        #expect(theme.style(for: .selection, depth: .indexed256).background == .indexed(75))
        #expect(theme.style(for: .selection, depth: .ansi16).background == .ansi(4))
        let mono = theme.style(for: .selection, depth: .monochrome)
        #expect(mono.reverse && mono.bold && mono.background == .terminalDefault)
    }

    @Test func depthsWithoutAFallbackAreConverted() throws {
        let theme = try ThemeLoader.parse("selection = { fg = \"#000000\", bg = \"#ff0000\" }", name: "t", file: "t.toml")
        #expect(theme.style(for: .selection, depth: .indexed256).background == .indexed(196))
        #expect(theme.style(for: .selection, depth: .ansi16).background == .ansi(9))
        #expect(theme.style(for: .header, depth: .trueColor) == ThemeStyle())
    }

    @Test func unknownRoleNamesTheLineAndSuggests() {
        let text = """
        description = "test"
        normal = { fg = "#ffffff" }
        selecton = { fg = "#000000", bg = "#ffff00" }
        """
        #expect {
            try ThemeLoader.parse(text, name: "t", file: "mine.toml")
        } throws: { error in
            guard let error = error as? ThemeError else { return false }
            return error.line == 3 && error.key == "selecton" && error.description.hasPrefix("mine.toml:3: selecton: unknown role")
                && error.message.contains("did you mean 'selection'?")
        }
    }

    @Test func suggestsRolesSpeltWithUnderscores() throws {
        let error = parseError("[border_focused]\nfg = \"#ffffff\"\n")
        #expect(error?.message.contains("'borderFocused'") == true)
        #expect(error?.line == 1)
    }

    @Test func unknownAttributeAndBadColour() {
        let attribute = parseError("normal = { fg = \"#ffffff\" }\nmuted = { fgg = \"#888888\" }\n")
        #expect(attribute?.key == "muted.fgg")
        #expect(attribute?.line == 2)
        #expect(attribute?.message.contains("did you mean 'fg'?") == true)
        let colour = parseError("title = { fg = \"#12345\" }")
        #expect(colour?.key == "title.fg")
        #expect(colour?.line == 1)
        let flag = parseError("title = { bold = \"yes\" }")
        #expect(flag?.message == "must be true or false")
    }

    @Test func fallbackErrorsNameTheirPath() {
        let depth = parseError("normal = {}\n\n[fallback.88]\nnormal = { fg = \"1\" }\n")
        #expect(depth?.key == "fallback.88")
        #expect(depth?.line == 3)
        let role = parseError("normal = {}\n[fallback.16]\nnormal = { fg = \"ansi:7\" }\nheadr = { bold = true }\n")
        #expect(role?.key == "fallback.16.headr")
        #expect(role?.line == 4)
        #expect(role?.message.contains("'header'") == true)
    }

    @Test func syntaxErrorsCarryTOMLKitsLine() {
        let error = parseError("normal = { fg = \"#ffffff\" }\nmuted = { fg = \n")
        #expect(error?.line == 2)
        #expect(error?.message.hasPrefix("TOML syntax") == true)
    }

    @Test func monochromeUsesAttributesOnly() {
        let theme = Theme.monochrome
        for role in StyleRole.allCases {
            let style = theme.style(for: role, depth: .trueColor)
            #expect(style.foreground == .terminalDefault && style.background == .terminalDefault)
        }
        #expect(theme.style(for: .selection, depth: .trueColor).reverse)
        let danger = theme.style(for: .danger, depth: .trueColor)
        #expect(danger.bold && danger.underline)
        #expect(theme.style(for: .selectionUnfocused, depth: .trueColor).underline)
        #expect(theme.style(for: .status, depth: .ansi16).reverse)
    }

    @Test func noColorSelectsMonochrome() {
        let entries = ThemeLoader.available(bundled: [themesFolder], user: nil)
        #expect(ThemeLoader.select(name: "nord", entries: entries, environment: ["NO_COLOR": "1"]).theme == .monochrome)
        #expect(ThemeLoader.select(name: "nord", entries: entries, environment: ["NO_COLOR": ""]).theme.name == "nord")
        #expect(ThemeLoader.select(name: nil, entries: entries, environment: [:]).theme == .builtInDefault)
    }

    @Test func missingThemesFallBackToTheBuiltInDefault() {
        let entries = ThemeLoader.available(bundled: [themesFolder], user: nil)
        let selection = ThemeLoader.select(name: "solarised", entries: entries, environment: [:])
        #expect(selection.theme == .builtInDefault)
        #expect(selection.warning?.contains("theme 'solarised' not found") == true)
        #expect(selection.warning?.contains("solarized-dark") == true)
        #expect(ThemeLoader.select(name: nil, entries: [], environment: [:]) == ThemeSelection(theme: .builtInDefault, warning: nil))
    }

    @Test func userThemesWinOverBundledOnes() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("pamtui-themes-\(UUID().uuidString)")
        let user = root.appendingPathComponent("user").path
        try FileManager.default.createDirectory(atPath: user, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        try "selection = { reverse = true }\n".write(toFile: user + "/nord.toml", atomically: true, encoding: .utf8)
        try "selecton = {}\n".write(toFile: user + "/broken.toml", atomically: true, encoding: .utf8)
        let entries = ThemeLoader.available(bundled: [themesFolder], user: user)
        #expect(entries.first { $0.name == "nord" } == ThemeEntry(name: "nord", path: user + "/nord.toml", isUser: true))
        #expect(entries.first { $0.name == "gruvbox" }?.isUser == false)
        let nord = ThemeLoader.select(name: "nord", entries: entries, environment: [:])
        #expect(nord.theme.styles == [.selection: ThemeStyle(reverse: true)])
        let broken = ThemeLoader.select(name: "broken", entries: entries, environment: [:])
        #expect(broken.theme == .builtInDefault)
        #expect(broken.warning?.contains("broken.toml:1: selecton: unknown role") == true)
    }

    @Test func folders() {
        #expect(ThemeLoader.userDirectory(environment: ["XDG_CONFIG_HOME": "/x", "HOME": "/h"]) == "/x/pamtui/themes")
        #expect(ThemeLoader.userDirectory(environment: ["XDG_CONFIG_HOME": "", "HOME": "/h"]) == "/h/.config/pamtui/themes")
        #expect(ThemeLoader.userDirectory(environment: [:]) == nil)
        #expect(ThemeLoader.searchPaths(executablePath: "/repo/.build/debug/pamtui") == ["/repo/themes", "/repo/.build/share/pamtui/themes"])
        #expect(ThemeLoader.searchPaths(executablePath: "/usr/local/bin/pamtui", override: "/opt/t") == [
            "/opt/t", "/usr/themes", "/usr/local/share/pamtui/themes",
        ])
    }

    @Test func colorblindSafeAvoidsRedGreenForStatus() throws {
        let theme = try ThemeLoader.load(path: "\(themesFolder)/colorblind-safe.toml")
        let ok = theme.style(for: .ok, depth: .trueColor).foreground
        #expect(ok == .rgb(0x56, 0xB4, 0xE9))
        let danger = theme.style(for: .danger, depth: .trueColor)
        #expect(danger.foreground == .rgb(0xD5, 0x5E, 0x00) && danger.underline)
        let colours = [StyleRole.ok, .warn, .danger].map { theme.style(for: $0, depth: .trueColor).foreground }
        #expect(Set(colours).count == 3)
        #expect(theme.style(for: .ok, depth: .ansi16).foreground != .ansi(2))
    }

    private func parseError(_ text: String) -> ThemeError? {
        do {
            _ = try ThemeLoader.parse(text, name: "t", file: "t.toml")
            return nil
        } catch {
            return error
        }
    }
}
