import ArgumentParser
import Foundation
import PAMConfig
import PAMCore
import PAMModules

/// The `pamtui` command line.
///
/// Module map (each arrow: "is used by"): PAMCore (domain, secrets, errors) → PAMTransport
/// (libcurl), PAMConfig (TOML profiles), PAMVendors (clients, one folder per vendor) and
/// PAMSimulator (loopback vendor servers) → PAMModules (one module per vendor, the registry) →
/// PAMCLI (these commands and the UI session, with PAMApp, PAMScreen, PAMCurses, PAMClipboard).
struct PamtuiCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pamtui",
        abstract: "Browse and use privileged accounts in PAM products, from the terminal.",
        discussion: HelpText.layout("""
        References to accounts are [PROFILE:]SYSTEM/ACCOUNT; the profile may be left out when the \
        config has only one.

        Exit codes:
          0  ok
          1  error
          2  usage
          3  authentication
          4  not found
          5  conflict
          6  transport or TLS

        Shell completions: pamtui --generate-completion-script bash|zsh|fish
        """),
        version: "0.1.0",
        subcommands: [
            ListCommand.self, CheckoutCommand.self, ShowCommand.self, CheckinCommand.self, LeasesCommand.self, SecretCommand.self,
            FolderCommand.self, MetadataCommand.self,
            ConfigCommand.self, SimulateCommand.self, DemoCommand.self, BenchUICommand.self, SelfCheckCommand.self,
        ]
    )

    @OptionGroup var tui: TUIOptions
    @OptionGroup var common: CommonOptions

    func run() async throws {
        let kept = try await TUISession.run(configuration: try common.loadConfiguration(), common: common, options: tui)
        TUISession.reportKept(kept)
    }
}

extension PamtuiCommand {
    /// The command line as ArgumentParser reads it: vendor check-out flags become `--option`.
    static func arguments(_ typed: [String]) -> [String] {
        CheckoutOptions.rewritingVendorFlags(typed, options: VendorRegistry.standard.checkoutOptions)
    }
}

/// The process entry: hardens the process, runs the command line and turns errors into one line
/// and an exit code. Every message goes out through `Console`, sanitised.
public enum PamtuiMain {
    public static func main() async {
        // Before anything holds a secret: no core dumps, no same-user ptrace.
        ProcessHardening.apply()
        let typed = Array(CommandLine.arguments.dropFirst())
        do {
            try UserTextCheck.check(typed)
            let arguments = PamtuiCommand.arguments(typed)
            var command = try PamtuiCommand.parseAsRoot(arguments)
            if command is any GracefulOnSignal {
                // Parsed again inside the task that a signal may cancel, so nothing is shared.
                try await CommandSignals.run {
                    guard var graceful = try PamtuiCommand.parseAsRoot(arguments) as? any AsyncParsableCommand else { return }
                    try await graceful.run()
                }
            } else if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
            exit(0)
        } catch let error as PAMError {
            Console.err("pamtui: \(TerminalText.sanitized(error.description))")
            exit(error.exitCode)
        } catch {
            let code = PamtuiCommand.exitCode(for: error)
            // --help, --version and completion scripts: ArgumentParser prints them to stdout.
            if code == .success { PamtuiCommand.exit(withError: error) }
            if code == .validationFailure,
                let short = UsageHint.message(for: error, typed: typed, vendorFlags: VendorRegistry.standard.checkoutOptions.map(\.flag))
            {
                Console.err(short)
                exit(2)
            }
            let message = PamtuiCommand.fullMessage(for: error)
            if !message.isEmpty { Console.err(message) }
            exit(code == .validationFailure ? 2 : code.rawValue)
        }
    }
}
