import Foundation
import PAMApp
import PAMCore
import PAMScreen

/// A vendor in memory: two accounts, check-out hands out a fixed demo password.
final class FakeVendor: SystemBrowsing, AccountBrowsing, CredentialCheckout, @unchecked Sendable {
    let profile = "bt"
    let vendor: VendorID = "fake"

    let checkedIn = Locked<[String]>([])

    func signOut() async {}
    func sessionStatus() async -> SessionStatus { SessionStatus(.signedIn, expiresAt: t0.addingTimeInterval(20 * 60)) }
    func systemPages() -> PageStream<ManagedSystem> { .single([dc01]) }
    func system(id: String) async throws -> ManagedSystem { dc01 }
    func accountPages(_ scope: AccountScope) -> PageStream<Account> { .single([admin, breakglass]) }
    func findAccount(systemName: String, accountName: String) async throws -> Account { admin }
    func checkOut(_ request: CheckoutRequest) async throws -> CheckoutOutcome {
        if request.account == breakglass { throw PAMError(.permission, "the request is not approved yet", profile: "bt", operation: "check-out") }
        return .granted(lease(request.account), reused: false)
    }
    func retrieve(_ lease: Lease, field: CredentialField) async throws -> SecretBytes { SecretBytes(utf8: "Demo-s3cret") }
    func release(requestID: String, action: RequestAction, reason: String?) async throws { checkedIn.withLock { $0.append(requestID) } }
    func listRequests() async throws -> [AccessRequest] { [] }
}

/// Remembers what was copied (as a flag, not the value) and whether it was cleared.
final class FakeClipboard: SecretClipboard, @unchecked Sendable {
    let copiedLengths = Locked<[Int]>([])
    let clears = Locked(0)

    func copy(_ secret: SecretBytes, clearAfterSeconds: Int) async throws -> ClipboardHold {
        copiedLengths.withLock { $0.append(secret.count) }
        return ClipboardHold(backend: "fake", clearsAt: t0.addingTimeInterval(TimeInterval(clearAfterSeconds)))
    }

    func clear() async -> Bool {
        clears.withLock { $0 += 1 }
        return true
    }

    func doctor() async -> [String] { ["clipboard: fake (for tests)", "clearing can be verified"] }
}

/// Drives the reducer and a real effect runner the way the UI loop does: keys in, effects run,
/// wait until idle, results reduced. Never sleeps for a fixed time.
final class AppHarness {
    var state: AppState
    let inbox = Inbox()
    let runner: EffectRunner
    let vendor = FakeVendor()
    let clipboard = FakeClipboard()
    let quit = Locked(false)

    init() async throws {
        state = AppState(
            profiles: [ProfileSummary(name: "bt", vendor: "fake", vendorName: "Fake PAM", capabilities: [.systems, .accounts, .checkout])],
            now: t0, size: Size(width: 100, height: 30)
        )
        let vendor = self.vendor
        let quit = self.quit
        runner = EffectRunner(clients: { _ in vendor }, clipboard: clipboard, inbox: inbox, onQuit: { quit.withLock { $0 = true } })
        try await settle(Reducer.start(&state))
    }

    /// Runs effects and reduces their results until nothing is left in flight.
    func settle(_ effects: [Effect]) async throws {
        runner.run(effects)
        while true {
            try await runner.waitUntilIdle()
            let actions = inbox.drain()
            if actions.isEmpty && runner.isIdle { return }
            for action in actions {
                // Keep test time fixed: ticks from the runner carry the wall clock.
                if case .tick = action { continue }
                runner.run(Reducer.reduce(&state, action))
            }
        }
    }

    func press(_ keys: KeyEvent...) async throws {
        for key in keys { try await settle(Reducer.reduce(&state, .key(key))) }
    }

    func tick(_ seconds: TimeInterval) async throws {
        try await settle(Reducer.reduce(&state, .tick(t0.addingTimeInterval(seconds))))
    }
}
