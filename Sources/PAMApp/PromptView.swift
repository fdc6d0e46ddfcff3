import PAMCore
import PAMScreen

/// The secret dialog, over every pane and overlay: titled with the profile, the question's
/// reason, and a secret field drawn as bullets.
struct PromptView {
    var glyphs: Glyphs

    func render(_ prompt: SecretPrompt, waiting: Int, into grid: inout CellGrid, in rect: Rect) {
        var message = [TerminalText.sanitized(prompt.question.why) + ".", "Enter sends it, Esc cancels."]
        if waiting > 0 { message.append("\(Reducer.count(waiting, "more question")) after this one.") }
        Dialog(
            title: TerminalText.sanitized(prompt.question.profile), message: message, fields: [DialogField(prompt.question.label, field: prompt.field)],
            buttons: [], focus: 0, width: 60, glyphs: glyphs
        ).render(into: &grid, in: rect)
    }
}
