import Foundation
import PAMCore

/// Loopback HTTP(S) servers that speak each vendor's wire protocol over a seeded demo world.
public final class Simulator: Sendable {
    /// One entry per simulated vendor, in the order they were asked for.
    public let endpoints: [SimulatedEndpoint]
    /// The certificates in use, when serving TLS.
    public let tlsMaterial: TLSMaterial?
    private let servers: [LoopbackServer]

    private init(endpoints: [SimulatedEndpoint], tlsMaterial: TLSMaterial?, servers: [LoopbackServer]) {
        self.endpoints = endpoints
        self.tlsMaterial = tlsMaterial
        self.servers = servers
    }

    /// Starts one server per vendor and returns once all are listening.
    public static func start(_ options: SimulatorOptions) async throws -> Simulator {
        try validate(options)
        let settings = try SimulatorSettings.split(options.settings, kinds: options.vendors)
        var material: TLSMaterial?
        if options.tls != .none, let directory = options.stateDirectory {
            try SecureFile.makeDirectory(directory)
            var hosts = ["127.0.0.1", "localhost", "::1"]
            if !hosts.contains(options.host), !["0.0.0.0", "::"].contains(options.host) { hosts.append(options.host) }
            material = try TLSMaterial.generate(in: directory, hosts: hosts, clientCertificate: options.tls.requestsClientCertificate)
        }
        let tls = try material.map { try LoopbackServer.tlsConfiguration($0, clientCertificates: options.tls) }
        let scheme = options.tls == .none ? "http" : "https"
        let hostInURL = options.host.contains(":") ? "[\(options.host)]" : options.host

        var servers: [LoopbackServer] = []
        var endpoints: [SimulatedEndpoint] = []
        do {
            for (index, kind) in options.vendors.enumerated() {
                let environment = SimulatorEnvironment(
                    seed: options.seed, scale: options.scale, faults: options.faults, clock: options.clock,
                    settings: settings[kind.vendor] ?? SimulatorSettings())
                let simulated = kind.make(environment)
                let responder = VendorResponder(
                    vendor: simulated,
                    faults: FaultInjector(plan: options.faults, seed: options.seed, stream: kind.vendor.rawValue),
                    clock: options.clock, requestLog: options.requestLog)
                let server = try await LoopbackServer.start(
                    host: options.host, port: options.port == 0 ? 0 : options.port + index,
                    tls: tls, responder: responder, label: kind.shortName)
                servers.append(server)
                endpoints.append(SimulatedEndpoint(
                    vendor: kind.vendor, url: "\(scheme)://\(hostInURL):\(server.port)\(simulated.basePath)",
                    credentials: simulated.credentials))
            }
        } catch {
            for server in servers { await server.stop() }
            throw error
        }
        return Simulator(endpoints: endpoints, tlsMaterial: material, servers: servers)
    }

    /// Stops every server and waits until they are gone. Calling it twice is harmless.
    public func stop() async {
        for server in servers { await server.stop() }
    }

    /// The endpoint for `vendor`, if it is simulated here.
    public func endpoint(for vendor: VendorID) -> SimulatedEndpoint? {
        endpoints.first { $0.vendor == vendor }
    }

    /// The endpoint of the simulator `kind`, if it runs here.
    public func endpoint(for kind: SimulatorKind) -> SimulatedEndpoint? {
        endpoint(for: kind.vendor)
    }

    private static func validate(_ options: SimulatorOptions) throws {
        guard !options.vendors.isEmpty else { throw PAMError(.usage, "no vendor to simulate") }
        if Set(options.vendors.map(\.vendor)).count != options.vendors.count {
            throw PAMError(.usage, "a vendor is listed more than once")
        }
        guard options.port >= 0, options.port + options.vendors.count - 1 <= 65535 else {
            throw PAMError(.usage, "port \(options.port) is out of range (0 for any free port, or 1–65535)")
        }
        guard options.scale >= 0 else { throw PAMError(.usage, "scale must be zero or more") }
        if options.tls != .none, options.stateDirectory == nil {
            throw PAMError(.usage, "serving TLS needs a state directory for the certificates")
        }
    }
}
