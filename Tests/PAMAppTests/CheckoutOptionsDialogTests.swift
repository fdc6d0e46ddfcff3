import Foundation
import PAMApp
import PAMCore
import PAMScreen
import Testing

/// A vendor's check-out options are fields of the dialog, from data: the dialog knows no vendor.
@Suite struct CheckoutOptionsDialogTests {
    let conflict = CheckoutOptionSpec(key: "conflict", label: "If I hold one", help: "h", choices: ["reuse", "renew", "none"], defaultValue: "reuse")
    let ticket = CheckoutOptionSpec(key: "ticket", label: "Ticket", help: "h")

    @Test func choicesCycleWithLeftAndRightAndTextIsTypedThenTheyGoWithTheRequest() throws {
        var state = loadedState()
        state.profiles[0].checkout = CheckoutPolicy(reason: "r", options: [conflict, ticket], optionValues: ["conflict": "renew"])
        let account = try #require(Presentation.selectedAccount(state))
        _ = state.press(.character("c"))
        #expect(AppView().render(state).text.contains("If I hold one"))
        _ = state.press(.tab, .tab)
        guard case .checkout(let onChoice) = state.overlay else { Issue.record("no dialog"); return }
        #expect(onChoice.focusedOption == conflict && onChoice.value(conflict) == "renew")
        _ = state.press(.right)
        _ = state.press(.character("x"))
        guard case .checkout(let cycled) = state.overlay else { Issue.record("no dialog"); return }
        #expect(cycled.value(conflict) == "none", "a letter does not change a choice")
        _ = state.press(.tab)
        _ = state.type("INC-7")
        let effects = state.press(.tab, .enter)
        #expect(effects == [.checkOut(
            profile: "bt",
            CheckoutRequest(account: account, reason: "r", durationMinutes: account.defaultDurationMinutes ?? 60, options: ["conflict": "none", "ticket": "INC-7"]),
            requestID: 4), .saveHistory(InputHistory(entries: ["option.ticket": ["INC-7"]]))])
    }
}
