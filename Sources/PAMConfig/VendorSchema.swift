import PAMCore

/// The profile keys one vendor understands beyond the common ones.
struct VendorSchema: Sendable {
    var plainKeys: Set<String>
    var secretKeys: Set<String>
    var authMethods: [String]

    /// Schemas of the vendors pamtui can connect to.
    static func forVendor(_ vendor: Vendor) -> VendorSchema? {
        switch vendor {
        case .beyondtrust:
            VendorSchema(
                plainKeys: ["run_as", "client_id"],
                secretKeys: ["api_key", "run_as_password", "client_secret"],
                authMethods: ["api_key", "oauth"]
            )
        case .secretserver, .safeguard, .osirium, .axidian:
            nil
        }
    }

    /// Keys every profile may have.
    static let commonPlainKeys: Set<String> = [
        "vendor", "url", "auth", "tls_verify", "ca_file", "client_cert", "client_key", "client_p12",
        "proxy", "proxy_auth", "proxy_user", "no_proxy", "insecure_http", "connect_timeout", "timeout",
        "duration", "reason", "access_type", "conflict", "require_reason",
    ]

    /// Secret keys every profile may have.
    static let commonSecretKeys: Set<String> = [
        "client_key_passphrase", "client_p12_passphrase", "proxy_password",
    ]

    /// Keys of the `[defaults]` table.
    static let defaultsKeys: Set<String> = [
        "duration", "reason", "access_type", "conflict", "reveal_seconds", "clipboard_clear_seconds",
        "clipboard", "theme", "bell",
    ]
}
