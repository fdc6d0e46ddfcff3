import Foundation
import PAMTestSupport
import Testing

/// Every command pamtui prints for the operator to paste works when pasted: it names the config
/// in use (unless it is the default one) and quotes what the shell would split or expand. Each
/// is run as pasted, through `/bin/sh -c` with pamtui on the PATH.
@Suite struct PastedCommandsTests {
    /// The environment of both the printing run and the pasted one (no PAMTUI_CONFIG, no user config).
    static let environment = ["XDG_CONFIG_HOME": "/nonexistent-pamtui-test-home"]

    /// The simulator's config moved into a folder whose name needs quoting, with its profile
    /// renamed to hold a space, so every reference and path in a printed command does too.
    func awkwardConfig(_ simulator: SimulateProcess) throws -> String {
        let folder = "\(simulator.directory)/my conf $HOME (test)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let path = "\(folder)/config.toml"
        let text = try String(contentsOfFile: simulator.configPath, encoding: .utf8)
            .replacingOccurrences(of: "[profiles.beyondtrust]", with: "[profiles.\"lab one\"]")
        #expect(text.contains("[profiles.\"lab one\"]"), "the profile was renamed")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        chmod(path, 0o600)
        return path
    }

    @Test func showsCheckInNoteWorksWhenPasted() async throws {
        try await SimulateProcess.with { simulator in
            let config = try awkwardConfig(simulator)
            let show = try await Pamtui.run(["show", "lab one:DC01/admin", "--config", config], environment: Self.environment)
            #expect(show.status == 0, "\(show.stderr)")
            let command = try #require(pasted(after: "check in with: ", in: show.stderr), "\(show.stderr)")
            #expect(command == "pamtui checkin 'lab one:DC01/admin' --config \(shellQuoted(config))")
            let checkin = try await runPasted(command)
            #expect(checkin.status == 0, "\(checkin.output)")
            #expect(checkin.output.contains("checked in lab one:DC01/admin"), "\(checkin.output)")
        }
    }

    @Test func pendingRequestIsWithdrawnWhenPasted() async throws {
        try await SimulateProcess.with { simulator in
            let config = try awkwardConfig(simulator)
            let checkout = try await Pamtui.run(
                ["checkout", "lab one:DC01/breakglass", "--reason", "incident", "--config", config], environment: Self.environment)
            #expect(checkout.status == 0, "\(checkout.stderr)")
            let command = try #require(pasted(after: "withdraw it with: ", in: checkout.stdout), "\(checkout.stdout)")
            #expect(command.hasSuffix("--config \(shellQuoted(config))"))
            let withdraw = try await runPasted(command)
            #expect(withdraw.status == 0, "\(withdraw.output)")
            #expect(withdraw.output.contains("withdrew the"), "\(withdraw.output)")
        }
    }

    /// PAMTUI_CONFIG names the config too; the default location (XDG) needs no flag, however it
    /// was named, and its commands work in the same environment.
    @Test func theConfigIsNamedOnlyWhenItIsNotTheDefault() async throws {
        try await SimulateProcess.with { simulator in
            let home = "\(simulator.directory)/xdg home"
            try FileManager.default.createDirectory(atPath: "\(home)/pamtui", withIntermediateDirectories: true)
            let standard = "\(home)/pamtui/config.toml"
            try FileManager.default.copyItem(atPath: simulator.configPath, toPath: standard)
            chmod(standard, 0o600)
            let cases: [(environment: [String: String], names: String?)] = [
                (["XDG_CONFIG_HOME": home], nil),
                (["XDG_CONFIG_HOME": home, "PAMTUI_CONFIG": standard], nil),
                (["XDG_CONFIG_HOME": home, "PAMTUI_CONFIG": simulator.configPath], simulator.configPath),
            ]
            for (environment, names) in cases {
                let show = try await Pamtui.run(["show", "DC01/admin"], environment: environment)
                #expect(show.status == 0, "\(show.stderr)")
                let command = try #require(pasted(after: "check in with: ", in: show.stderr), "\(show.stderr)")
                #expect(command == "pamtui checkin beyondtrust:DC01/admin" + (names.map { " --config \($0)" } ?? ""), "\(environment)")
                // Pasted with the config variables gone: the command alone must name the file.
                let pastedEnvironment = names == nil ? ["XDG_CONFIG_HOME": home] : Self.environment
                let checkin = try await runPasted(command, environment: pastedEnvironment)
                #expect(checkin.status == 0, "\(environment): \(checkin.output)")
            }
        }
    }

    @Test func missingConfigStartsOneWhenPasted() async throws {
        try await withTemporaryDirectory(prefix: "pamtui-paste") { directory in
            let config = "\(directory)/new folder $x/config.toml"
            let result = try await Pamtui.run(["ls", "systems", "--config", config], environment: Self.environment)
            #expect(result.status == 1)
            let start = try #require(pasted(after: "Start a config:", in: result.stderr), "\(result.stderr)")
            let started = try await runPasted(start)
            #expect(started.status == 0, "\(started.output)")
            let attributes = try FileManager.default.attributesOfItem(atPath: config)
            #expect((attributes[.posixPermissions] as? Int) == 0o600)
            let check = try #require(pasted(after: "check it with: ", in: result.stderr), "\(result.stderr)")
            #expect(check.contains("--config"))
            let checked = try await runPasted(check)
            #expect(checked.output.contains("config.toml: OK"), "\(checked.output)")
        }
    }

    /// The TUI's exit report: each kept lease with the command that checks it in.
    @Test(.enabled(if: TmuxSession.isAvailable)) func keptLeaseFromTheUIChecksInWhenPasted() async throws {
        try await SimulateProcess.with { simulator in
            let folder = "\(simulator.directory)/with space"
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            let config = "\(folder)/config.toml"
            try FileManager.default.copyItem(atPath: simulator.configPath, toPath: config)
            var screen = ""
            try await TmuxSession.withPamtui(["--config", config], width: 300) { tmux in
                try await tmux.sendKeys("/", "dc01", "Enter", "c", "Tab", "Tab", "Tab", "Tab", "Enter")
                _ = try await tmux.waitForScreen { $0.contains("leases: 1") }
                try await tmux.sendKeys("q", "Left", "Enter")
                screen = try await tmux.waitForScreen { $0.contains("EXIT=") }
            }
            #expect(screen.contains("pamtui: 1 lease still checked out:"), "\(screen)")
            let command = try #require(pasted(after: "check in with: ", in: screen), "\(screen)")
            #expect(command == "pamtui checkin beyondtrust:DC01/admin --config \(shellQuoted(config))")
            let checkin = try await runPasted(command)
            #expect(checkin.status == 0, "\(checkin.output)")
        }
    }
}

/// What follows `marker` on the first line holding it, trimmed.
func pasted(after marker: String, in text: String) -> String? {
    guard let line = text.split(separator: "\n").first(where: { $0.contains(marker) }),
        let range = line.range(of: marker)
    else { return nil }
    return line[range.upperBound...].trimmingCharacters(in: .whitespaces)
}

/// Runs `command` as an operator pasting it would: `/bin/sh -c`, with pamtui first on the PATH
/// and only the given config variables.
func runPasted(_ command: String, environment: [String: String] = PastedCommandsTests.environment) async throws -> ToolResult {
    var merged = ProcessInfo.processInfo.environment
    merged["PAMTUI_CONFIG"] = nil
    merged["XDG_CONFIG_HOME"] = nil
    let folder = URL(fileURLWithPath: Pamtui.binary).deletingLastPathComponent().path
    merged["PATH"] = folder + ":" + (merged["PATH"] ?? "/usr/bin:/bin")
    return try await runTool("/bin/sh", ["-c", command], environment: environment, base: merged, inItsFolder: true)
}
