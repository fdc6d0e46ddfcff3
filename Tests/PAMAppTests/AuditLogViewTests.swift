import Foundation
@testable import PAMApp
import PAMCore
import PAMScreen
import Testing

/// The audit log (`L`): each failed call's error, sanitised; `/` filtering; sideways scrolling.
@Suite struct AuditLogViewTests {
    func failedCheckout(_ state: inout AppState) {
        let call = HTTPExchange(method: .post, url: "https://pam.example.com/BeyondTrust/api/public/v3/Requests", status: 403,
                                duration: .milliseconds(9), responseBytes: 120, failure: .permission, startedAt: t0)
        _ = Reducer.reduce(&state, .exchange(call))
        let error = ActionError(PAMError(.permission, "4031 - no permission for \u{1B}[31mDC01\u{1B}[0m/admin", profile: "bt", operation: "check-out"))
        _ = Reducer.reduce(&state, .checkedOut(requestID: 4, .failure(error)))
    }

    @Test func aFailedCallShowsItsErrorSanitised() {
        var state = loadedState()
        failedCheckout(&state)
        let last = state.audit.suffix(2)
        #expect(last.map(\.isError) == [true, true])
        #expect(last.last?.text == "check-out failed: bt: check-out: 4031 - no permission for \\e[31mDC01\\e[0m/admin")
        #expect(state.messages.newest?.text == "4031 - no permission for \\e[31mDC01\\e[0m/admin", "the messages view is sanitised too")
        _ = state.press(.character("L"))
        let grid = AppView().render(state)
        #expect(grid.text.contains("check-out failed: bt: check-out: 4031"))
        #expect(!grid.text.contains("\u{1B}"))
    }

    @Test func slashFiltersAndArrowsScrollSideways() throws {
        var state = loadedState()
        failedCheckout(&state)
        _ = Reducer.reduce(&state, .copied(key: "k", subject: "DC01/admin", .success(ClipboardHold(backend: "tmux", clearsAt: t0))))
        _ = state.press(.character("L"), .character("/"))
        _ = state.type("403")
        _ = state.press(.enter)
        let viewer = try #require({ if case .auditLog(let viewer) = state.overlay { viewer } else { nil } }())
        #expect(LogViewerView.auditEntries(state, viewer).map(\.text) == [
            "check-out failed: bt: check-out: 4031 - no permission for \\e[31mDC01\\e[0m/admin",
            "403    9 ms  POST pam.example.com/BeyondTrust/api/public/v3/Requests",
        ])
        _ = state.press(.right, .right)
        #expect(state.overlay == .auditLog(LogViewer(query: "403", column: 16)))
        let screen = AppView().render(state).text
        #expect(screen.contains("WHAT (+16)"))
        #expect(screen.contains("pam.example.com/BeyondTrust"), "the path scrolled into view")
        #expect(!screen.contains("403    9 ms"))
        _ = state.press(.left, .left, .left)
        #expect(state.overlay == .auditLog(LogViewer(query: "403")))
        _ = state.press(.escape, .escape)
        #expect(state.overlay == nil)
    }
}
