import PAMCore

/// What the config needs to know of one vendor: the profile keys it understands beyond the
/// common ones, and its check-out options. Each vendor module supplies its schema; the loader
/// is given the registered ones and knows no vendor itself.
public struct VendorSchema: Sendable {
    public var vendor: VendorID
    public var displayName: String
    public var plainKeys: Set<String>
    public var secretKeys: Set<String>
    /// Secret keys that must come from `KEY_command` or `KEY_env`, never written in the file
    /// (a DoubleLock password guards secrets beyond the account's own).
    public var sourcedOnlyKeys: Set<String>
    /// Values of `auth`; the first is the default.
    public var authMethods: [String]
    /// Options a check-out takes (`conflict`, `access_type`); each is also a profile and
    /// `[defaults]` key.
    public var checkoutOptions: [CheckoutOptionSpec]

    public init(
        vendor: VendorID, displayName: String, plainKeys: Set<String>, secretKeys: Set<String>, sourcedOnlyKeys: Set<String> = [],
        authMethods: [String], checkoutOptions: [CheckoutOptionSpec] = []
    ) {
        self.vendor = vendor
        self.displayName = displayName
        self.plainKeys = plainKeys
        self.secretKeys = secretKeys
        self.sourcedOnlyKeys = sourcedOnlyKeys
        self.authMethods = authMethods
        self.checkoutOptions = checkoutOptions
    }

    /// Keys every profile may have.
    static let commonPlainKeys: Set<String> = [
        "vendor", "url", "auth", "tls_verify", "ca_file", "client_cert", "client_key", "client_p12",
        "proxy", "proxy_auth", "proxy_user", "no_proxy", "insecure_http", "connect_timeout", "timeout",
        "duration", "reason", "require_reason",
    ]

    /// Secret keys every profile may have.
    static let commonSecretKeys: Set<String> = [
        "client_key_passphrase", "client_p12_passphrase", "proxy_password",
    ]

    /// Keys of the `[defaults]` table, besides the registered vendors' check-out options.
    static let defaultsKeys: Set<String> = [
        "duration", "reason", "reveal_seconds", "clipboard_clear_seconds", "clipboard", "theme", "bell",
    ]
}
