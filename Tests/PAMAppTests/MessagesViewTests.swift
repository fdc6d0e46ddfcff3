import Foundation
@testable import PAMApp
import PAMCore
import PAMScreen
import Testing

/// The messages view (`M`): every error, warning and notice, newest first, in full.
@Suite struct MessagesViewTests {
    let longError = ActionError(PAMError(
        .permission, "4031 - User does not have permission to request the account or the account is not valid for the system.",
        profile: "bt", operation: "check-out", status: 403))

    @Test func failuresAreKeptWithTheirOperationTimeAndWholeText() {
        var state = loadedState()
        _ = Reducer.reduce(&state, .tick(t0.addingTimeInterval(5)))
        _ = Reducer.reduce(&state, .checkedOut(requestID: 4, .failure(longError)))
        let message = state.messages.newest
        #expect(message == Message(
            at: t0.addingTimeInterval(5), level: .error, operation: "check-out", profile: "bt",
            text: "4031 - User does not have permission to request the account or the account is not valid for the system."))
        #expect(message?.heading == "08:00:05  error  bt · check-out")
        #expect(state.flash?.text == longError.detail, "the status line gets the sentence; with one profile its name is left out")
    }

    @Test func newestFirstAndWrappedToTheView() throws {
        var state = loadedState()
        state.size = Size(width: 60, height: 16)
        _ = Reducer.reduce(&state, .checkedOut(requestID: 4, .failure(longError)))
        _ = Reducer.reduce(&state, .tick(t0.addingTimeInterval(61)))
        _ = state.press(.character("o"))
        _ = state.press(.character("M"))
        let viewer = try #require({ if case .messages(let viewer) = state.overlay { viewer } else { nil } }())
        let lines = LogViewerView.messageLines(state, viewer).map(\.text)
        // The sort notice came last, so it is on top; the error follows, wrapped, every word kept.
        #expect(lines.first == "08:01:01  notice  sort")
        let errorAt = try #require(lines.firstIndex(of: "08:00:00  error  bt · check-out"))
        let wrapped = lines[(errorAt + 1)...].prefix { $0.hasPrefix("  ") }
        #expect(wrapped.count > 1)
        #expect(wrapped.allSatisfy { TextWidth.of($0) <= 52 })
        #expect(wrapped.map { $0.dropFirst(2) }.joined(separator: " ") == longError.detail)
        let screen = AppView().render(state).text
        for line in wrapped { #expect(screen.contains(line), "every wrapped line is on screen") }
    }

    @Test func filterScrollAndClose() throws {
        var state = loadedState()
        state.size = Size(width: 60, height: 16)
        for minute in 0..<20 {
            _ = Reducer.reduce(&state, .tick(t0.addingTimeInterval(Double(minute) * 60)))
            _ = Reducer.reduce(&state, .copied(key: "k", subject: "DC01/admin", .failure(ActionError(message: "clipboard #\(minute) failed", kind: .unsupported))))
        }
        _ = state.press(.character("M"), .character("G"))
        guard case .messages(let scrolled) = state.overlay else { Issue.record("messages not open"); return }
        let lines = LogViewerView.messageLines(state, scrolled)
        #expect(scrolled.top == lines.count - LogViewerView.bodyHeight(state, audit: false), "G stops at the last page")
        _ = state.press(.character("/"))
        _ = state.type("#7")
        _ = state.press(.enter)
        guard case .messages(let filtered) = state.overlay else { Issue.record("messages not open"); return }
        #expect(LogViewerView.messageLines(state, filtered).map(\.text) == ["08:07:00  error  copy", "  clipboard #7 failed"])
        _ = state.press(.escape)
        #expect(state.overlay == .messages(LogViewer()), "Esc clears the filter first")
        _ = state.press(.escape)
        #expect(state.overlay == nil)
    }

    @Test func paletteOpensMessages() {
        var state = loadedState()
        _ = state.press(.character(":"))
        _ = state.type("messages")
        _ = state.press(.enter)
        #expect(state.overlay == .messages(LogViewer()))
    }

    @Test func aDigitForAPaneTheProfileLacksSaysWhy() {
        var state = loadedState()
        _ = state.press(.character("5"))
        #expect(state.focus == .accounts)
        #expect(state.flash?.text == "no tasks for this profile")
    }
}
