import PAMClipboard
import PAMCore

/// An in-memory clipboard for service tests; `readable: false` behaves like OSC 52.
actor MemoryClipboard: ClipboardBackend {
    nonisolated let kind: ClipboardBackendKind
    nonisolated let name = "memory"
    nonisolated let canReadBack: Bool
    private(set) var content: SecretBytes?
    private(set) var clears = 0
    private(set) var discards = 0
    var failReads = false

    init(readable: Bool = true) {
        canReadBack = readable
        kind = readable ? .x11 : .osc52
    }

    func write(_ secret: SecretBytes) async throws {
        content = secret.copy()
    }

    func read() async throws -> SecretBytes? {
        if failReads { throw PAMError(.configuration, "xclip exited with status 1") }
        return content?.copy()
    }

    func clear() async throws {
        clears += 1
        content = nil
    }

    func discardOwnCopy() async {
        discards += 1
    }

    func diagnostics() async -> [String] { ["memory clipboard"] }

    /// The user copies something else.
    func userCopies(_ text: String) {
        content = SecretBytes(utf8: text)
    }

    func setFailReads(_ value: Bool) {
        failReads = value
    }

    func text() -> String? {
        content?.unsafeStringCopy()
    }
}
