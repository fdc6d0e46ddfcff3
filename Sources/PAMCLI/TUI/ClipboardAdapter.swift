import Foundation
import PAMApp
import PAMClipboard
import PAMCore

/// The app's clipboard port over the clipboard service.
struct ClipboardAdapter: SecretClipboard {
    let service: ClipboardService

    func copy(_ secret: SecretBytes, clearAfterSeconds: Int) async throws -> ClipboardHold {
        let receipt = try await service.copy(secret, clearAfter: .seconds(clearAfterSeconds))
        return ClipboardHold(backend: receipt.backendName, clearsAt: Date().addingTimeInterval(TimeInterval(clearAfterSeconds)))
    }

    func clear() async -> Bool {
        await service.clearNow() == .cleared
    }

    func doctor() async -> [String] {
        await service.doctor().lines
    }
}

/// Posts every API call to the app's audit log.
struct AuditObserver: HTTPExchangeObserver {
    let inbox: Inbox
    func record(_ exchange: HTTPExchange) { inbox.post(.exchange(exchange)) }
}
