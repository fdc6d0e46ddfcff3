import ArgumentParser
import Foundation
import PAMConfig
import PAMCore
import PAMModules
import PAMSimulator

/// `pamtui demo`: starts the built-in simulator over TLS and opens the terminal UI on it; with
/// `--cli`, walks the command line through list → check-out → show → check-in instead.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Try pamtui against the built-in simulator (no server or config needed).",
        discussion: "Quitting the UI stops the simulator and removes its temporary files."
    )

    @Option(name: .long, help: "Seed of the simulated world.")
    var seed: UInt64 = 1

    @Flag(name: .long, help: "Walk the command line through list, check-out, show and check-in instead of opening the UI.")
    var cli = false

    @OptionGroup var tui: TUIOptions
    @OptionGroup var common: CommonOptions

    func run() async throws {
        let stateDirectory = try TemporaryDirectory.make(prefix: "pamtui-demo")
        defer { try? FileManager.default.removeItem(atPath: stateDirectory) }
        var options = SimulatorOptions(vendors: VendorRegistry.standard.simulated.compactMap(\.simulator))
        options.tls = .tls
        options.stateDirectory = stateDirectory
        options.seed = seed
        let simulator = try await Simulator.start(options)
        let configPath = "\(stateDirectory)/config.toml"
        do {
            try SimulatedProfiles.write(simulator, to: configPath)
            if cli {
                Console.out("Simulator: \(simulator.endpoints.map { "\($0.vendor.rawValue) at \($0.url)" }.joined(separator: ", "))")
                Console.out("Config: \(configPath) (TLS verified against the simulator's own CA)\n")
                for step in Self.steps { try await run(step, configPath: configPath) }
            } else {
                var configuration = try ConfigLoader.load(path: configPath, vendors: VendorRegistry.standard.schemas)
                for index in configuration.profiles.indices where configuration.profiles[index].defaults.reason == nil {
                    configuration.profiles[index].defaults.reason = "pamtui demo"
                }
                // The simulator stops with the demo, and its leases with it: nothing to report.
                _ = try await TUISession.run(configuration: configuration, common: common, options: tui)
            }
            await simulator.stop()
        } catch {
            await simulator.stop()
            throw error
        }
    }

    /// The walk-through, as the user would type it: each simulated vendor's own steps.
    static var steps: [[String]] { VendorRegistry.standard.simulated.flatMap(\.demoSteps) }

    private func run(_ arguments: [String], configPath: String) async throws {
        // As typed: the config is the demo's own, gone when it ends, so it is left out.
        Console.out("$ " + (["pamtui"] + arguments).map(ShellCommand.quoted).joined(separator: " "))
        var passed = ["--config", configPath]
        if common.trace { passed.append("--trace") }
        if let traceFile = common.traceFile { passed += ["--trace-file", traceFile] }
        var command = try PamtuiCommand.parseAsRoot(PamtuiCommand.arguments(arguments + passed))
        if var asyncCommand = command as? any AsyncParsableCommand {
            try await asyncCommand.run()
        } else {
            try command.run()
        }
        Console.out("")
    }
}
