import Foundation
@testable import PAMApp
import PAMCore
import PAMScreen
import Testing

/// The reducer and the real effect runner together, against an in-memory vendor.
@Suite struct HarnessTests {
    @Test func checkOutRevealCopyClearCheckInAndQuit() async throws {
        let app = try await AppHarness()
        #expect(app.state.accounts == .loaded([admin, breakglass]))
        try await app.press(.character("c"), .tab, .tab, .enter)
        #expect(app.state.leases == [lease(admin)])

        try await app.press(.character("r"))
        #expect(app.state.reveal?.key == "bt:124")
        #expect(app.runner.secrets.withSecret("bt:124") { $0.count } == 11)
        try await app.press(.character("y"))
        #expect(app.clipboard.copiedLengths.withLock { $0 } == [11])
        #expect(app.state.clipboard?.backend == "fake")
        #expect(app.runner.secrets.withSecret("bt:124") { _ in true } == true, "still revealed, so still held")

        try await app.tick(15)
        #expect(app.state.reveal == nil)
        #expect(app.runner.secrets.withSecret("bt:124") { _ in true } == nil, "masked again: wiped from the store")
        try await app.tick(30)
        #expect(app.clipboard.clears.withLock { $0 } == 1)
        #expect(app.state.clipboard == nil)

        try await app.press(.character("q"), .left, .left, .enter)
        #expect(app.vendor.checkedIn.withLock { $0 } == ["124"])
        #expect(app.quit.withLock { $0 })
    }

    @Test func clipboardDoctorExplainsTheBackend() async throws {
        let app = try await AppHarness()
        try await app.press(.character(":"))
        for character in "clipboard-doctor" { try await app.press(.character(character)) }
        try await app.press(.enter)
        #expect(app.state.overlay == .message(title: "Clipboard", lines: ["clipboard: fake (for tests)", "clearing can be verified"]))
        try await app.press(.escape)
        #expect(app.state.overlay == nil)
    }

    @Test func failuresShowInTheStatusLineAndNeverCrash() async throws {
        let app = try await AppHarness()
        try await app.press(.character("j"), .character("c"), .tab, .tab, .enter)
        #expect(app.state.leases.isEmpty)
        #expect(app.state.flash == Flash(text: "the request is not approved yet", isError: true, until: t0.addingTimeInterval(4)))
    }
}
