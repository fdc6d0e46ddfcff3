import PAMCore

/// The X11 CLIPBOARD selection through xclip (preferred) or xsel.
public struct X11Backend: ClipboardBackend {
    /// The helper program used.
    public enum Tool: String, Sendable, Equatable {
        case xclip, xsel
    }

    public let kind = ClipboardBackendKind.x11
    public let canReadBack = true
    public let tool: Tool
    /// An explicit X display (`:99`) passed on the command line; nil uses the inherited `DISPLAY`.
    public let display: String?
    private let runner: any HelperRunner

    public init(tool: Tool = .xclip, display: String? = nil, runner: any HelperRunner = ProcessHelperRunner()) {
        self.tool = tool
        self.display = display
        self.runner = runner
    }

    public var name: String { tool.rawValue }

    /// Arguments for copying stdin into the clipboard.
    public var writeArguments: [String] {
        switch tool {
        case .xclip: displayArguments + ["-selection", "clipboard", "-i"]
        case .xsel: displayArguments + ["--clipboard", "--input"]
        }
    }

    /// Arguments for printing the clipboard.
    public var readArguments: [String] {
        switch tool {
        case .xclip: displayArguments + ["-selection", "clipboard", "-o"]
        case .xsel: displayArguments + ["--clipboard", "--output"]
        }
    }

    public func write(_ secret: SecretBytes) async throws {
        // xclip and xsel fork a daemon that serves pastes until another client takes the selection.
        try await runner.runChecked(tool.rawValue, writeArguments, input: secret)
    }

    public func read() async throws -> SecretBytes? {
        try await runner.output(tool.rawValue, readArguments)
    }

    public func clear() async throws {
        switch tool {
        case .xclip:
            // xclip cannot give up the selection, so it takes it over with an empty text.
            try await runner.runChecked("xclip", writeArguments, input: SecretBytes())
        case .xsel:
            try await runner.runChecked("xsel", displayArguments + ["--clipboard", "--clear"])
        }
    }

    public func diagnostics() async -> [String] {
        ["\(tool.rawValue): clipboard managers get no password hint (x-kde-passwordManagerHint needs an in-process selection owner)"]
    }

    private var displayArguments: [String] {
        guard let display else { return [] }
        return tool == .xclip ? ["-display", display] : ["--display", display]
    }
}
