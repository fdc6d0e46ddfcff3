import PAMApp
import PAMCore
import PAMScreen
import Testing

/// The check-out dialog's text fields: readline keys, the default reason as a placeholder,
/// history, Tab order, Enter and Ctrl-S.
@Suite struct CheckoutInputTests {
    func form(_ state: AppState) -> CheckoutForm? {
        if case .checkout(let form) = state.overlay { return form }
        return nil
    }

    func request(reason: String?, minutes: Int = 120) -> Effect {
        .checkOut(profile: "bt", CheckoutRequest(account: admin, reason: reason, durationMinutes: minutes), requestID: 4)
    }

    @Test func theDefaultReasonIsAPlaceholderThatTypingReplaces() {
        var state = loadedState()
        state.profiles[0].checkout = CheckoutPolicy(reason: "pamtui demo")
        _ = state.press(.character("c"))
        #expect(form(state)?.reason.text == "" && form(state)?.reason.placeholder == "pamtui demo")
        _ = state.type("INC-4711")
        let effects = state.press(.enter)
        #expect(effects.first == request(reason: "INC-4711"), "not pamtui demoINC-4711")
    }

    @Test func anEmptyReasonUsesTheDefault() {
        var state = loadedState()
        state.profiles[0].checkout = CheckoutPolicy(reason: "pamtui demo")
        _ = state.press(.character("c"))
        #expect(state.press(.enter) == [request(reason: "pamtui demo")], "nothing typed: nothing remembered")
    }

    @Test func aRequiredReasonCannotBeEmptyAndTheDialogSaysSo() {
        var state = loadedState()
        state.profiles[0].checkout = CheckoutPolicy(requireReason: true)
        _ = state.press(.character("c"), .tab)
        #expect(state.press(.control("s")) == [])
        #expect(form(state)?.error == "a reason is required on bt" && form(state)?.focus == 0)
        #expect(AppView().render(state).text.contains("a reason is required on bt"))
        _ = state.type("   ")
        #expect(state.press(.enter) == [], "blanks are no reason")
        _ = state.type("x")
        #expect(state.press(.enter).first == request(reason: "x"))
    }

    @Test func aRequiredReasonWithADefaultUsesTheDefault() {
        var state = loadedState()
        state.profiles[0].checkout = CheckoutPolicy(reason: "standing change", requireReason: true)
        _ = state.press(.character("c"))
        #expect(state.press(.enter) == [request(reason: "standing change")])
    }

    @Test func ctrlUAndLeftEditTheReason() {
        var state = loadedState()
        _ = state.press(.character("c"))
        _ = state.type("wrong")
        _ = state.press(.control("u"))
        _ = state.type("patchng")
        _ = state.press(.left, .left, .character("i"))
        #expect(form(state)?.reason.text == "patching")
        _ = state.press(.alt("b"), .control("k"))
        _ = state.type("kernel")
        #expect(form(state)?.reason.text == "kernel")
    }

    @Test func enterOnAFieldSubmitsAndCtrlSSubmitsFromAnywhere() {
        var state = loadedState()
        _ = state.press(.character("c"))
        _ = state.type("r1")
        _ = state.press(.tab)
        #expect(form(state)?.focus == 1)
        #expect(state.press(.enter).first == request(reason: "r1"))

        var onButton = loadedState()
        _ = onButton.press(.character("c"))
        _ = onButton.type("r2")
        _ = onButton.press(.tab, .tab, .tab)
        #expect(form(onButton)?.focus == form(onButton)?.cancelIndex)
        #expect(onButton.press(.control("s")).first == .checkOut(
            profile: "bt", CheckoutRequest(account: admin, reason: "r2", durationMinutes: 120), requestID: 4))
    }

    @Test func tabAndShiftTabWalkEveryControlAndEnterOnCancelCloses() {
        var state = loadedState()
        _ = state.press(.character("c"))
        var seen: [Int] = []
        for _ in 0..<4 {
            seen.append(form(state)?.focus ?? -1)
            _ = state.press(.tab)
        }
        #expect(seen == [0, 1, 2, 3] && form(state)?.focus == 0, "reason, minutes, OK, Cancel, around")
        _ = state.press(.backTab)
        #expect(form(state)?.focus == 3)
        #expect(state.press(.enter) == [] && state.overlay == nil)
    }

    @Test func aBadDurationFocusesTheDurationAndSaysSo() {
        var state = loadedState()
        _ = state.press(.character("c"), .tab, .control("u"))
        _ = state.type("soon")
        _ = state.press(.tab)
        #expect(form(state)?.focus == 2, "on OK")
        #expect(state.press(.enter) == [])
        #expect(form(state)?.error == "duration must be a whole number of minutes" && form(state)?.focus == 1)
    }

    @Test func typedReasonsAreRememberedAndRecalledWithUpAndDown() {
        var state = loadedState()
        for reason in ["INC-1", "INC-2"] {
            _ = state.press(.character("c"))
            _ = state.type(reason)
            let effects = state.press(.enter)
            #expect(effects.last == .saveHistory(state.history))
            _ = Reducer.reduce(&state, .checkedOut(requestID: 4, .failure(ActionError(message: "no", kind: .server))))
        }
        #expect(state.history.values(InputHistory.reason) == ["INC-2", "INC-1"])
        _ = state.press(.character("c"))
        _ = state.type("dr")
        _ = state.press(.up)
        #expect(form(state)?.reason.text == "INC-2")
        _ = state.press(.up)
        #expect(form(state)?.reason.text == "INC-1")
        _ = state.press(.down, .down)
        #expect(form(state)?.reason.text == "dr")
    }

    @Test func historyOnFileArrivesThroughAnEffect() {
        var state = AppState(profiles: [], now: t0, size: Size(width: 120, height: 40))
        #expect(Reducer.start(&state).contains(.loadHistory))
        _ = Reducer.reduce(&state, .historyLoaded(InputHistory(entries: [InputHistory.reason: ["from file"]])))
        #expect(state.history.values(InputHistory.reason) == ["from file"])
        _ = Reducer.reduce(&state, .historyFailed("history.toml: bad"))
        #expect(state.flash?.isError == true)
    }

    @Test func focusShowsAsBracketsAndReverseVideo() {
        var state = loadedState()
        _ = state.press(.character("c"))
        let reason = AppView().render(state)
        #expect(reason.text.contains("[ OK ]") == false, "an unfocused button has no brackets")
        #expect(reason.text.split(separator: "\n").contains { $0.contains("Reason:") && $0.contains("[") && $0.contains("]") })
        _ = state.press(.tab, .tab)
        let ok = AppView().render(state)
        #expect(ok.text.contains("[ OK ]"))
        #expect(!ok.text.split(separator: "\n").contains { $0.contains("Reason:") && $0.contains("[") })
    }
}
