import PAMCore

/// The Wayland clipboard through wl-clipboard's `wl-copy` and `wl-paste`.
public actor WaylandBackend: ClipboardBackend {
    public nonisolated let kind = ClipboardBackendKind.wayland
    public nonisolated let name = "wl-copy"
    public nonisolated let canReadBack = true
    private let runner: any HelperRunner
    private var sensitive: Bool?

    /// `sensitive` forces the password-manager hint on or off; nil asks `wl-copy --help`.
    public init(runner: any HelperRunner = ProcessHelperRunner(), sensitive: Bool? = nil) {
        self.runner = runner
        self.sensitive = sensitive
    }

    /// True when `wl-copy --help` lists `--sensitive` (wl-clipboard 2.3 and later).
    public static func helpMentionsSensitive(_ help: String) -> Bool {
        help.contains("--sensitive")
    }

    /// The arguments for `wl-copy` when copying a secret.
    public static func copyArguments(sensitive: Bool) -> [String] {
        ["--type", "text/plain"] + (sensitive ? ["--sensitive"] : [])
    }

    public func write(_ secret: SecretBytes) async throws {
        let hint = await supportsSensitive()
        try await runner.runChecked("wl-copy", Self.copyArguments(sensitive: hint), input: secret)
    }

    public func read() async throws -> SecretBytes? {
        try await runner.output("wl-paste", ["--no-newline", "--type", "text/plain"])
    }

    public func clear() async throws {
        try await runner.runChecked("wl-copy", ["--clear"])
    }

    public func diagnostics() async -> [String] {
        if await supportsSensitive() {
            return ["wl-copy --sensitive: clipboard managers are told the copy is a password"]
        }
        return ["wl-copy has no --sensitive (wl-clipboard < 2.3): clipboard managers may keep the password in their history"]
    }

    private func supportsSensitive() async -> Bool {
        if let sensitive { return sensitive }
        let help = await runner.text("wl-copy", ["--help"]) ?? ""
        let found = Self.helpMentionsSensitive(help)
        sensitive = found
        return found
    }
}
