import PAMCore

/// How the simulator's servers speak on the wire.
public enum SimulatorTLS: String, Sendable, CaseIterable {
    /// Plain HTTP.
    case none
    /// HTTPS with a certificate from a throw-away CA.
    case tls
    /// HTTPS that also requires a client certificate signed by that CA, on every path.
    case mutualTLS
    /// HTTPS that asks for a client certificate but also accepts clients without one; a
    /// certificate that is presented must be signed by the CA. Routes that need one refuse
    /// clients without it (Safeguard's A2A, next to its password sign-in).
    case optionalClientCertificate

    /// Whether a client certificate is generated and asked for in the handshake.
    var requestsClientCertificate: Bool { self == .mutualTLS || self == .optionalClientCertificate }
}

/// Everything `Simulator.start` needs to know.
public struct SimulatorOptions: Sendable {
    /// The vendors to simulate, one server each.
    public var vendors: [SimulatorKind]
    /// The address to listen on.
    public var host = "127.0.0.1"
    /// 0 = an ephemeral port per vendor; N > 0 = N, N+1, … in vendor order.
    public var port = 0
    /// Plain HTTP, TLS, mutual TLS or TLS with an optional client certificate.
    public var tls: SimulatorTLS = .none
    /// Where certificates are written (required when `tls` is not `.none`; created with mode 0700).
    public var stateDirectory: String?
    /// Seeds the demo world, the credentials and the fault generator.
    public var seed: UInt64 = 1
    /// Extra generated accounts (spread 50 to a system) on top of the demo world.
    public var scale = 0
    /// Faults to inject.
    public var faults = FaultPlan.none
    /// The clock sessions, tokens and requests expire by.
    public var clock: any SimulatorClock = SystemSimulatorClock()
    /// Vendor-specific settings, `VENDOR.KEY` → value (`secretserver.token-ttl` → `5m`); each
    /// vendor's ``SimulatorKind/settings`` lists its keys. Unknown keys or bad values fail the start.
    public var settings: [String: String] = [:]
    /// Called with one line per request (`GET /path?query → 200`), never with headers or bodies.
    public var requestLog: (@Sendable (String) -> Void)?

    /// Options for `vendors` with every other setting at its default.
    public init(vendors: [SimulatorKind]) {
        self.vendors = vendors
    }
}

/// A running vendor simulator as a client sees it.
public struct SimulatedEndpoint: Sendable {
    /// The vendor it speaks for.
    public var vendor: VendorID
    /// The API base URL, e.g. `https://127.0.0.1:PORT/BeyondTrust/api/public/v3`.
    public var url: String
    /// Sign-in material in a fixed order per vendor (the ready JSON prints it in this order).
    /// BeyondTrust: apiKey, runAs, password, oauthClientId, oauthClientSecret.
    public var credentials: [(key: String, value: String)]

    /// An endpoint as a simulator reports it.
    public init(vendor: VendorID, url: String, credentials: [(key: String, value: String)]) {
        self.vendor = vendor
        self.url = url
        self.credentials = credentials
    }

    /// The credential called `key`, if present.
    public func credential(_ key: String) -> String? {
        credentials.first { $0.key == key }?.value
    }
}
