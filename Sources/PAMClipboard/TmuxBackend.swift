import Foundation
import PAMCore

/// tmux's paste buffers: `load-buffer -w` also hands the copy to the outer terminal when tmux's
/// `set-clipboard` allows it.
public struct TmuxBackend: ClipboardBackend {
    public let kind = ClipboardBackendKind.tmux
    public let canReadBack = true
    /// The named buffer pamtui owns.
    public let bufferName: String
    /// Arguments before the command, such as `-L socket`; empty talks to the server in `TMUX`.
    public let serverArguments: [String]
    private let runner: any HelperRunner

    public init(
        bufferName: String = "pamtui", serverArguments: [String] = [],
        runner: any HelperRunner = ProcessHelperRunner()
    ) {
        self.bufferName = bufferName
        self.serverArguments = serverArguments
        self.runner = runner
    }

    public var name: String { "tmux buffer \(bufferName)" }

    public func write(_ secret: SecretBytes) async throws {
        try await tmux(["load-buffer", "-w", "-b", bufferName, "-"], input: secret)
    }

    /// The newest buffer, which is what a paste gives.
    public func read() async throws -> SecretBytes? {
        try await runner.output("tmux", serverArguments + ["show-buffer"])
    }

    public func clear() async throws {
        // An empty load sends an empty copy on to the outer terminal (best effort: it cannot be
        // read back); deleting the buffer then takes it out of tmux.
        try await tmux(["load-buffer", "-w", "-b", bufferName, "-"], input: SecretBytes())
        await discardOwnCopy()
    }

    public func discardOwnCopy() async {
        _ = try? await runner.run(
            "tmux", arguments: serverArguments + ["delete-buffer", "-b", bufferName], input: nil, captureOutput: false
        )
    }

    public func diagnostics() async -> [String] {
        var lines: [String] = []
        let setClipboard = await option("set-clipboard")
        switch setClipboard {
        case "on":
            lines.append("tmux set-clipboard is on: copies also reach your terminal's clipboard via OSC 52")
        case "external":
            lines.append("tmux set-clipboard is external: copies reach your terminal's clipboard via OSC 52; programs' own OSC 52 is ignored")
        case "off":
            lines.append("tmux set-clipboard is off: copies stay in tmux's buffers (paste with prefix ])")
        default:
            lines.append("tmux set-clipboard: unknown (\(setClipboard ?? "tmux did not answer"))")
        }
        lines.append("tmux: clearing is verified in tmux's buffers; your terminal's own clipboard cannot be read back")
        return lines
    }

    private func tmux(_ arguments: [String], input: SecretBytes? = nil) async throws {
        try await runner.runChecked("tmux", serverArguments + arguments, input: input)
    }

    private func option(_ name: String) async -> String? {
        let value = await runner.text("tmux", serverArguments + ["show-options", "-gv", name])
        return value?.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
