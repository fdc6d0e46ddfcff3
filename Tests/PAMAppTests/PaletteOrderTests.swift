import Foundation
@testable import PAMApp
import PAMCore
import PAMScreen
import Testing

/// The palette lists what applies now first, grouped, and no movement keys.
@Suite struct PaletteOrderTests {
    @Test func noMovementCommands() {
        let names = HelpIndex.completions("", state: loadedState()).map(\.text)
        for movement in [Command.focusNext, .focusPrevious, .up, .down, .pageUp, .pageDown, .top, .bottom] {
            #expect(!names.contains(movement.rawValue))
        }
        #expect(names.contains("messages") && names.contains("sort") && names.contains("checkout"))
    }

    @Test func whatAppliesComesFirstByGroup() {
        let completions = HelpIndex.completions("", state: loadedState())
        let firstInapplicable = completions.firstIndex { !$0.applies } ?? completions.count
        #expect(completions[..<firstInapplicable].allSatisfy { $0.applies })
        #expect(completions[firstInapplicable...].allSatisfy { !$0.applies })
        // An account without a lease: check-out applies, check-in and copy do not.
        #expect(completions.first?.text == "checkout")
        #expect(completions.first { $0.text == "checkin" }?.applies == false)
        #expect(completions.first { $0.text == "copy" }?.applies == false)
        let groups = completions[..<firstInapplicable].map { Command(rawValue: $0.text)?.group }
        let order = groups.compactMap { $0.flatMap { Command.Group.allCases.firstIndex(of: $0) } }
        #expect(order == order.sorted(), "grouped: \(groups)")
    }

    @Test func aLeaseMakesCheckinAndCopyApply() {
        var state = loadedState()
        _ = Reducer.reduce(&state, .checkedOut(requestID: 4, .success(.granted(lease(admin), reused: false))))
        let applying = HelpIndex.completions("", state: state).filter(\.applies).map(\.text)
        #expect(Array(applying.prefix(5)) == ["checkin", "reveal", "copy", "copy-username", "copy-field"])
        #expect(!applying.contains("checkout"))
    }

    @Test func searchMatchesNamesBeforeSummaries() {
        let state = loadedState()
        #expect(HelpIndex.completions("copy", state: state).map(\.text).prefix(3) == ["copy", "copy-username", "copy-field"],
                "the exact name, then the names it starts")
        #expect(HelpIndex.completions("c", state: state).first?.text == "checkout", "of the names starting so, what applies first")
        #expect(HelpIndex.completions("copy-field", state: state).first?.text == "copy-field", "an exact name leads")
        #expect(HelpIndex.completions("password", state: state).map(\.text).contains("copy"), "summaries are searched")
    }
}
