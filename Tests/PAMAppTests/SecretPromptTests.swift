import Foundation
import PAMApp
import PAMCore
import PAMScreen
import PAMTestSupport
import Testing

/// The secret dialog: a profile's question opens it over everything, the typed code is drawn as
/// bullets and never as text, Enter answers, Esc declines, and questions of several profiles
/// come one at a time. With the real effect runner and `DialogPrompter`, the asker gets the answer.
@Suite struct SecretPromptTests {
    static let code = SecretQuestion(profile: "ss-otp", label: "One-time code", why: "Secret Server asks flex_otp for a second factor to sign in", key: "otp")
    static let doubleLock = SecretQuestion(profile: "ss-other", label: "DoubleLock password", why: "Restricted/Treasury is DoubleLocked", key: "double_lock_password")

    @Test func theDialogOpensDrawsBulletsAndEnterAnswers() {
        var state = loadedState()
        _ = Reducer.reduce(&state, .secretAsked(id: 7, Self.code))
        let opened = AppView().render(state).text
        #expect(opened.contains("ss-otp") && opened.contains("One-time code:") && opened.contains("second factor"))
        #expect(opened.contains("Enter sends it, Esc cancels."))

        // Every key goes to the field while it is open: q does not quit, j does not move.
        #expect(state.type("4q2j") == [])
        #expect(!state.quitting)
        let typed = AppView().render(state).text
        #expect(typed.contains("••••"))
        #expect(!typed.contains("4q2j"))
        #expect(state.prompts.first?.field.text == "", "a secret field has no text, only bytes")

        #expect(state.press(.backspace) == [])
        let effects = state.press(.enter)
        #expect(effects == [.answerPrompt(PromptAnswer(id: 7, secret: SecretBytes(utf8: "4q2")))])
        #expect(state.prompts.isEmpty)
        #expect(!AppView().render(state).text.contains("One-time code"))
    }

    @Test func enterOnAnEmptyFieldWaitsAndEscDeclines() {
        var state = loadedState()
        _ = Reducer.reduce(&state, .secretAsked(id: 1, Self.code))
        #expect(state.press(.enter) == [])
        #expect(state.prompts.count == 1)
        _ = state.type("123")
        #expect(state.press(.escape) == [.answerPrompt(PromptAnswer(id: 1, secret: nil))])
        #expect(state.prompts.isEmpty)
        #expect(state.audit.last?.text == "ss-otp: One-time code declined")
    }

    @Test func questionsOfSeveralProfilesComeOneAtATime() {
        var state = loadedState()
        _ = Reducer.reduce(&state, .secretAsked(id: 1, Self.code))
        _ = Reducer.reduce(&state, .secretAsked(id: 2, Self.doubleLock))
        let first = AppView().render(state).text
        #expect(first.contains("ss-otp") && !first.contains("ss-other"))
        #expect(first.contains("1 more question after this one."))
        _ = state.type("9")
        #expect(state.press(.enter) == [.answerPrompt(PromptAnswer(id: 1, secret: SecretBytes(utf8: "9")))])
        let second = AppView().render(state).text
        #expect(second.contains("ss-other") && second.contains("DoubleLock password:") && !second.contains("more question"))
        // A withdrawn question (its asker gave up) goes away.
        _ = Reducer.reduce(&state, .secretWithdrawn(id: 2))
        #expect(state.prompts.isEmpty)
    }

    @Test func theAskerWaitsForTheDialogsAnswer() async throws {
        let inbox = Inbox()
        let prompter = DialogPrompter(inbox: inbox)
        let runner = EffectRunner(clients: { _ in throw PAMError(.notFound, "none") }, clipboard: nil, inbox: inbox, prompter: prompter)
        var state = loadedState()

        let answered = Task { try await prompter.secret(Self.code).unsafeStringCopy() }
        try await Self.deliver(inbox, into: &state)
        _ = state.type("246810")
        runner.run(state.press(.enter))
        #expect(try await answered.value == "246810")

        let declined = Task { try await prompter.secret(Self.code) }
        try await Self.deliver(inbox, into: &state)
        runner.run(state.press(.escape))
        await #expect { try await declined.value } throws: { ($0 as? PAMError)?.kind == .cancelled }

        // Closing the UI declines what is still asked, and what is asked after.
        let open = Task { try await prompter.secret(Self.doubleLock) }
        try await Self.deliver(inbox, into: &state)
        prompter.close()
        await #expect { try await open.value } throws: { ($0 as? PAMError)?.kind == .cancelled }
        await #expect { try await prompter.secret(Self.code) } throws: { ($0 as? PAMError)?.kind == .cancelled }
    }

    @Test func aCancelledAskerWithdrawsItsQuestion() async throws {
        let inbox = Inbox()
        let prompter = DialogPrompter(inbox: inbox)
        var state = loadedState()
        let asker = Task { try await prompter.secret(Self.code) }
        try await Self.deliver(inbox, into: &state)
        asker.cancel()
        await #expect { try await asker.value } throws: { ($0 as? PAMError)?.kind == .cancelled }
        try await Self.deliver(inbox, into: &state)
        #expect(state.prompts.isEmpty)
    }

    /// Waits for the prompter's next action and reduces it.
    static func deliver(_ inbox: Inbox, into state: inout AppState) async throws {
        var actions: [Action] = []
        try await waitUntil {
            actions += inbox.drain()
            return !actions.isEmpty
        }
        for action in actions { _ = Reducer.reduce(&state, action) }
    }
}
