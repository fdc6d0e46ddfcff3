import PAMCore
import Testing

@Suite struct ChildProcessTests {
    @Test func capturesStdoutOfAShellCommand() throws {
        let outcome = try ChildProcess.shell("printf 'from-%s' shell", input: .null)
        #expect(outcome.status == 0)
        #expect(outcome.output.unsafeStringCopy() == "from-shell")
    }

    @Test func passesSecretsOnStdinOnly() throws {
        let outcome = try ChildProcess.run(
            "/bin/sh", arguments: ["-c", "cat; printf '|%s' \"$#\""], input: .secret(SecretBytes(utf8: "pa55\nword")),
            captureOutput: true
        )
        #expect(outcome.output.unsafeStringCopy() == "pa55\nword|0")
    }

    @Test func reportsExitStatusAndSignals() throws {
        #expect(try ChildProcess.shell("exit 3", input: .null).status == 3)
        #expect(try ChildProcess.shell("kill -TERM $$", input: .null).status == 128 + 15)
    }

    @Test func aHelperThatIgnoresStdinDoesNotKillUs() throws {
        let large = SecretBytes(utf8: String(repeating: "x", count: 1 << 20))
        #expect(try ChildProcess.run("/bin/true", arguments: [], input: .secret(large)).status == 0)
    }

    @Test func missingProgramIsAConfigurationError() {
        #expect { try ChildProcess.run("/nonexistent/helper", arguments: []) } throws: {
            ($0 as? PAMError)?.kind == .configuration
        }
    }
}
