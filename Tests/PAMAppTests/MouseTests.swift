import Foundation
import PAMApp
import PAMCore
import PAMScreen
import Testing

/// Clicks and the wheel, located by where the text is drawn, as a user would aim.
struct MouseTests {
    /// The first cell where `text` is drawn.
    func position(of text: String, in state: AppState) throws -> (x: Int, y: Int) {
        let lines = AppView().render(state).text.split(separator: "\n", omittingEmptySubsequences: false)
        let y = try #require(lines.firstIndex { $0.contains(text) })
        let line = lines[y]
        let x = line.distance(from: line.startIndex, to: try #require(line.range(of: text)).lowerBound)
        return (x, y)
    }

    @Test func clickSelectsTheRowThenAClickOnItOpensIt() throws {
        var state = loadedState()
        let (x, y) = try position(of: "breakglass", in: state)
        #expect(state.press(.mouse(x: x, y: y, button: .left)) == [])
        #expect(state.focus == .accounts)
        #expect(state.pane(.accounts).selected == 1)
        _ = state.press(.mouse(x: x + 2, y: y, button: .left))
        guard case .checkout(let form) = state.overlay else { Issue.record("a second click did not open"); return }
        #expect(form.account == breakglass)
    }

    @Test func clickFocusesAnotherPaneWithoutOpening() throws {
        var state = loadedState()
        let (x, y) = try position(of: "Windows", in: state)
        _ = state.press(.mouse(x: x, y: y, button: .left))
        #expect(state.focus == .systems)
        #expect(state.overlay == nil, "the first click on a pane only focuses and selects")
    }

    @Test func wheelMovesTheSelectionAndClicksOnFramesDoNothing() throws {
        var state = loadedState()
        let (x, y) = try position(of: "breakglass", in: state)
        _ = state.press(.mouse(x: x, y: y, button: .wheelDown))
        #expect(state.pane(.accounts).selected == 2)
        _ = state.press(.mouse(x: x, y: y, button: .wheelUp))
        #expect(state.pane(.accounts).selected == 0)
        _ = state.press(.mouse(x: x, y: y - 2, button: .left))
        #expect(state.pane(.accounts).selected == 0, "the column header is not a row")
    }

    @Test func wheelScrollsTheHelpOverlay() {
        var state = loadedState()
        _ = state.press(.character("?"))
        _ = state.press(.mouse(x: 60, y: 20, button: .wheelDown))
        #expect(state.overlay == .help(query: "", selected: 1))
    }
}
