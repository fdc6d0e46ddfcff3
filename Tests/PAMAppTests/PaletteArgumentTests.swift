import Foundation
import PAMApp
import PAMCore
import PAMScreen
import Testing

/// `:theme NAME` and `:profile NAME`: completion of the argument, Tab, and running.
struct PaletteArgumentTests {
    func twoProfiles() -> AppState {
        var settings = AppState.Settings()
        settings.theme = "default-dark"
        settings.themes = ["default-dark", "gruvbox", "monochrome", "nord"]
        var state = loadedState(settings: settings)
        state.profiles.append(ProfileSummary(name: "prod", vendor: "fake", vendorName: "Fake PAM", capabilities: [.systems, .accounts, .checkout]))
        return state
    }

    @Test func themeArgumentsCompleteFromTheAvailableThemes() {
        let state = twoProfiles()
        #expect(HelpIndex.completions("theme ", state: state).map(\.text) == [
            "theme default-dark", "theme gruvbox", "theme monochrome", "theme nord",
        ])
        #expect(HelpIndex.completions("theme no", state: state).map(\.text) == ["theme nord", "theme monochrome"])
        #expect(HelpIndex.completions("profile p", state: state).map(\.text) == ["profile prod"])
    }

    @Test func typedThemeRunsAndFlashes() {
        var state = twoProfiles()
        _ = state.press(.character(":"))
        _ = state.type("theme NORD")
        #expect(state.press(.enter) == [.setTheme("nord")])
        #expect(state.settings.theme == "nord")
        #expect(state.overlay == nil)
        #expect(state.flash?.text == "theme nord")
    }

    @Test func tabCompletesTheCommandThenTheArgument() {
        var state = twoProfiles()
        _ = state.press(.character(":"))
        _ = state.type("the")
        _ = state.press(.tab)
        #expect(state.overlay == .palette(text: "theme ", selected: 0))
        _ = state.type("gr")
        _ = state.press(.tab)
        #expect(state.overlay == .palette(text: "theme gruvbox", selected: 0))
        #expect(state.press(.enter) == [.setTheme("gruvbox")])
    }

    @Test func themeWithoutANameListsThem() {
        var state = twoProfiles()
        _ = state.press(.character(":"))
        _ = state.type("theme")
        #expect(state.press(.enter) == [])
        #expect(state.overlay == .palette(text: "theme ", selected: 0))
        _ = state.press(.down)
        #expect(state.press(.enter) == [.setTheme("gruvbox")], "the second entry, chosen with the arrow")
    }

    @Test func unknownThemeIsAnErrorNotASwitch() {
        var state = twoProfiles()
        _ = state.press(.character(":"))
        _ = state.type("theme zzz")
        #expect(state.press(.enter) == [])
        #expect(state.settings.theme == "default-dark")
        #expect(state.flash == Flash(text: "unknown command :theme zzz", isError: true, until: t0.addingTimeInterval(4)))
    }

    @Test func profileSwitchesAndReloadsItsPanes() {
        var state = twoProfiles()
        _ = state.press(.character(":"))
        _ = state.type("profile prod")
        let effects = state.press(.enter)
        #expect(state.profile?.name == "prod")
        #expect(state.pane(.profiles).selected == 1)
        #expect(effects == [
            .loadSystems(profile: "prod", requestID: 4),
            .loadAccounts(profile: "prod", scope: .all, requestID: 5),
            .subscribe(id: "leases:prod", every: .seconds(60), .loadLeases(profile: "prod")),
        ])
        #expect(state.accounts == .loading(requestID: 5))
    }
}
