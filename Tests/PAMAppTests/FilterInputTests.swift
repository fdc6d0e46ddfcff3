@testable import PAMApp
import PAMCore
import PAMScreen
import Testing

/// The filter input: every key goes to it while it is open, and only Esc and Enter leave it.
@Suite struct FilterInputTests {
    @Test func slashXBackspaceBackspaceCatOpensNoDialogAndTriggersNothing() {
        var state = loadedState()
        let effects = state.press(.character("/"), .character("x"), .backspace, .backspace) + state.type("cat")
        #expect(effects.isEmpty)
        #expect(state.overlay == nil, "c is typed, not a check-out")
        #expect(state.filterEditing && state.pane(.accounts).filter == "cat")
        #expect(state.focus == .accounts)
    }

    @Test func paneKeysAreTextWhileTheFilterIsOpen() {
        var state = loadedState()
        _ = state.press(.character("/"))
        let effects = state.type("qjk?:L1r") + state.press(.tab, .control("r"), .pageDown)
        #expect(effects.isEmpty && state.overlay == nil && !state.quitting)
        #expect(state.focus == .accounts && state.filterEditing)
        #expect(state.pane(.accounts).filter == "qjk?:L1r")
    }

    @Test func escClearsAndLeavesEnterKeepsAndReturnsToTheList() {
        var state = loadedState()
        _ = state.press(.character("/"))
        _ = state.type("root")
        _ = state.press(.enter)
        #expect(!state.filterEditing && state.pane(.accounts).filter == "root")
        #expect(Array(Presentation.accounts(state)) == [root])
        #expect(AppView().render(state).text.contains("/root"), "the pane title shows the filter")
        _ = state.press(.character("/"), .escape)
        #expect(!state.filterEditing && state.pane(.accounts).filter.isEmpty)
        #expect(Presentation.accounts(state).count == 3)
    }

    @Test func readlineKeysEditTheFilter() {
        var state = loadedState()
        _ = state.press(.character("/"))
        _ = state.type("dc01 admin")
        _ = state.press(.alt("b"), .control("k"))
        #expect(state.pane(.accounts).filter == "dc01 ")
        _ = state.press(.control("a"), .delete, .control("e"), .control("w"))
        #expect(state.pane(.accounts).filter.isEmpty)
        _ = state.type("admn")
        _ = state.press(.left, .character("i"), .control("u"))
        #expect(state.pane(.accounts).filter == "n" && state.pane(.accounts).filterInput.cursor == 0)
    }

    @Test func slashesAndSpacesSeparateTermsMatchedInAnyColumn() {
        for query in ["/DC01/admin", "/dc01 admin", "/admin dc01"] {
            var state = loadedState()
            _ = state.press(.character("/"))
            _ = state.type(String(query.dropFirst()))
            #expect(Array(Presentation.accounts(state)) == [admin], "\(query)")
        }
    }

    @Test func betterMatchesComeFirstAndNegationDropsOneTerm() {
        var state = loadedState()
        _ = state.press(.character("/"))
        _ = state.type("dc01 !break")
        #expect(Array(Presentation.accounts(state)) == [admin])
        _ = state.press(.control("u"))
        _ = state.type("r")
        // root starts with r (prefix); breakglass and srv1 only hold one.
        #expect(Presentation.accounts(state).first == root)
    }

    @Test func enterRemembersTheFilterAndUpRecallsIt() {
        var state = loadedState()
        _ = state.press(.character("/"))
        _ = state.type("admin")
        #expect(state.press(.enter) == [.saveHistory(InputHistory(entries: [InputHistory.filter: ["admin"]]))])
        _ = state.press(.character("/"), .escape, .character("/"))
        #expect(state.pane(.accounts).filter.isEmpty)
        _ = state.press(.up)
        #expect(state.pane(.accounts).filter == "admin")
    }

    @Test func theFilterPromptShowsACursorInTheStatusLine() {
        var state = loadedState()
        _ = state.press(.character("/"))
        _ = state.type("adm")
        _ = state.press(.left)
        let grid = AppView().render(state)
        let bottom = state.size.height - 1
        #expect(grid[1, bottom].text == "/" && grid[2, bottom].text == "a")
        #expect(grid[4, bottom].text == "m" && grid[4, bottom].role == .cursor)
    }
}
