import Foundation
import PAMCore

/// A vendor simulator that can be started: the vendor it speaks for and how to make it. Each
/// vendor's folder declares one (`SimulatorKind.beyondtrust`); the vendor's module hands it to
/// `Simulator.start`, so the framework never lists vendors itself.
public struct SimulatorKind: Sendable {
    public let vendor: VendorID
    /// The product's short name, as people say it ("Password Safe").
    public let shortName: String
    /// The vendor-specific settings it takes (``SimulatorOptions/settings``).
    public let settings: [SimulatorSetting]
    let make: @Sendable (SimulatorEnvironment) -> any SimulatedVendor

    init(
        vendor: VendorID, shortName: String, settings: [SimulatorSetting] = [],
        make: @escaping @Sendable (SimulatorEnvironment) -> any SimulatedVendor
    ) {
        self.vendor = vendor
        self.shortName = shortName
        self.settings = settings
        self.make = make
    }
}

/// What every vendor simulator is given when it starts.
struct SimulatorEnvironment: Sendable {
    var seed: UInt64
    var scale: Int
    var faults: FaultPlan
    var clock: any SimulatorClock
    /// This vendor's own settings, checked against its ``SimulatorKind/settings``.
    var settings = SimulatorSettings()
}

/// One vendor's simulator: a base path, a declarative route table and the credentials a
/// client needs. The HTTP server, faults and routing around it are shared.
protocol SimulatedVendor: Sendable {
    /// The path every route hangs under, e.g. `/BeyondTrust/api/public/v3`.
    var basePath: String { get }
    /// Older base paths the product still answers on (same routes).
    var aliasBasePaths: [String] { get }
    /// All routes, relative to ``basePath``.
    var routes: RouteTable { get }
    /// Credentials to hand to a client, in the order documented on ``SimulatedEndpoint``.
    var credentials: [(key: String, value: String)] { get }
    /// The answer for a path no route knows.
    func notFound(_ request: SimulatorRequest) -> SimulatorResponse
    /// The answer for a route declared with `requiresClientCertificate` when the connection
    /// presented no client certificate (only possible with ``SimulatorTLS/optionalClientCertificate``
    /// or plain HTTP; ``SimulatorTLS/mutualTLS`` refuses such clients in the handshake).
    func clientCertificateRequired(_ request: SimulatorRequest) -> SimulatorResponse
}

extension SimulatedVendor {
    var aliasBasePaths: [String] { [] }

    func notFound(_ request: SimulatorRequest) -> SimulatorResponse {
        .jsonString(404, "Not found")
    }

    func clientCertificateRequired(_ request: SimulatorRequest) -> SimulatorResponse {
        .jsonString(403, "A client certificate is required.")
    }
}
