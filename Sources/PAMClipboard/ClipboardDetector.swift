#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Picks a clipboard backend from the environment: configuration first, then Wayland, X11, tmux
/// and OSC 52, with tmux and OSC 52 first in SSH sessions.
public struct ClipboardDetector: Sendable {
    public var environment: [String: String]
    public var preference: ClipboardPreference
    /// Whether stdout is a terminal.
    public var stdoutIsTerminal: Bool
    /// Finds a program; the default searches `PATH` from `environment`.
    public var locate: @Sendable (String) -> String?

    public init(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        preference: ClipboardPreference = .auto,
        stdoutIsTerminal: Bool = isatty(1) == 1,
        locate: (@Sendable (String) -> String?)? = nil
    ) {
        self.environment = environment
        self.preference = preference
        self.stdoutIsTerminal = stdoutIsTerminal
        let path = environment["PATH"] ?? ""
        self.locate = locate ?? { ProgramLocator.find($0, path: path) }
    }

    /// Looks at the environment and helpers and chooses.
    public func detect() -> ClipboardDetection {
        let remote = isSet("SSH_CONNECTION") || isSet("SSH_TTY")
        let term = environment["TERM"]
        let terminal = stdoutIsTerminal && term != "dumb"
        let insideTmux = isSet("TMUX")
        let wlCopy = locate("wl-copy")
        let wlPaste = locate("wl-paste")
        let xclip = locate("xclip")
        let xsel = locate("xsel")
        let tmux = locate("tmux")
        let x11Tool: X11Backend.Tool? = xclip != nil ? .xclip : xsel != nil ? .xsel : nil
        let osc52Wrapping: OSC52Wrapping = !insideTmux && isSet("STY") ? .screen : .none

        let waylandReady = isSet("WAYLAND_DISPLAY") && wlCopy != nil
        let x11Ready = isSet("DISPLAY") && x11Tool != nil
        let tmuxReady = insideTmux && tmux != nil

        var candidates = [
            candidate("wl-copy", wlCopy, needs: "WAYLAND_DISPLAY"),
            candidate("wl-paste", wlPaste, needs: "WAYLAND_DISPLAY"),
            candidate("xclip", xclip, needs: "DISPLAY"),
            candidate("xsel", xsel, needs: "DISPLAY"),
            candidate("tmux", tmux, needs: "TMUX"),
        ]
        candidates.append(.init(
            name: "OSC 52",
            found: !stdoutIsTerminal ? nil : term == "dumb" ? nil : "stdout is a terminal (TERM=\(term ?? "unset"))"
        ))

        var notes: [String] = []
        if remote {
            notes.append(
                "SSH session: wl-copy/xclip here would write to this server's clipboard, not yours; tmux and OSC 52 come first"
            )
        }
        if insideTmux && tmux == nil { notes.append("TMUX is set but the tmux program is not on PATH") }

        var choice: ClipboardDetection.Choice?
        var reason = ""
        switch preference {
        case .only(let kind):
            reason = "configured: clipboard = \(kind.rawValue)"
            switch kind {
            case .wayland: choice = .wayland
            case .x11: choice = .x11(x11Tool ?? .xclip)
            case .tmux: choice = .tmux
            case .osc52: choice = .osc52(osc52Wrapping)
            }
        case .auto:
            let forwardedX = remote && x11Ready && Self.isForwardedDisplay(environment["DISPLAY"] ?? "")
            var ladder: [(Bool, ClipboardDetection.Choice, String)] = []
            let waylandStep = (waylandReady, ClipboardDetection.Choice.wayland, "WAYLAND_DISPLAY is set and wl-copy is installed")
            let x11Step = (x11Ready, ClipboardDetection.Choice.x11(x11Tool ?? .xclip), "DISPLAY is set and \(x11Tool?.rawValue ?? "xclip") is installed")
            let tmuxStep = (tmuxReady, ClipboardDetection.Choice.tmux, "running inside tmux")
            let osc52Step = (terminal, ClipboardDetection.Choice.osc52(osc52Wrapping), "stdout is a terminal (OSC 52)")
            if remote {
                ladder = [
                    tmuxStep, osc52Step,
                    (forwardedX, x11Step.1, "DISPLAY is forwarded over SSH and \(x11Tool?.rawValue ?? "xclip") is installed"),
                    waylandStep, x11Step,
                ]
            } else {
                ladder = [waylandStep, x11Step, tmuxStep, osc52Step]
            }
            if let step = ladder.first(where: { $0.0 }) {
                choice = step.1
                reason = step.2
                if remote, step.1.kind == .wayland || (step.1.kind == .x11 && !forwardedX) {
                    notes.append("the copy goes to the SSH server's desktop clipboard, which may not be yours")
                }
            } else {
                reason = "nothing found: no Wayland or X11 helper, not in tmux, stdout is not a terminal"
            }
        }
        return ClipboardDetection(
            choice: choice, reason: reason, candidates: candidates, isRemote: remote, notes: notes,
            isTerminal: terminal, term: term, insideTmux: insideTmux
        )
    }

    /// True for an X display with a host part (`localhost:10.0`), as SSH X11 forwarding sets.
    public static func isForwardedDisplay(_ display: String) -> Bool {
        guard let colon = display.firstIndex(of: ":") else { return false }
        let host = display[..<colon]
        return !host.isEmpty && host != "unix"
    }

    private func isSet(_ name: String) -> Bool {
        guard let value = environment[name] else { return false }
        return !value.isEmpty
    }

    private func candidate(_ name: String, _ path: String?, needs variable: String) -> ClipboardDetection.Candidate {
        guard let path else { return .init(name: name, found: nil) }
        return .init(name: name, found: isSet(variable) ? path : "\(path) (\(variable) is not set)")
    }
}
