import Foundation
import PAMConfig
import PAMCore
import PAMSimulator
import PAMVendors

/// Delinea Secret Server: OAuth password grant (optional domain and one-time code), folders and
/// secrets with their template fields, and the secrets' check-out lock as leases.
public struct SecretServerModule: VendorModule {
    public init() {}

    public var id: VendorID { SecretServerClient.vendorID }

    public var schema: VendorSchema {
        VendorSchema(
            vendor: id, displayName: "Delinea Secret Server",
            plainKeys: ["username", "domain", "token_ttl", "max_refreshes"],
            secretKeys: ["password", "otp", "double_lock_password"],
            sourcedOnlyKeys: ["double_lock_password"],
            authMethods: ["password"],
            checkoutOptions: SecretServerCheckoutOptions.all
        )
    }

    public func capabilities(for profile: Profile) -> Capabilities {
        Capabilities(of: SecretServerClient.self)
    }

    /// Without an `otp` source the prompter asks for a one-time code when the server wants one;
    /// without a DoubleLock source it asks for the DoubleLock password when a secret needs it.
    public func makeClient(_ profile: Profile, transport: any HTTPTransport, prompter: (any SecretPrompter)?) throws -> any VendorClient {
        let auth = profile.auth
        var configuration = SecretServerConfiguration(
            siteURL: profile.url, username: try auth.required("username", profile: profile.name),
            password: try auth.secret("password", profile: profile.name), domain: auth.plain["domain"])
        configuration.listBounds = profile.listBounds
        configuration.prompter = prompter
        // The one-time code is read again at each full sign-in (otp_command asks for a new one);
        // the DoubleLock password when a DoubleLocked secret is first opened.
        configuration.oneTimeCode = Self.reader(auth.secrets["otp"], key: "otp", profile: profile.name)
        configuration.doubleLockPassword = Self.reader(auth.secrets["double_lock_password"], key: "double_lock_password", profile: profile.name)
        if let ttl = auth.plain["token_ttl"] {
            guard let seconds = Int(ttl), seconds > 0 else {
                throw PAMError(.configuration, "profile \(profile.name): token_ttl must be a number of seconds above 0, not '\(ttl)'")
            }
            configuration.tokenLifetime = TimeInterval(seconds)
        }
        if let refreshes = auth.plain["max_refreshes"] {
            guard let count = Int(refreshes), count >= 0 else {
                throw PAMError(.configuration, "profile \(profile.name): max_refreshes must be 0 or more, not '\(refreshes)'")
            }
            configuration.maxRefreshes = count
        }
        configuration.defaults = SecretServerDefaults(
            comment: profile.defaults.reason, requireComment: profile.defaults.requireReason,
            options: profile.defaults.checkoutOptions)
        return SecretServerClient(profile: profile.name, configuration: configuration, transport: transport)
    }

    /// Reads `source` each time it is called, errors naming the profile.
    private static func reader(_ source: SecretSource?, key: String, profile: String) -> (@Sendable () throws -> SecretBytes)? {
        guard let source else { return nil }
        return {
            do { return try source.resolve(key: key) } catch let error as PAMError { throw error.within(profile: profile) }
        }
    }

    public var simulator: SimulatorKind? { .secretserver }

    public var exampleProfile: String {
        #"""
        [profiles.vault-ss]
        vendor = "secretserver"
        url = "https://vault.example.com/SecretServer"   # the site URL (cloud: https://TENANT.secretservercloud.com)
        username = "svc-pamtui"
        password_command = "pass show pam/secretserver"  # or password_env = "SS_PASSWORD"
        # domain = "CORP"                 # for an Active Directory account
        # otp_command = "totp-cli get ss" # a fresh one-time code at each sign-in (two-factor); or otp_env;
        #                                 # without either pamtui asks when the server wants one
        # double_lock_password_command = "pass show pam/doublelock"  # or double_lock_password_env; never inline;
        #                                 # without either pamtui asks when a DoubleLocked secret is read
        # token_ttl = 1200                # seconds, when the server's token answer gives none
        # max_refreshes = 3               # refresh grants before a full sign-in (0: never refresh)
        # ticket = "CHG-1234"             # default ticket for check-outs and restricted reads
        """#
    }

    public var demoSteps: [[String]] {
        [
            ["ls", "folders", "-p", "secretserver"],
            ["ls", "secrets", "-p", "secretserver"],
        ]
    }

    /// The ready JSON names the site and the demo user; the simulator's other credentials are
    /// for tests.
    public func readyFields(_ endpoint: SimulatedEndpoint) -> [(key: String, value: String)] {
        ["username", "password", "domain"].compactMap { key in endpoint.credential(key).map { (key, $0) } }
    }

    /// The simulator reports `username`, `password` and `domain`; they are the profile's keys.
    public func simulatedProfileFields(_ endpoint: SimulatedEndpoint) -> [(key: String, value: String)] {
        var fields: [(key: String, value: String)] = [("auth", "password")]
        for key in ["username", "password", "domain"] {
            if let value = endpoint.credential(key), !value.isEmpty { fields.append((key, value)) }
        }
        return fields
    }
}
