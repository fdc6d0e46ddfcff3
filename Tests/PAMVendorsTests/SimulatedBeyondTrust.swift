import Foundation
import PAMCore
import PAMSimulator
import PAMTestSupport
import PAMTransport
import PAMVendors

/// A BeyondTrust client connected to an in-process simulator, for scenario tests.
struct SimulatedBeyondTrust {
    var simulator: Simulator
    var client: BeyondTrustClient
    var transport: CurlTransport
    var endpoint: SimulatedEndpoint
    var serverLog: Locked<[String]>

    /// Lines the simulator logged whose request path contains `fragment`.
    func served(_ fragment: String) -> [String] {
        serverLog.withLock { $0.filter { $0.localizedCaseInsensitiveContains(fragment) } }
    }

    static func authentication(_ endpoint: SimulatedEndpoint, oauth: Bool) -> BeyondTrustConfiguration.Authentication {
        if oauth {
            return .oauth(clientID: endpoint.credential("oauthClientId") ?? "", clientSecret: SecretBytes(utf8: endpoint.credential("oauthClientSecret") ?? ""))
        }
        return .apiKey(
            key: SecretBytes(utf8: endpoint.credential("apiKey") ?? ""), runAs: endpoint.credential("runAs") ?? "",
            password: endpoint.credential("password").map { SecretBytes(utf8: $0) }
        )
    }
}

/// Starts a BeyondTrust simulator and a client for it, runs `body`, then signs out and stops.
func withBeyondTrust(
    tls: SimulatorTLS = .none, oauth: Bool = false, clock: (any SimulatorClock)? = nil, pageSize: Int = 1000,
    trace: (any HTTPExchangeObserver)? = nil, transportOptions: ((inout TransportOptions, TLSMaterial?) throws -> Void)? = nil,
    _ body: (SimulatedBeyondTrust) async throws -> Void
) async throws {
    try await withTemporaryDirectory { directory in
        let serverLog = Locked<[String]>([])
        var options = SimulatorOptions(vendors: [.beyondtrust])
        options.tls = tls
        options.stateDirectory = directory
        options.requestLog = { line in serverLog.withLock { $0.append(line) } }
        if let clock { options.clock = clock }
        return try await withSimulator(options) { simulator in
            let endpoint = try requireEndpoint(simulator)
            var settings = TransportOptions()
            if let material = simulator.tlsMaterial {
                settings.caBundle = Array(try Data(contentsOf: URL(fileURLWithPath: material.caCertificatePath)))
            }
            try transportOptions?(&settings, simulator.tlsMaterial)
            let transport = try CurlTransport(options: settings, observer: trace)
            var configuration = BeyondTrustConfiguration(
                baseURL: endpoint.url, authentication: SimulatedBeyondTrust.authentication(endpoint, oauth: oauth)
            )
            configuration.pageSize = pageSize
            let client = BeyondTrustClient(profile: "bt", configuration: configuration, transport: transport)
            let fixture = SimulatedBeyondTrust(simulator: simulator, client: client, transport: transport, endpoint: endpoint, serverLog: serverLog)
            do {
                try await body(fixture)
                await client.signOut()
                transport.shutdown()
            } catch {
                await client.signOut()
                transport.shutdown()
                throw error
            }
        }
    }
}

private func requireEndpoint(_ simulator: Simulator) throws -> SimulatedEndpoint {
    guard let endpoint = simulator.endpoint(for: .beyondtrust) else { throw PAMError(.notFound, "no BeyondTrust endpoint") }
    return endpoint
}
