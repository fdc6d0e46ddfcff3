import PAMConfig
import PAMCore
import PAMSimulator

/// Everything the rest of pamtui needs from one vendor: its name, its config schema and
/// check-out options, how to make a client for a profile and what that profile can do, and its
/// simulator with the profile and ready-JSON fields that go with it. Nothing outside a vendor's
/// folders and `VendorRegistry` names a vendor.
public protocol VendorModule: Sendable {
    var id: VendorID { get }
    /// The product name as its maker writes it.
    var displayName: String { get }
    /// Profile keys, secret keys, auth methods and check-out options.
    var schema: VendorSchema { get }
    /// What a profile of this vendor can do, known before connecting (from its auth method,
    /// say); the client made for it reports the same.
    func capabilities(for profile: Profile) -> Capabilities
    /// A signed-out client for `profile` on `transport`. Reads the profile's secret sources;
    /// `prompter` asks for what the profile has no source for (a one-time code), nil when
    /// nobody can be asked.
    func makeClient(_ profile: Profile, transport: any HTTPTransport, prompter: (any SecretPrompter)?) throws -> any VendorClient
    /// The vendor's simulator; nil until it has one.
    var simulator: SimulatorKind? { get }
    /// The profile keys (beyond `url` and TLS) that connect to a running simulator.
    func simulatedProfileFields(_ endpoint: SimulatedEndpoint) -> [(key: String, value: String)]
    /// The fields of the vendor's object in `simulate`'s ready JSON (beyond `url`).
    func readyFields(_ endpoint: SimulatedEndpoint) -> [(key: String, value: String)]
    /// An annotated `[profiles.NAME]` table for `pamtui config example`.
    var exampleProfile: String { get }
    /// The walk-through of `pamtui demo --cli` against this vendor's simulator, as typed after
    /// `pamtui` (the simulated profile is named after the vendor); empty when it has none.
    var demoSteps: [[String]] { get }
}

extension VendorModule {
    public var displayName: String { schema.displayName }

    public var demoSteps: [[String]] { [] }

    /// A client that can ask nobody (tests, scripts).
    public func makeClient(_ profile: Profile, transport: any HTTPTransport) throws -> any VendorClient {
        try makeClient(profile, transport: transport, prompter: nil)
    }

    /// By default the ready JSON lists the simulator's credentials as it reports them.
    public func readyFields(_ endpoint: SimulatedEndpoint) -> [(key: String, value: String)] {
        endpoint.credentials
    }
}
