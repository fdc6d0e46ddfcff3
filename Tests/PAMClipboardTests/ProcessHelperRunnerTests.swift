import PAMClipboard
import PAMCore
import Testing

@Suite struct ProcessHelperRunnerTests {
    @Test func secretGoesThroughStdin() async throws {
        let result = try await ProcessHelperRunner().run(
            "cat", arguments: [], input: SecretBytes(utf8: "p@ss→wörd"), captureOutput: true
        )
        #expect(result.status == 0)
        #expect(result.output.unsafeStringCopy() == "p@ss→wörd")
    }

    @Test func exitStatusPassesThrough() async throws {
        let result = try await ProcessHelperRunner().run("sh", arguments: ["-c", "exit 3"], input: nil, captureOutput: false)
        #expect(result.status == 3)
    }

    @Test func missingHelperIsAOneLineError() async throws {
        await #expect(throws: PAMError(.configuration, "pamtui-no-such-helper is not installed or cannot be run")) {
            _ = try await ProcessHelperRunner().run("pamtui-no-such-helper", arguments: [], input: nil, captureOutput: false)
        }
    }

    @Test func hangingHelperIsStopped() async throws {
        await #expect(throws: PAMError(.timeout, "sleep did not finish within 1 seconds")) {
            _ = try await ProcessHelperRunner(timeoutSeconds: 1).run("sleep", arguments: ["30"], input: nil, captureOutput: false)
        }
    }

    @Test func scriptHasNoRoomForTheSecret() {
        // The script is fixed text: the program and its arguments arrive as "$0" "$@".
        #expect(ProcessHelperRunner(timeoutSeconds: 7).script == #"exec timeout -k 2 7 "$0" "$@" 2>/dev/null"#)
    }
}

extension ProcessHelperRunnerTests {
    @Test func helperThatIgnoresStdinDoesNotKillUs() async throws {
        // More than a pipe buffer, to a program that exits without reading: the write fails with
        // EPIPE, and the SIGPIPE that comes with it must not end the test process.
        let big = SecretBytes(capacity: 1 << 20)
        big.append(String(repeating: "x", count: 1 << 20))
        let result = try await ProcessHelperRunner().run("true", arguments: [], input: big, captureOutput: false)
        #expect(result.status == 0)
    }
}
