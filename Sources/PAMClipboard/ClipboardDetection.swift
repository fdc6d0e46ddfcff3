import PAMCore

/// The backend picked for this environment, with the reasons and what else was looked at.
public struct ClipboardDetection: Sendable, Equatable {
    /// A concrete backend choice.
    public enum Choice: Sendable, Equatable {
        case wayland
        case x11(X11Backend.Tool)
        case tmux
        case osc52(OSC52Wrapping)

        /// The kind of clipboard chosen.
        public var kind: ClipboardBackendKind {
            switch self {
            case .wayland: .wayland
            case .x11: .x11
            case .tmux: .tmux
            case .osc52: .osc52
            }
        }
    }

    /// One helper or path looked at.
    public struct Candidate: Sendable, Equatable {
        public var name: String
        /// Where it was found, or why it is not usable; nil when missing.
        public var found: String?
    }

    /// The choice; nil when no clipboard is reachable.
    public var choice: Choice?
    /// Why this choice, in words.
    public var reason: String
    public var candidates: [Candidate]
    /// True in an SSH session.
    public var isRemote: Bool
    /// Caveats for the doctor.
    public var notes: [String]
    /// Whether stdout is a terminal and `TERM` is not dumb (for OSC 52).
    public var isTerminal: Bool
    public var term: String?
    /// True inside tmux (OSC 52 clears then write a placeholder).
    public var insideTmux: Bool

    /// The error when nothing fits.
    public static let noClipboard = PAMError(
        .configuration, "no clipboard: install wl-clipboard or xclip, or run inside tmux"
    )

    /// Builds the chosen backend; `terminalWriter` carries OSC 52 to the terminal.
    public func makeBackend(
        runner: any HelperRunner = ProcessHelperRunner(),
        terminalWriter: @escaping OSC52Backend.Writer = OSC52Backend.writeToStandardOutput
    ) throws -> any ClipboardBackend {
        switch choice {
        case nil:
            throw Self.noClipboard
        case .wayland:
            return WaylandBackend(runner: runner)
        case .x11(let tool):
            return X11Backend(tool: tool, runner: runner)
        case .tmux:
            return TmuxBackend(runner: runner)
        case .osc52(let wrapping):
            return OSC52Backend(
                wrapping: wrapping, isTerminal: isTerminal, term: term,
                clearText: insideTmux ? OSC52Backend.placeholder : "", writer: terminalWriter
            )
        }
    }
}
