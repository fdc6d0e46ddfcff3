import Foundation
import PAMClipboard
import PAMCore
import PAMTestSupport
import Testing

@Suite(.enabled(if: TmuxServer.isAvailable, "needs tmux"))
struct TmuxClipboardTests {
    let secretText = "tmux-s3cr3t→é"

    @Test func copyVerifyAndClear() async throws {
        try await TmuxServer.with { server in
            let service = ClipboardService(backend: TmuxBackend(serverArguments: server.serverArguments))
            let receipt = try await service.copy(SecretBytes(utf8: secretText), clearAfter: .seconds(30))
            #expect(receipt.verifiable)
            #expect(receipt.backend == .tmux)
            #expect(try server.topBuffer() == secretText)
            #expect(try server.buffer("pamtui") == secretText)

            #expect(await service.clear(ifStill: receipt) == .cleared)
            #expect(try server.buffer("pamtui") == nil)
            #expect(try server.topBuffer() == nil)
        }
    }

    @Test func clearingRestoresTheUsersEarlierBufferToTheTop() async throws {
        try await TmuxServer.with { server in
            try server.run(["set-buffer", "earlier user text"])
            let service = ClipboardService(backend: TmuxBackend(serverArguments: server.serverArguments))
            let receipt = try await service.copy(SecretBytes(utf8: secretText), clearAfter: .seconds(30))
            #expect(try server.topBuffer() == secretText)
            #expect(await service.clear(ifStill: receipt) == .cleared)
            #expect(try server.topBuffer() == "earlier user text")
        }
    }

    @Test func userCopiedSomethingElseMeanwhile() async throws {
        try await TmuxServer.with { server in
            let service = ClipboardService(backend: TmuxBackend(serverArguments: server.serverArguments))
            let receipt = try await service.copy(SecretBytes(utf8: secretText), clearAfter: .seconds(30))
            try server.run(["set-buffer", "the user's own copy"])

            #expect(await service.clear(ifStill: receipt) == .changed)
            #expect(try server.topBuffer() == "the user's own copy")
            // Our own named buffer is gone; the user's copy is untouched.
            #expect(try server.buffer("pamtui") == nil)
        }
    }

    @Test func doctorReportsSetClipboard() async throws {
        try await TmuxServer.with { server in
            let service = ClipboardService(backend: TmuxBackend(serverArguments: server.serverArguments))
            let report = await service.doctor()
            #expect(report.verifiable)
            #expect(report.lines.contains { $0.hasPrefix("tmux set-clipboard is on") })
        }
    }

    @Test func noServerIsAOneLineErrorWithoutTheSecret() async throws {
        let backend = TmuxBackend(serverArguments: ["-L", "pamtui-clip-absent-\(UInt32.random(in: 0...UInt32.max))"])
        let service = ClipboardService(backend: backend)
        do {
            _ = try await service.copy(SecretBytes(utf8: secretText), clearAfter: .seconds(1))
            Issue.record("expected an error")
        } catch {
            #expect("\(error)" == "tmux exited with status 1")
        }
        #expect(await service.lastReceipt == nil)
    }

    @Test func osc52ThroughTmuxLandsInABuffer() async throws {
        try await withTemporaryDirectory(prefix: "pamtui-osc52") { directory in
            try await TmuxServer.with { server in
                // The encoder's bytes go to a file; a pane prints them, as the TUI would.
                let written = WrittenBytes()
                let backend = OSC52Backend(isTerminal: true, term: "tmux-256color", writer: written.append)
                try await backend.write(SecretBytes(utf8: "osc52-test-only→é"))
                let path = "\(directory)/osc52.bin"
                try Data(written.all.joined().utf8).write(to: URL(fileURLWithPath: path))

                // The pane then waits on its terminal, so it stays open while tmux parses the output.
                try server.run(["new-window", "-d", "cat \(path); exec cat"])
                try await waitUntil(timeout: .seconds(10)) { (try? server.topBuffer()) == "osc52-test-only→é" }
            }
        }
    }
}
