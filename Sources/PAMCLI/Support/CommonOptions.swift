import ArgumentParser
import Foundation
import PAMConfig
import PAMCore
import PAMModules
import PAMTransport

/// Options every subcommand accepts.
struct CommonOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Config file (default: $PAMTUI_CONFIG, else $XDG_CONFIG_HOME/pamtui/config.toml).", valueName: "file"))
    var config: String?

    @Flag(name: .long, help: "Trace every API call (method, path, status, time; never credentials) to stderr.")
    var trace = false

    @Option(name: .customLong("trace-file"), help: ArgumentHelp("Append the trace to this file (mode 0600) instead of stderr.", valueName: "file"))
    var traceFile: String?

    /// The config path in use.
    var configPath: String { ConfigLocation.resolve(flag: config).path }

    /// Loads the config and prints its warnings. Commands printed from here on name it.
    func loadConfiguration() throws -> PAMConfiguration {
        let configPath = configPath
        ShellCommand.use(configPath: configPath)
        guard FileManager.default.fileExists(atPath: configPath) else {
            Console.err("pamtui: " + Self.missing(configPath))
            throw ExitCode(1)
        }
        let configuration = try ConfigLoader.load(path: configPath, vendors: VendorRegistry.standard.schemas)
        for warning in configuration.warnings { Console.warn(warning.description) }
        return configuration
    }

    /// What to do without a config, as commands that work when pasted (the folder may be new).
    /// Call after `ShellCommand.use`, so the check names the same file.
    static func missing(_ path: String) -> String {
        let folder = (path as NSString).deletingLastPathComponent
        let quoted = ShellCommand.quoted(path)
        return """
            no config at \(path).
              Try it first:    pamtui demo
              Start a config:  mkdir -p \(ShellCommand.quoted(folder)) && pamtui config example > \(quoted) && chmod 600 \(quoted)
              Then edit it and check it with: \(ShellCommand.pamtui(["config", "check"]))
            """
    }

    /// The trace observer, when tracing was asked for.
    func traceObserver() throws -> (any HTTPExchangeObserver)? {
        if let traceFile { return try TraceWriter(path: traceFile) }
        return trace ? TraceWriter(fileDescriptor: 2) : nil
    }

    func workspace() throws -> Workspace {
        Workspace(configuration: try loadConfiguration(), observer: try traceObserver(), prompter: TerminalPrompter())
    }
}

/// The profile choice of commands that work on one or all profiles.
struct ProfileOption: ParsableArguments {
    @Option(name: .shortAndLong, help: ArgumentHelp("Profile to use (default: the only one, or all for ls).", valueName: "name"))
    var profile: String?
}
