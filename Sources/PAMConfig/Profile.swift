import PAMCore

/// One vendor connection from the config file.
public struct Profile: Sendable {
    public var name: String
    public var vendor: VendorID
    /// The API base URL.
    public var url: String
    public var auth: AuthSettings
    public var tls: TLSSettings
    public var proxy: ProxyConfig?
    /// Allow plain `http://` to a host that is not loopback.
    public var insecureHTTP: Bool
    public var connectTimeoutSeconds: Double
    public var timeoutSeconds: Double
    public var defaults: ProfileDefaults
    /// Where its lists are cut off: `max_list_rows` of the profile, else of `[defaults]`.
    public var listBounds: ListBounds
    /// File and line of the profile's table, for messages.
    public var file: String
    public var line: Int?

    public init(name: String, vendor: VendorID, url: String, file: String = "<memory>") {
        self.name = name
        self.vendor = vendor
        self.url = url
        self.auth = AuthSettings()
        self.tls = TLSSettings()
        self.proxy = nil
        self.insecureHTTP = false
        self.connectTimeoutSeconds = 10
        self.timeoutSeconds = 60
        self.defaults = ProfileDefaults()
        self.listBounds = Profile.listBounds(maxRows: ListBounds.defaultMaxRows)
        self.file = file
        self.line = nil
    }
}

extension Profile {
    /// The config key of the list bound, named in the error when a list exceeds it.
    public static let maxListRowsKey = "max_list_rows"

    /// Bounds of `maxRows` rows that name the key raising them.
    public static func listBounds(maxRows: Int) -> ListBounds {
        ListBounds(maxRows: maxRows, setting: maxListRowsKey)
    }
}

/// Authentication fields: plain ones (user names, client ids) and secret ones.
public struct AuthSettings: Sendable {
    /// The method, one of the vendor schema's `authMethods`.
    public var method: String?
    public var plain: [String: String] = [:]
    public var secrets: [String: SecretSource] = [:]

    public init(method: String? = nil) { self.method = method }

    /// Resolves a secret field, or throws a configuration error naming the missing key.
    public func secret(_ key: String, profile: String) throws -> SecretBytes {
        guard let source = secrets[key] else {
            throw PAMError(.configuration, "profile \(profile) needs \(key), \(key)_env or \(key)_command")
        }
        do {
            return try source.resolve(key: key)
        } catch let error as PAMError {
            throw error.within(profile: profile)
        }
    }

    /// Resolves a secret field when it is configured.
    public func optionalSecret(_ key: String, profile: String) throws -> SecretBytes? {
        guard secrets[key] != nil else { return nil }
        return try secret(key, profile: profile)
    }

    /// A plain field, or a configuration error naming the missing key.
    public func required(_ key: String, profile: String) throws -> String {
        guard let value = plain[key], !value.isEmpty else {
            throw PAMError(.configuration, "profile \(profile) needs \(key)")
        }
        return value
    }
}

/// TLS settings of a profile.
public struct TLSSettings: Sendable {
    /// False only when the profile says `tls_verify = false`; every run then warns.
    public var verify = true
    public var caFile: String?
    public var clientCertificate: String?
    public var clientKey: String?
    public var clientKeyPassphrase: SecretSource?
    public var clientPKCS12: String?
    public var clientPKCS12Passphrase: SecretSource?

    public init() {}
}

/// An explicit proxy for a profile.
public struct ProxyConfig: Sendable {
    public var url: String
    /// none, basic, digest, ntlm or negotiate.
    public var auth: String
    public var username: String?
    public var password: SecretSource?
    public var noProxy: String?
}

/// Defaults a profile applies to check-outs.
public struct ProfileDefaults: Sendable, Equatable {
    public var durationMinutes: Int?
    public var reason: String?
    /// The vendor's check-out options the profile (or `[defaults]`) sets, by key.
    public var checkoutOptions: [String: String] = [:]
    /// Refuse a check-out without a reason (a policy some sites have).
    public var requireReason = false

    public init() {}
}
