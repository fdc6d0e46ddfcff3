import PAMConfig
import PAMCore
import PAMSimulator
import PAMVendors

/// BeyondTrust Password Safe: API key (PS-Auth) or OAuth sign-in, systems, accounts, requests
/// and Secrets Safe.
public struct BeyondTrustModule: VendorModule {
    public init() {}

    public var id: VendorID { BeyondTrustClient.vendorID }

    public var schema: VendorSchema {
        VendorSchema(
            vendor: id, displayName: "BeyondTrust Password Safe",
            plainKeys: ["run_as", "client_id"],
            secretKeys: ["api_key", "run_as_password", "client_secret"],
            authMethods: ["api_key", "oauth"],
            checkoutOptions: BeyondTrustCheckoutOptions.all
        )
    }

    public func capabilities(for profile: Profile) -> Capabilities {
        Capabilities(of: BeyondTrustClient.self)
    }

    /// BeyondTrust signs in with a key or OAuth client: nothing to ask.
    public func makeClient(_ profile: Profile, transport: any HTTPTransport, prompter: (any SecretPrompter)?) throws -> any VendorClient {
        var configuration = BeyondTrustConfiguration(baseURL: profile.url, authentication: try authentication(profile))
        configuration.defaults = ProfileCheckoutDefaults(
            durationMinutes: profile.defaults.durationMinutes, reason: profile.defaults.reason,
            options: profile.defaults.checkoutOptions, requireReason: profile.defaults.requireReason
        )
        configuration.listBounds = profile.listBounds
        return BeyondTrustClient(profile: profile.name, configuration: configuration, transport: transport)
    }

    private func authentication(_ profile: Profile) throws -> BeyondTrustConfiguration.Authentication {
        let auth = profile.auth
        let method = auth.method ?? (auth.plain["client_id"] != nil ? "oauth" : "api_key")
        if method == "oauth" {
            return .oauth(
                clientID: try auth.required("client_id", profile: profile.name),
                clientSecret: try auth.secret("client_secret", profile: profile.name)
            )
        }
        return .apiKey(
            key: try auth.secret("api_key", profile: profile.name),
            runAs: try auth.required("run_as", profile: profile.name),
            password: try auth.optionalSecret("run_as_password", profile: profile.name)
        )
    }

    public var simulator: SimulatorKind? { .beyondtrust }

    public var exampleProfile: String {
        #"""
        [profiles.prod-bt]
        vendor = "beyondtrust"
        url = "https://pam.example.com/BeyondTrust/api/public/v3"
        auth = "api_key"                # api_key | oauth
        # Every secret can come from KEY_env (a variable name), KEY_command (run by /bin/sh,
        # stdout is the value) or KEY itself (inline; warns unless the file is mode 0600).
        api_key_command = "pass show pam/bt-api-key"
        run_as = "svc-pamtui"
        run_as_password_env = "BT_RUNAS_PASSWORD"   # only if the API registration requires it
        # For auth = "oauth":
        # client_id = "6a8c0d7e-0000-4000-8000-000000000000"
        # client_secret_env = "BT_CLIENT_SECRET"
        """#
    }

    public var demoSteps: [[String]] {
        [
            ["ls", "systems", "--filter", "DC"],
            ["ls", "accounts", "--system", "DC01"],
            ["checkout", "beyondtrust:DC01/admin", "--reason", "demo: patch the domain controller", "--duration", "30"],
            ["ls", "requests"],
            ["show", "beyondtrust:DC01/admin"],
            ["checkin", "beyondtrust:DC01/admin", "--reason", "demo: done"],
            ["ls", "folders"],
        ]
    }

    public func simulatedProfileFields(_ endpoint: SimulatedEndpoint) -> [(key: String, value: String)] {
        var fields: [(key: String, value: String)] = [("auth", "api_key")]
        for (profileKey, credentialKey) in [("api_key", "apiKey"), ("run_as", "runAs"), ("run_as_password", "password")] {
            if let value = endpoint.credential(credentialKey) { fields.append((profileKey, value)) }
        }
        return fields
    }
}
