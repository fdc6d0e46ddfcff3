import Foundation
import PAMCore
import PAMTestSupport
import Testing

/// Secrets stay in the process: the real binary makes itself undumpable and limits core files to
/// 0 before anything else, even when started with `ulimit -c unlimited`.
@Suite struct CLIHardeningTests {
    /// `sh -c 'cd DIR; ulimit -c unlimited; exec …'`, launched with default signal handling.
    func launchUnlimited(_ command: String, in directory: String) throws -> pid_t {
        let script = "cd \(shellQuoted(directory)) && { ulimit -c unlimited 2>/dev/null || ulimit -c \"$(ulimit -H -c)\"; } && exec \(command)"
        return try ChildProcess.launch("/bin/sh", arguments: ["-c", script], output: "\(directory)/output")
    }

    /// Waits for `pid` and returns its raw wait status; kills it if it outlives the wait.
    func reap(_ pid: pid_t) async throws -> Int32 {
        var status: Int32 = 0
        do {
            try await waitUntil(timeout: .seconds(30)) { waitpid(pid, &status, WNOHANG) == pid }
        } catch {
            kill(pid, SIGKILL)
            _ = waitpid(pid, &status, 0)
            throw error
        }
        return status
    }

    func coreFiles(in directory: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).filter { $0.hasPrefix("core") }
    }

    @Test func selfCheckReportsAnUndumpableProcessWithoutCoreFiles() async throws {
        try await withTemporaryDirectory(prefix: "pamtui-selfcheck") { directory in
            let pid = try launchUnlimited("\(shellQuoted(Pamtui.binary)) self-check", in: directory)
            let status = try await reap(pid)
            #expect(status == 0)
            let output = try String(contentsOfFile: "\(directory)/output", encoding: .utf8)
            #expect(output == "dumpable=0 core=0\n")
            let help = try await Pamtui.run(["--help"])
            #expect(!help.stdout.contains("self-check"), "the command is hidden")
        }
    }

    /// SIGQUIT's default action dumps core. A control process in the same conditions shows that
    /// this machine writes core files; where it does not (a piped core_pattern, a hard limit of 0)
    /// only the absence checks and `dumpable=0` above carry weight.
    @Test func sigquitLeavesNoCoreFile() async throws {
        try await withTemporaryDirectory(prefix: "pamtui-core") { directory in
            let control = "\(directory)/control"
            let target = "\(directory)/pamtui"
            for path in [control, target] { try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true) }

            let sleeper = try launchUnlimited("sleep 600", in: control)
            try await waitUntil(timeout: .seconds(10)) {
                (try? String(contentsOfFile: "/proc/\(sleeper)/comm", encoding: .utf8))?.hasPrefix("sleep") == true
            }
            kill(sleeper, SIGQUIT)
            let controlStatus = try await reap(sleeper)
            let controlDumped = controlStatus & 0x80 != 0

            let simulator = try launchUnlimited(
                "\(shellQuoted(Pamtui.binary)) simulate --state-dir \(shellQuoted(target))", in: target
            )
            do {
                try await waitUntil(timeout: .seconds(30)) {
                    ((try? String(contentsOfFile: "\(target)/output", encoding: .utf8)) ?? "").contains("\"ready\":true")
                }
            } catch {
                kill(simulator, SIGKILL)
                _ = try? await reap(simulator)
                throw error
            }
            // The Swift runtime would answer SIGQUIT with a register and memory dump and run on;
            // pamtui gives it back its default action.
            kill(simulator, SIGQUIT)
            let status = try await reap(simulator)
            #expect(status & 0x7f == SIGQUIT, "killed by SIGQUIT (status \(status))")
            #expect(status & 0x80 == 0, "the kernel reports no core dump")
            #expect(coreFiles(in: target).isEmpty)
            if controlDumped {
                #expect(!coreFiles(in: control).isEmpty, "the control process did dump core here")
            }
        }
    }

    @Test func secretVariablesDoNotReachSecretCommands() async throws {
        try await SimulateProcess.with { simulator in
            let apiKey = try #require(simulator.vendorField("beyondtrust", "apiKey"))
            let password = try #require(simulator.vendorField("beyondtrust", "password"))
            let passwordFile = "\(simulator.directory)/password"
            let childEnvironment = "\(simulator.directory)/child-environment"
            try password.write(toFile: passwordFile, atomically: true, encoding: .utf8)
            let config = try configVariant(of: simulator, name: "sources") { text in
                text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
                    if line.hasPrefix("api_key = ") { return "api_key_env = \"MY_SECRET_VAR\"" }
                    if line.hasPrefix("run_as_password = ") {
                        return "run_as_password_command = \"env > '\(childEnvironment)'; cat '\(passwordFile)'\""
                    }
                    return String(line)
                }.joined(separator: "\n")
            }
            let result = try await Pamtui.run(["ls", "systems"], environment: [
                "MY_SECRET_VAR": apiKey, "PAMTUI_TEST_TOKEN": "pamtui-token-value", "PAMTUI_CONFIG": config,
                "CLI_TEST_PLAIN": "plain-value",
            ])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout.contains("DC01"))
            let environment = try String(contentsOfFile: childEnvironment, encoding: .utf8)
            #expect(environment.contains("CLI_TEST_PLAIN=plain-value"))
            #expect(environment.contains("PAMTUI_CONFIG=\(config)"))
            #expect(!environment.contains("MY_SECRET_VAR") && !environment.contains(apiKey))
            #expect(!environment.contains("PAMTUI_TEST_TOKEN") && !environment.contains("pamtui-token-value"))
        }
    }
}
