import Foundation
import PAMCore

extension Reducer {
    /// Flashes `text` in the status line and keeps it, sanitised, in the messages view.
    static func notify(
        _ state: inout AppState, _ level: Message.Level, _ text: String, operation: String, profile: String? = nil,
        flash: String? = nil
    ) {
        let clean = TerminalText.sanitized(text)
        state.messages.append(Message(at: state.now, level: level, operation: operation, profile: profile, text: clean))
        state.flash = Flash(text: flash.map(TerminalText.sanitized) ?? clean, isError: level == .error, until: state.now.addingTimeInterval(4))
    }

    /// An effect that failed: flashed as one line, kept in full with its operation, and logged
    /// in the audit log right after the calls that failed.
    static func fail(_ state: inout AppState, _ error: ActionError, operation: String) {
        // The status line has little room: the name of the profile on screen (or the only one)
        // says nothing, so the sentence itself starts there; another profile's failure is named
        // (the messages view names both).
        let elsewhere = state.profiles.count > 1 && error.profile != nil && error.profile != state.profile?.name
        let flash = elsewhere ? error.message : error.detail
        notify(&state, .error, error.detail, operation: error.operation ?? operation, profile: error.profile, flash: flash)
        audit(&state, TerminalText.sanitized("\(operation) failed: \(error.message)"), error: true)
    }
}
