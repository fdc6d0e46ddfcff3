import Foundation
import PAMConfig
import PAMCore
import PAMModules
import PAMSimulator
import PAMTestSupport
import PAMTransport

/// One vendor's simulator with a client made the way the CLI makes it: the profile comes from the
/// module's simulated-profile fields, through the config loader, into the module's client factory.
struct ConformanceFixture {
    var client: any VendorClient
    var clock: ManualSimulatorClock
    var serverLog: Locked<[String]>
    var module: any VendorModule
    var endpoint: SimulatedEndpoint
    var transport: CurlTransport

    /// A client for the same simulator whose profile differs in `fields` (another user); the
    /// caller signs it out.
    func client(replacing fields: [String: String]) throws -> any VendorClient {
        try module.makeClient(try Self.profile(module, endpoint, corrupting: nil, replacing: fields), transport: transport)
    }

    /// Lines the simulator logged whose request contains `fragment`.
    func served(_ fragment: String) -> [String] {
        serverLog.withLock { $0.filter { $0.localizedCaseInsensitiveContains(fragment) } }
    }

    /// Starts the case's simulator (optionally with faults), runs `body`, then signs out and stops.
    static func with(
        _ test: ConformanceCase, faults: FaultPlan = .none, scale: Int = 0, corrupting key: String? = nil,
        _ body: (ConformanceFixture) async throws -> Void
    ) async throws {
        guard let kind = test.module.simulator else { throw PAMError(.unsupported, "\(test.module.id) has no simulator") }
        let clock = ManualSimulatorClock(Date())
        let serverLog = Locked<[String]>([])
        var options = SimulatorOptions(vendors: [kind])
        options.clock = clock
        options.faults = faults
        options.scale = scale
        options.requestLog = { line in serverLog.withLock { $0.append(line) } }
        try await withSimulator(options) { simulator in
            guard let endpoint = simulator.endpoint(for: kind) else { throw PAMError(.notFound, "no endpoint") }
            let profile = try profile(test.module, endpoint, corrupting: key)
            let transport = try CurlTransport(options: TransportOptions(), observer: nil)
            let client = try test.module.makeClient(profile, transport: transport)
            let fixture = ConformanceFixture(
                client: client, clock: clock, serverLog: serverLog, module: test.module, endpoint: endpoint, transport: transport)
            do {
                try await body(fixture)
            } catch {
                await client.signOut()
                transport.shutdown()
                throw error
            }
            await client.signOut()
            transport.shutdown()
        }
    }

    private static func profile(
        _ module: any VendorModule, _ endpoint: SimulatedEndpoint, corrupting key: String?, replacing: [String: String] = [:]
    ) throws -> Profile {
        let fields = module.simulatedProfileFields(endpoint).map { field in
            if let value = replacing[field.key] { return (key: field.key, value: value) }
            return field.key == key ? (key: field.key, value: "wrong-" + field.value) : field
        }
        let entry = ConfigWriter.Entry(name: module.id.rawValue, vendor: module.id, url: endpoint.url, fields: fields)
        let text = ConfigWriter.render([entry], header: "conformance")
        let result = ConfigLoader.parse(text, path: "/conformance.toml", vendors: VendorRegistry.standard.schemas)
        if let error = result.errors.first { throw error.error }
        guard let profile = result.configuration?.profiles.first else { throw PAMError(.configuration, "no profile written") }
        return profile
    }
}
