import ArgumentParser
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

    /// Loads the config and prints its warnings.
    func loadConfiguration() throws -> PAMConfiguration {
        let configuration = try ConfigLoader.load(path: configPath, vendors: VendorRegistry.standard.schemas)
        for warning in configuration.warnings { Console.warn(warning.description) }
        return configuration
    }

    /// The trace observer, when tracing was asked for.
    func traceObserver() throws -> (any HTTPExchangeObserver)? {
        if let traceFile { return try TraceWriter(path: traceFile) }
        return trace ? TraceWriter(fileDescriptor: 2) : nil
    }

    func workspace() throws -> Workspace {
        Workspace(configuration: try loadConfiguration(), observer: try traceObserver())
    }
}

/// The profile choice of commands that work on one or all profiles.
struct ProfileOption: ParsableArguments {
    @Option(name: .shortAndLong, help: ArgumentHelp("Profile to use (default: the only one, or all for ls).", valueName: "name"))
    var profile: String?
}
