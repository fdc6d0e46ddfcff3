import Foundation
import PAMCore
import Testing

/// Children get our environment without the variables that hold secrets.
@Suite struct ChildEnvironmentTests {
    @Test func withheldAndPAMTUIVariablesDoNotReachAChild() throws {
        setenv("PAMTUI_CHILDENV_TEST_TOKEN", "pamtui-token-value", 1)
        setenv("CHILDENV_TEST_SECRET", "named-secret-value", 1)
        setenv("CHILDENV_TEST_PLAIN", "plain-value", 1)
        defer {
            for name in ["PAMTUI_CHILDENV_TEST_TOKEN", "CHILDENV_TEST_SECRET", "CHILDENV_TEST_PLAIN"] { unsetenv(name) }
        }
        ChildEnvironment.withhold("CHILDENV_TEST_SECRET")
        let outcome = try ChildProcess.shell("env", input: .null)
        let environment = outcome.output.unsafeStringCopy()
        #expect(outcome.status == 0)
        #expect(environment.contains("CHILDENV_TEST_PLAIN=plain-value"))
        #expect(!environment.contains("CHILDENV_TEST_SECRET"))
        #expect(!environment.contains("named-secret-value"))
        #expect(!environment.contains("PAMTUI_CHILDENV_TEST_TOKEN"))
        #expect(environment.contains("PATH="))
    }

    @Test func anExplicitEnvironmentIsFilteredToo() {
        ChildEnvironment.withhold("CHILDENV_TEST_EXPLICIT")
        let filtered = ChildEnvironment.filtered([
            "HOME": "/home/u", "PAMTUI_CONFIG": "/c.toml", "PAMTUI_TOKEN": "t", "CHILDENV_TEST_EXPLICIT": "s",
        ])
        #expect(filtered == ["HOME": "/home/u", "PAMTUI_CONFIG": "/c.toml"])
        #expect(ChildEnvironment.isWithheld("PAMTUI_ANYTHING"))
        #expect(!ChildEnvironment.isWithheld("PAMTUI_CONFIG"))
        #expect(!ChildEnvironment.isWithheld("PAMTUIX"))
    }

    @Test func launchedChildrenAreFilteredAsWell() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("pamtui-childenv-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        ChildEnvironment.withhold("CHILDENV_TEST_LAUNCHED")
        let pid = try ChildProcess.launch(
            "/bin/sh", arguments: ["-c", "env"], environment: ["CHILDENV_TEST_LAUNCHED": "s3cr3t", "PAMTUI_X": "y", "PAMTUI_CONFIG": "/c.toml", "KEEP": "1"],
            output: "\(directory)/env"
        )
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let environment = try String(contentsOfFile: "\(directory)/env", encoding: .utf8)
        #expect(environment.contains("KEEP=1") && environment.contains("PAMTUI_CONFIG=/c.toml"))
        #expect(!environment.contains("s3cr3t") && !environment.contains("PAMTUI_X"))
    }
}
