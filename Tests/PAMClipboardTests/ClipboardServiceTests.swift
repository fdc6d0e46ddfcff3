import PAMClipboard
import PAMCore
import Testing

@Suite struct ClipboardServiceTests {
    let secretText = "p@ss→wörd-service"

    @Test func clearsItsOwnCopy() async throws {
        let clipboard = MemoryClipboard()
        let service = ClipboardService(backend: clipboard)
        let receipt = try await service.copy(SecretBytes(utf8: secretText), clearAfter: .seconds(30))
        #expect(receipt.verifiable)
        #expect(await clipboard.text() == secretText)
        #expect(await service.clear(ifStill: receipt) == .cleared)
        #expect(await clipboard.text() == nil)
        #expect(await service.lastReceipt == nil)
    }

    @Test func leavesTheUsersNewCopyAlone() async throws {
        let clipboard = MemoryClipboard()
        let service = ClipboardService(backend: clipboard)
        let receipt = try await service.copy(SecretBytes(utf8: secretText), clearAfter: .seconds(30))
        await clipboard.userCopies("something else")
        #expect(await service.clear(ifStill: receipt) == .changed)
        #expect(await clipboard.text() == "something else")
        #expect(await clipboard.clears == 0)
        #expect(await clipboard.discards == 1)
    }

    @Test func trailingNewlineFromReadBackStillMatches() async throws {
        let clipboard = MemoryClipboard()
        let service = ClipboardService(backend: clipboard)
        let receipt = try await service.copy(SecretBytes(utf8: secretText), clearAfter: .seconds(30))
        await clipboard.userCopies(secretText + "\n")
        #expect(await service.clear(ifStill: receipt) == .cleared)
    }

    @Test func olderReceiptIsSuperseded() async throws {
        let clipboard = MemoryClipboard()
        let service = ClipboardService(backend: clipboard)
        let first = try await service.copy(SecretBytes(utf8: "first"), clearAfter: .seconds(30))
        let second = try await service.copy(SecretBytes(utf8: "second"), clearAfter: .seconds(30))
        #expect(second.sequence > first.sequence)
        #expect(await service.clear(ifStill: first) == .superseded)
        #expect(await clipboard.text() == "second")
        #expect(await service.clearNow() == .cleared)
        #expect(await service.clearNow() == .nothingToClear)
    }

    @Test func unreadableClipboardIsOverwrittenBlindly() async throws {
        let clipboard = MemoryClipboard(readable: false)
        let service = ClipboardService(backend: clipboard)
        let receipt = try await service.copy(SecretBytes(utf8: secretText), clearAfter: .seconds(5))
        #expect(!receipt.verifiable)
        #expect(await service.clear(ifStill: receipt) == .unverified)
        #expect(await clipboard.clears == 1)
    }

    @Test func alreadyEmpty() async throws {
        let clipboard = MemoryClipboard()
        let service = ClipboardService(backend: clipboard)
        let receipt = try await service.copy(SecretBytes(utf8: secretText), clearAfter: .seconds(5))
        try await clipboard.clear()
        #expect(await service.clear(ifStill: receipt) == .alreadyEmpty)
    }

    @Test func failedReadKeepsTheReceiptForARetry() async throws {
        let clipboard = MemoryClipboard()
        let service = ClipboardService(backend: clipboard)
        let receipt = try await service.copy(SecretBytes(utf8: secretText), clearAfter: .seconds(5))
        await clipboard.setFailReads(true)
        let outcome = await service.clear(ifStill: receipt)
        guard case .failed(let error) = outcome else {
            Issue.record("expected a failure, got \(outcome)")
            return
        }
        #expect(error.description == "clear clipboard: xclip exited with status 1")
        #expect(await service.lastReceipt == receipt)
        await clipboard.setFailReads(false)
        #expect(await service.clearNow() == .cleared)
    }

    @Test func clearsAtFollowsTheInjectedClock() async throws {
        let start = ContinuousClock.now
        let service = ClipboardService(backend: MemoryClipboard(), now: { start })
        let receipt = try await service.copy(SecretBytes(utf8: secretText), clearAfter: .seconds(45))
        #expect(receipt.clearsAt == start.advanced(by: .seconds(45)))
    }

    @Test func receiptNeverShowsTheSecret() async throws {
        let service = ClipboardService(backend: MemoryClipboard())
        let receipt = try await service.copy(SecretBytes(utf8: secretText), clearAfter: .seconds(5))
        var dumped = ""
        dump(receipt, to: &dumped)
        for text in [receipt.description, dumped, String(reflecting: receipt), "\(receipt.fingerprint)"] {
            #expect(!text.contains(secretText))
            #expect(!text.contains("p@ss"))
        }
        #expect(receipt.description.contains("memory"))
    }

    @Test func concurrentCopiesAndClearsStayConsistent() async throws {
        let clipboard = MemoryClipboard()
        let service = ClipboardService(backend: clipboard)
        await withTaskGroup(of: Void.self) { group in
            for index in 0..<20 {
                group.addTask {
                    if let receipt = try? await service.copy(SecretBytes(utf8: "s\(index)"), clearAfter: .seconds(1)) {
                        _ = await service.clear(ifStill: receipt)
                    }
                }
            }
        }
        // Whatever interleaving happened, a copy is either cleared or is the last receipt.
        let remaining = await clipboard.text()
        let last = await service.lastReceipt
        #expect((remaining == nil) == (last == nil))
    }

    @Test func doctorForOSC52SaysClearingCannotBeVerified() async throws {
        let detection = ClipboardDetector(
            environment: ["TERM": "xterm-256color", "SSH_CONNECTION": "10.0.0.1 5 10.0.0.2 22"],
            stdoutIsTerminal: true, locate: { _ in nil }
        ).detect()
        let backend = try detection.makeBackend(terminalWriter: { _ in })
        let report = await ClipboardService(backend: backend, detection: detection).doctor()
        #expect(report.backend == .osc52)
        #expect(!report.verifiable)
        #expect(report.lines.contains("OSC 52: the clipboard cannot be read back, so clearing cannot be verified"))
        #expect(report.text.contains("SSH session"))
        #expect(report.text.contains("wl-copy: missing"))
        #expect(report.lines.first?.hasPrefix("clipboard: OSC 52") == true)
    }
}
