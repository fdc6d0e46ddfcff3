import PAMClipboard
import PAMCore
import Testing

@Suite struct HelperBackendTests {
    @Test func waylandUsesSensitiveWhenHelpListsIt() async throws {
        let runner = RecordingRunner(answers: [
            "wl-copy --help": (0, "Usage:\n  -o, --paste-once\n      --sensitive  Hint that the data is sensitive\n"),
            "wl-paste --no-newline --type text/plain": (0, "secret-1"),
        ])
        let backend = WaylandBackend(runner: runner)
        try await backend.write(SecretBytes(utf8: "secret-1"))
        try await backend.write(SecretBytes(utf8: "secret-1"))
        #expect(try await backend.read()?.unsafeStringCopy() == "secret-1")
        try await backend.clear()
        #expect(runner.recorded == [
            .init(program: "wl-copy", arguments: ["--help"], stdinBytes: nil),
            .init(program: "wl-copy", arguments: ["--type", "text/plain", "--sensitive"], stdinBytes: 8),
            .init(program: "wl-copy", arguments: ["--type", "text/plain", "--sensitive"], stdinBytes: 8),
            .init(program: "wl-paste", arguments: ["--no-newline", "--type", "text/plain"], stdinBytes: nil),
            .init(program: "wl-copy", arguments: ["--clear"], stdinBytes: nil),
        ])
    }

    @Test func waylandWithoutSensitive() async throws {
        let runner = RecordingRunner(answers: ["wl-copy --help": (0, "Usage: wl-copy [options] text...\n  --clear\n")])
        let backend = WaylandBackend(runner: runner)
        try await backend.write(SecretBytes(utf8: "x"))
        #expect(runner.recorded.last?.arguments == ["--type", "text/plain"])
        #expect(await backend.diagnostics().first?.contains("no --sensitive") == true)
    }

    @Test func waylandNothingCopiedReadsAsEmpty() async throws {
        let runner = RecordingRunner(answers: ["wl-paste --no-newline --type text/plain": (1, "")])
        #expect(try await WaylandBackend(runner: runner, sensitive: false).read() == nil)
    }

    @Test func secretsTravelOnlyOnStdin() async throws {
        let runner = RecordingRunner()
        let secret = "never-in-argv"
        try await WaylandBackend(runner: runner, sensitive: true).write(SecretBytes(utf8: secret))
        try await X11Backend(tool: .xclip, runner: runner).write(SecretBytes(utf8: secret))
        try await X11Backend(tool: .xsel, runner: runner).write(SecretBytes(utf8: secret))
        try await TmuxBackend(runner: runner).write(SecretBytes(utf8: secret))
        for call in runner.recorded {
            #expect(!call.arguments.joined().contains(secret))
            #expect(call.stdinBytes == secret.utf8.count)
        }
    }

    @Test func x11Arguments() {
        #expect(X11Backend(tool: .xclip).writeArguments == ["-selection", "clipboard", "-i"])
        #expect(X11Backend(tool: .xclip, display: ":7").readArguments == ["-display", ":7", "-selection", "clipboard", "-o"])
        #expect(X11Backend(tool: .xsel, display: ":7").writeArguments == ["--display", ":7", "--clipboard", "--input"])
        #expect(X11Backend(tool: .xsel).readArguments == ["--clipboard", "--output"])
    }

    @Test func x11ClearWithXselGivesUpTheSelection() async throws {
        let runner = RecordingRunner()
        try await X11Backend(tool: .xsel, runner: runner).clear()
        try await X11Backend(tool: .xclip, runner: runner).clear()
        #expect(runner.recorded == [
            .init(program: "xsel", arguments: ["--clipboard", "--clear"], stdinBytes: nil),
            .init(program: "xclip", arguments: ["-selection", "clipboard", "-i"], stdinBytes: 0),
        ])
    }

    @Test func helperExitStatusIsAOneLineError() async throws {
        let runner = RecordingRunner(answers: ["xclip -selection clipboard -i": (1, "")])
        do {
            try await X11Backend(tool: .xclip, runner: runner).write(SecretBytes(utf8: "zzz-secret"))
            Issue.record("expected an error")
        } catch {
            #expect("\(error)" == "xclip exited with status 1")
        }
    }
}
