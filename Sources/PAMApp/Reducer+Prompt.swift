import PAMCore
import PAMScreen

extension Reducer {
    /// A profile asks for a secret: queued behind any prompt already open.
    static func secretAsked(_ state: inout AppState, id: Int, _ question: SecretQuestion) -> [Effect] {
        state.prompts.append(SecretPrompt(id: id, question: question))
        audit(&state, TerminalText.sanitized("\(question.profile): \(question.label) requested"))
        return []
    }

    /// Every key goes to the open prompt: the field's editing keys, Enter to answer (not while
    /// empty), Esc to decline. The typed bytes go to the asker and leave the state, which wipes
    /// its copy as the field is released.
    static func promptKey(_ state: inout AppState, _ key: KeyEvent) -> [Effect] {
        guard var prompt = state.prompts.first else { return [] }
        if prompt.field.handle(key) != .ignored {
            state.prompts[0] = prompt
            return []
        }
        switch state.settings.keymap.command(for: key, in: .dialog) {
        case .open? where !prompt.field.isEmpty:
            state.prompts.removeFirst()
            return [.answerPrompt(PromptAnswer(id: prompt.id, secret: prompt.field.secretValue()))]
        case .back?:
            state.prompts.removeFirst()
            audit(&state, TerminalText.sanitized("\(prompt.question.profile): \(prompt.question.label) declined"))
            return [.answerPrompt(PromptAnswer(id: prompt.id, secret: nil))]
        default:
            return []
        }
    }
}
