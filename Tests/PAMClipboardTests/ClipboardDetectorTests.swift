import PAMClipboard
import Testing

@Suite struct ClipboardDetectorTests {
    typealias Choice = ClipboardDetection.Choice

    struct Case: Sendable, CustomTestStringConvertible {
        var label: String
        var environment: [String: String]
        var installed: Set<String>
        var terminal = true
        var preference = ClipboardPreference.auto
        var expected: Choice?

        var testDescription: String { label }
    }

    static let everything: Set<String> = ["wl-copy", "wl-paste", "xclip", "xsel", "tmux"]
    static let desktop = ["WAYLAND_DISPLAY": "wayland-0", "DISPLAY": ":0", "TERM": "xterm-256color"]
    static let ssh = ["SSH_CONNECTION": "10.0.0.1 50000 10.0.0.2 22", "TERM": "xterm-256color"]

    static let cases: [Case] = [
        Case(label: "Wayland first", environment: desktop, installed: everything, expected: .wayland),
        Case(label: "Wayland without wl-copy falls to X11", environment: desktop, installed: ["xclip"], expected: .x11(.xclip)),
        Case(label: "xsel when xclip is missing", environment: ["DISPLAY": ":0"], installed: ["xsel"], expected: .x11(.xsel)),
        Case(label: "DISPLAY without helpers, in tmux", environment: ["DISPLAY": ":0", "TMUX": "/tmp/t,1,0"], installed: ["tmux"], expected: .tmux),
        Case(label: "helpers but no display, in tmux", environment: ["TMUX": "/tmp/t,1,0"], installed: everything, expected: .tmux),
        Case(label: "TMUX set but no tmux program", environment: ["TMUX": "/tmp/t,1,0", "TERM": "screen"], installed: [], expected: .osc52(.none)),
        Case(label: "bare terminal", environment: ["TERM": "xterm"], installed: [], expected: .osc52(.none)),
        Case(label: "GNU screen", environment: ["TERM": "screen", "STY": "123.pts-0"], installed: [], expected: .osc52(.screen)),
        Case(label: "not a terminal", environment: ["TERM": "xterm"], installed: [], terminal: false, expected: nil),
        Case(label: "TERM=dumb", environment: ["TERM": "dumb"], installed: [], expected: nil),
        Case(label: "empty values do not count", environment: ["WAYLAND_DISPLAY": "", "DISPLAY": "", "TMUX": ""], installed: everything, terminal: false, expected: nil),
        Case(label: "SSH prefers tmux over X11", environment: ssh.merging(["DISPLAY": ":0", "TMUX": "/tmp/t,1,0"]) { $1 }, installed: everything, expected: .tmux),
        Case(label: "SSH prefers OSC 52 over local X11", environment: ssh.merging(["DISPLAY": ":0"]) { $1 }, installed: everything, expected: .osc52(.none)),
        Case(label: "SSH with forwarded X and no terminal", environment: ssh.merging(["DISPLAY": "localhost:10.0"]) { $1 }, installed: ["xclip"], terminal: false, expected: .x11(.xclip)),
        Case(label: "SSH_TTY alone counts as remote", environment: ["SSH_TTY": "/dev/pts/1", "DISPLAY": ":0", "TERM": "xterm"], installed: ["xclip"], expected: .osc52(.none)),
        Case(label: "SSH, no terminal, local X as last resort", environment: ssh.merging(["DISPLAY": ":0"]) { $1 }, installed: ["xclip"], terminal: false, expected: .x11(.xclip)),
        Case(label: "configured osc52 wins", environment: desktop, installed: everything, preference: .only(.osc52), expected: .osc52(.none)),
        Case(label: "configured x11 wins over Wayland", environment: desktop, installed: everything, preference: .only(.x11), expected: .x11(.xclip)),
        Case(label: "configured tmux even outside tmux", environment: desktop, installed: [], preference: .only(.tmux), expected: .tmux),
        Case(label: "configured wayland without anything", environment: [:], installed: [], terminal: false, preference: .only(.wayland), expected: .wayland),
    ]

    @Test(arguments: cases)
    func detects(_ testCase: Case) {
        let installed = testCase.installed
        let detection = ClipboardDetector(
            environment: testCase.environment, preference: testCase.preference,
            stdoutIsTerminal: testCase.terminal, locate: { installed.contains($0) ? "/usr/bin/\($0)" : nil }
        ).detect()
        #expect(detection.choice == testCase.expected)
        #expect(!detection.reason.isEmpty)
    }

    @Test func sshSessionIsNoted() {
        let detection = ClipboardDetector(
            environment: Self.ssh, stdoutIsTerminal: true, locate: { _ in nil }
        ).detect()
        #expect(detection.isRemote)
        #expect(detection.notes.contains { $0.contains("SSH session") })
    }

    @Test func localDesktopOverSSHIsFlagged() {
        let detection = ClipboardDetector(
            environment: Self.ssh.merging(["DISPLAY": ":0"]) { $1 }, stdoutIsTerminal: false,
            locate: { $0 == "xclip" ? "/usr/bin/xclip" : nil }
        ).detect()
        #expect(detection.notes.contains { $0.contains("SSH server's desktop clipboard") })
    }

    @Test func nothingFoundGivesTheOneLineError() throws {
        let detection = ClipboardDetector(environment: [:], stdoutIsTerminal: false, locate: { _ in nil }).detect()
        let error = #expect(throws: (any Error).self) { try detection.makeBackend() }
        #expect("\(error.map { "\($0)" } ?? "")" == "no clipboard: install wl-clipboard or xclip, or run inside tmux")
    }

    @Test func configValues() {
        #expect(ClipboardPreference(configValue: "auto") == .auto)
        #expect(ClipboardPreference(configValue: "OSC52") == .only(.osc52))
        #expect(ClipboardPreference(configValue: "x11") == .only(.x11))
        #expect(ClipboardPreference(configValue: "pbcopy") == nil)
    }

    @Test func forwardedDisplays() {
        #expect(ClipboardDetector.isForwardedDisplay("localhost:10.0"))
        #expect(ClipboardDetector.isForwardedDisplay("workstation.example:0"))
        #expect(!ClipboardDetector.isForwardedDisplay(":0"))
        #expect(!ClipboardDetector.isForwardedDisplay("unix:0"))
        #expect(!ClipboardDetector.isForwardedDisplay(""))
    }

    @Test func defaultLocatorSearchesThePathFromTheEnvironment() {
        let found = ClipboardDetector(environment: ["PATH": "/nonexistent:/bin:/usr/bin"]).locate("sh")
        #expect(found == "/bin/sh" || found == "/usr/bin/sh")
        #expect(ClipboardDetector(environment: ["PATH": "/nonexistent"]).locate("sh") == nil)
    }

    @Test func osc52InsideTmuxClearsWithAPlaceholder() throws {
        let detection = ClipboardDetector(
            environment: ["TMUX": "/tmp/t,1,0", "TERM": "tmux-256color"], preference: .only(.osc52),
            stdoutIsTerminal: true, locate: { _ in nil }
        ).detect()
        let backend = try #require(try detection.makeBackend(terminalWriter: { _ in }) as? OSC52Backend)
        #expect(backend.clearText == OSC52Backend.placeholder)
        #expect(backend.wrapping == .none)
    }
}
