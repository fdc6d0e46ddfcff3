import Foundation
@testable import PAMApp
import PAMCore
import PAMScreen
import PAMTestSupport
import Testing

/// Whole screens as text with a style layer, at 120×40, 80×24 and the 60×16 minimum.
@Suite struct AppViewSnapshotTests {
    static let sizes = [Size(width: 120, height: 40), Size(width: 80, height: 24), Size(width: 60, height: 16)]

    func render(_ state: AppState, _ name: String, secret: String? = nil) {
        for size in Self.sizes {
            var sized = state
            sized.size = size
            let grid = AppView().render(sized) { _ in secret }
            assertSnapshot(grid, named: "\(name)-\(size.width)x\(size.height)")
        }
    }

    @Test func browsing() {
        var state = loadedState()
        _ = state.press(.character("j"))
        render(state, "browsing")
    }

    @Test func filtering() {
        var state = loadedState()
        _ = state.press(.character("/"))
        _ = state.type("adm")
        render(state, "filtering")
    }

    @Test func checkoutDialog() {
        var state = loadedState()
        state.profiles[0].checkout = CheckoutPolicy(reason: "patch Tuesday")
        _ = state.press(.character("c"))
        render(state, "checkout-dialog")
    }

    @Test func leaseCountingDownMaskedThenRevealed() {
        var state = loadedState()
        _ = Reducer.reduce(&state, .checkedOut(requestID: 4, .success(.granted(lease(admin), reused: false))))
        _ = Reducer.reduce(&state, .tick(t0.addingTimeInterval(26 * 60)))
        render(state, "lease-masked")
        _ = Reducer.reduce(&state, .secretReady(key: "bt:124", purpose: .reveal, .success("DC01/admin")))
        render(state, "lease-revealed", secret: "Demo-aRJ5-P3fX-7A%p")
    }

    @Test func helpOverlay() {
        var state = loadedState()
        _ = state.press(.character("?"))
        _ = state.type("check")
        render(state, "help")
    }

    @Test func quitWithLeases() {
        var state = loadedState()
        _ = Reducer.reduce(&state, .checkedOut(requestID: 4, .success(.granted(lease(admin), reused: false))))
        _ = state.press(.character("q"))
        render(state, "quit")
    }

    @Test func paletteCompletingAThemeWithSessionInTheHeader() {
        var settings = AppState.Settings()
        settings.theme = "default-dark"
        settings.themes = ["default-dark", "gruvbox", "light", "nord"]
        var state = loadedState(settings: settings)
        _ = Reducer.reduce(&state, .session(profile: "bt", SessionStatus(.signedIn, expiresAt: t0.addingTimeInterval(20 * 60))))
        _ = state.press(.character(":"))
        _ = state.type("theme ")
        render(state, "palette-theme")
    }

    @Test func auditLogAndClipboardDoctor() {
        var state = loadedState()
        _ = Reducer.reduce(&state, .checkedOut(requestID: 4, .success(.granted(lease(admin), reused: false))))
        _ = state.press(.character("L"))
        render(state, "audit-log")
        _ = state.press(.escape)
        _ = Reducer.reduce(&state, .report(title: "Clipboard", lines: ["clipboard: tmux buffer 'pamtui'", "clearing can be verified"]))
        render(state, "clipboard-doctor")
    }

    @Test func tooSmall() {
        var state = loadedState()
        state.size = Size(width: 40, height: 12)
        assertSnapshot(AppView().render(state), named: "too-small-40x12")
    }
}
