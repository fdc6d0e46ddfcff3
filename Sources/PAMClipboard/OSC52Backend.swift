#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PAMCore

/// The terminal's clipboard through OSC 52, written by whoever owns the terminal. It cannot be
/// read back, so clearing is blind and unverified.
public struct OSC52Backend: ClipboardBackend {
    /// Writes bytes to the terminal; the TUI supplies its own so output stays in order.
    public typealias Writer = @Sendable (SecretBytes) -> Void

    /// Written instead of an empty copy where empty ones are ignored (tmux refuses OSC 52 clears).
    public static let placeholder = "(cleared by pamtui)"

    public let kind = ClipboardBackendKind.osc52
    public let canReadBack = false
    public let wrapping: OSC52Wrapping
    /// Whether the writer reaches a terminal.
    public let isTerminal: Bool
    /// The `TERM` value, if any.
    public let term: String?
    /// What a clear writes: empty, or `placeholder` inside tmux.
    public let clearText: String
    private let writer: Writer

    public init(
        wrapping: OSC52Wrapping = .none, isTerminal: Bool, term: String?, clearText: String = "",
        writer: @escaping Writer = OSC52Backend.writeToStandardOutput
    ) {
        self.wrapping = wrapping
        self.isTerminal = isTerminal
        self.term = term
        self.clearText = clearText
        self.writer = writer
    }

    public var name: String {
        switch wrapping {
        case .none: "OSC 52"
        case .tmux: "OSC 52 (tmux passthrough)"
        case .screen: "OSC 52 (GNU screen passthrough)"
        }
    }

    /// Writes to file descriptor 1, for the command line where no TUI owns the terminal.
    public static let writeToStandardOutput: Writer = { bytes in
        bytes.withUnsafeBytes { FileDescriptor.writeAll($0, to: 1) }
    }

    public func write(_ secret: SecretBytes) async throws {
        try checkTerminal()
        let sequence = try OSC52Encoder.sequence(for: secret, wrapping: wrapping)
        defer { sequence.wipe() }
        writer(sequence)
    }

    public func read() async throws -> SecretBytes? {
        throw PAMError(.unsupported, "OSC 52: the clipboard cannot be read back")
    }

    public func clear() async throws {
        try checkTerminal()
        let sequence = try OSC52Encoder.sequence(for: SecretBytes(utf8: clearText), wrapping: wrapping)
        writer(sequence)
    }

    public func diagnostics() async -> [String] {
        var lines = ["OSC 52: the clipboard cannot be read back, so clearing cannot be verified"]
        if !isTerminal { lines.append("OSC 52: stdout is not a terminal, so nothing can be copied") }
        if term == "dumb" { lines.append("OSC 52: TERM=dumb, so nothing can be copied") }
        switch wrapping {
        case .none: break
        case .tmux: lines.append("OSC 52: wrapped for tmux passthrough, which needs `set -g allow-passthrough on`")
        case .screen: lines.append("OSC 52: wrapped for GNU screen in chunks of \(OSC52Encoder.screenChunkLimit) bytes")
        }
        return lines
    }

    private func checkTerminal() throws {
        guard isTerminal else { throw PAMError(.unsupported, "OSC 52 needs a terminal: stdout is not a TTY") }
        guard term != "dumb" else { throw PAMError(.unsupported, "OSC 52 needs a terminal: TERM is dumb") }
    }
}
