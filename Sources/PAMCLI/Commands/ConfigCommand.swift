import ArgumentParser
import PAMConfig
import PAMCore
import PAMModules

/// `pamtui config check|example|path`.
struct ConfigCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Check, locate or start a config file.",
        subcommands: [Check.self, Example.self, Path.self]
    )

    struct Check: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Validate the config file and explain every problem (file:line: key: message).",
            discussion: "With --resolve, every secret source is also read (commands run, variables checked); values are never printed."
        )

        @Flag(name: .long, help: "Also read each secret source to prove it works.")
        var resolve = false

        @OptionGroup var common: CommonOptions

        func run() async throws {
            let path = common.configPath
            let result = try ConfigLoader.check(path: path, vendors: VendorRegistry.standard.schemas)
            result.issues.forEach { Console.err("\($0.severity.rawValue): \($0)") }
            let unresolved = resolve ? (result.configuration?.profiles ?? []).flatMap(resolveProblems) : []
            unresolved.forEach { Console.err($0) }
            let errors = result.errors.count + unresolved.count
            guard errors == 0 else {
                throw PAMError(.configuration, "\(path): \(Plural.count(errors, "error"))")
            }
            let count = result.configuration?.profiles.count ?? 0
            let warnings = result.warnings.isEmpty ? "" : ", \(Plural.count(result.warnings.count, "warning"))"
            Console.out("\(path): OK, \(Plural.count(count, "profile"))\(warnings)")
        }

        private func resolveProblems(_ profile: Profile) -> [String] {
            var sources = profile.auth.secrets.map { ($0.key, $0.value) }
            if let passphrase = profile.tls.clientKeyPassphrase { sources.append(("client_key_passphrase", passphrase)) }
            if let passphrase = profile.tls.clientPKCS12Passphrase { sources.append(("client_p12_passphrase", passphrase)) }
            if let password = profile.proxy?.password { sources.append(("proxy_password", password)) }
            return sources.sorted { $0.0 < $1.0 }.compactMap { key, source in
                do {
                    try source.resolve(key: key).wipe()
                    return nil
                } catch {
                    return "error: profile \(profile.name): \(PAMError.wrap(error).message)"
                }
            }
        }
    }

    struct Example: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print an annotated example config.")
        func run() { Console.out(ConfigExample.text(profiles: VendorRegistry.standard.modules.map(\.exampleProfile))) }
    }

    struct Path: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print the config path pamtui would use.")
        @OptionGroup var common: CommonOptions
        func run() { Console.out(common.configPath) }
    }
}
