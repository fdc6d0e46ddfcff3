import ArgumentParser
import Foundation
import PAMConfig
import PAMCore
import PAMModules
import PAMSimulator

/// `pamtui simulate`: serves vendor APIs on loopback until SIGINT or SIGTERM.
struct SimulateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Serve simulated vendor APIs on loopback (for the demo, tests and trying pamtui).",
        discussion: HelpText.layout("""
        When ready, prints exactly one JSON line on stdout (here in two):
          {"ready":true,"ca":PATH|null,"config":PATH|null,
           "vendors":{"VENDOR":{"url":…,"apiKey":…}}}
        then serves until SIGINT or SIGTERM and exits 0.

        Faults (--faults, comma-separated):
        \(FaultPlan.help)

        Vendor settings (--set VENDOR.KEY=VALUE, repeatable):
        \(settingsHelp)
        """)
    )

    /// Each simulated vendor's settings, one line each.
    static var settingsHelp: String {
        VendorRegistry.standard.simulated.compactMap(\.simulator).flatMap { kind in
            kind.settings.map { "  \(kind.vendor.rawValue).\($0.key)".padding(toLength: 40, withPad: " ", startingAt: 0) + $0.help }
        }.joined(separator: "\n")
    }

    @Option(name: .long, help: ArgumentHelp("Vendors to simulate: a comma list or 'all'.", valueName: "list"))
    var vendors: String = "all"

    @Option(name: .long, help: "Address to listen on; non-loopback needs --public.")
    var host: String = "127.0.0.1"

    @Flag(name: .long, help: "Allow listening on a non-loopback address.")
    var `public` = false

    @Option(name: .long, help: "Port of the first vendor (next vendors take the next ports); 0 = an ephemeral port each.")
    var port: Int = 0

    @Flag(name: .long, help: "Serve HTTPS with a CA and server certificate generated under --state-dir.")
    var tls = false

    @Flag(name: .customLong("require-client-cert"), help: "Also generate a client certificate and require it (implies --tls).")
    var requireClientCert = false

    @Flag(name: .customLong("request-client-cert"), help: "Generate a client certificate and ask for it without requiring it; routes that need one refuse without (implies --tls).")
    var requestClientCert = false

    @Option(name: .customLong("state-dir"), help: ArgumentHelp("Where certificates are written (default: a new temporary folder).", valueName: "dir"))
    var stateDir: String?

    @Option(name: .customLong("write-config"), help: ArgumentHelp("Write a pamtui config with one profile per vendor.", valueName: "file"))
    var writeConfig: String?

    @Option(name: .long, help: "Add this many managed accounts, spread over N/50 systems.")
    var scale: Int = 0

    @Option(name: .long, help: "Seed of the generated world.")
    var seed: UInt64 = 1

    @Option(name: .long, help: ArgumentHelp("Faults to inject (see below).", valueName: "list"))
    var faults: String?

    @Option(name: .customLong("set"), help: ArgumentHelp("A vendor setting, VENDOR.KEY=VALUE (repeatable; see below).", valueName: "setting"))
    var settings: [String] = []

    @OptionGroup var common: CommonOptions

    func validate() throws {
        if !self.public && !LoopbackHost.isLoopback(host) {
            throw ValidationError("--host \(host) is not a loopback address: add --public to serve it anyway")
        }
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be 0 to 65535") }
        guard scale >= 0 else { throw ValidationError("--scale must not be negative") }
        if requireClientCert && requestClientCert {
            throw ValidationError("--require-client-cert and --request-client-cert exclude each other")
        }
    }

    func run() async throws {
        let simulator = try await Simulator.start(try options())
        if let writeConfig { try SimulatedProfiles.write(simulator, to: writeConfig) }
        Console.out(readyLine(simulator))
        _ = await TerminationSignal.wait()
        await simulator.stop()
    }

    func options() throws -> SimulatorOptions {
        var options = SimulatorOptions(vendors: try Self.vendorList(vendors))
        options.host = host
        options.port = port
        options.tls = requireClientCert ? .mutualTLS : requestClientCert ? .optionalClientCertificate : (tls ? .tls : .none)
        if options.tls != .none { options.stateDirectory = try stateDir ?? TemporaryDirectory.make(prefix: "pamtui-sim") }
        options.scale = scale
        options.seed = seed
        if let faults { options.faults = try FaultPlan(parsing: faults) }
        for setting in settings {
            let parts = setting.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, !parts[0].isEmpty else {
                throw ValidationError("--set \(setting): expected VENDOR.KEY=VALUE, for example secretserver.token-ttl=5m")
            }
            options.settings[parts[0]] = parts[1]
        }
        return options
    }

    /// The simulators named by `--vendors` (`all`: every registered vendor that has one).
    static func vendorList(_ text: String, registry: VendorRegistry = .standard) throws -> [SimulatorKind] {
        if text.lowercased() == "all" { return registry.simulated.compactMap(\.simulator) }
        return try text.split(separator: ",").map { name in
            let module = try registry.module(VendorID(name.trimmingCharacters(in: .whitespaces)))
            guard let simulator = module.simulator else {
                let simulated = registry.simulated.map(\.id.rawValue).joined(separator: ", ")
                throw PAMError(.unsupported, "\(module.displayName) has no simulator yet (simulated: \(simulated))")
            }
            return simulator
        }
    }

    private func readyLine(_ simulator: Simulator) -> String {
        let vendors = simulator.endpoints.map { endpoint in
            let own = (try? VendorRegistry.standard.module(endpoint.vendor).readyFields(endpoint)) ?? endpoint.credentials
            let fields = [("url", endpoint.url)] + own.map { ($0.key, $0.value) }
            return "\(JSONText.quote(endpoint.vendor.rawValue)):{" + fields.map { "\(JSONText.quote($0.0)):\(JSONText.quote($0.1))" }.joined(separator: ",") + "}"
        }
        var parts = [
            "\"ready\":true",
            "\"ca\":\(JSONText.quoteOrNull(simulator.tlsMaterial?.caCertificatePath))",
            "\"config\":\(JSONText.quoteOrNull(writeConfig))",
        ]
        if let tls = simulator.tlsMaterial, let certificate = tls.clientCertificatePath {
            parts.append("\"clientCert\":\(JSONText.quote(certificate))")
            parts.append("\"clientKey\":\(JSONText.quoteOrNull(tls.clientKeyPath))")
        }
        parts.append("\"vendors\":{" + vendors.joined(separator: ",") + "}")
        return "{" + parts.joined(separator: ",") + "}"
    }
}

/// JSON string literals for hand-ordered output.
enum JSONText {
    static func quote(_ text: String) -> String {
        String(decoding: JSONWriter.stringLiteral(text), as: UTF8.self)
    }

    static func quoteOrNull(_ text: String?) -> String { text.map(quote) ?? "null" }
}

/// Private temporary folders.
enum TemporaryDirectory {
    static func make(prefix: String) throws -> String {
        var template = Array((NSTemporaryDirectory() as NSString).appendingPathComponent("\(prefix)-XXXXXX").utf8CString)
        let made: String? = template.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress, mkdtemp(base) != nil else { return nil }
            return String(cString: base)
        }
        guard let made else {
            throw PAMError(.configuration, "cannot create a temporary folder: \(String(cString: strerror(errno)))")
        }
        return made
    }
}
