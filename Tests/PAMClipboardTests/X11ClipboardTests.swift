import PAMClipboard
import PAMCore
import PAMTestSupport
import Testing

@Suite(.enabled(if: XvfbServer.isAvailable, "needs Xvfb and xclip"))
struct X11ClipboardTests {
    let secretText = "p@ss→wörd-x11"

    @Test func xclipCopyVerifyAndClear() async throws {
        try await XvfbServer.with { xvfb in
            let service = ClipboardService(backend: X11Backend(tool: .xclip, display: xvfb.display))
            let receipt = try await service.copy(SecretBytes(utf8: secretText), clearAfter: .seconds(30))
            #expect(receipt.verifiable)
            #expect(try xvfb.clipboard() == secretText)
            #expect(await service.clear(ifStill: receipt) == .cleared)
            #expect(try xvfb.clipboard() ?? "" == "")
        }
    }

    @Test(.enabled(if: XvfbServer.hasXsel, "needs xsel"))
    func xselCopyVerifyAndClear() async throws {
        try await XvfbServer.with { xvfb in
            let service = ClipboardService(backend: X11Backend(tool: .xsel, display: xvfb.display))
            let receipt = try await service.copy(SecretBytes(utf8: secretText), clearAfter: .seconds(30))
            #expect(try xvfb.clipboard() == secretText)
            #expect(await service.clear(ifStill: receipt) == .cleared)
            #expect(try xvfb.clipboard() == nil)
        }
    }

    @Test func userCopiedSomethingElseMeanwhile() async throws {
        try await XvfbServer.with { xvfb in
            let service = ClipboardService(backend: X11Backend(tool: .xclip, display: xvfb.display))
            let receipt = try await service.copy(SecretBytes(utf8: secretText), clearAfter: .seconds(30))
            try xvfb.userCopies("user's own text")
            #expect(await service.clear(ifStill: receipt) == .changed)
            #expect(try xvfb.clipboard() == "user's own text")
        }
    }

    @Test func emptyClipboardIsAlreadyEmpty() async throws {
        try await XvfbServer.with { xvfb in
            let backend = X11Backend(tool: .xclip, display: xvfb.display)
            let service = ClipboardService(backend: backend)
            let receipt = try await service.copy(SecretBytes(utf8: secretText), clearAfter: .seconds(30))
            try await backend.clear()
            #expect(await service.clear(ifStill: receipt) == .alreadyEmpty)
        }
    }
}
