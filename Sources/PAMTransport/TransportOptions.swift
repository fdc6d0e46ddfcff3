import PAMCore

/// How a client identifies itself with a TLS certificate.
public enum ClientIdentity: Sendable {
    /// PEM certificate (chain) and PEM private key, from memory; the key may be encrypted.
    case pem(certificate: [UInt8], key: SecretBytes, keyPassphrase: SecretBytes?)
    /// A PKCS#12 bundle from memory with its passphrase.
    case pkcs12(bundle: SecretBytes, passphrase: SecretBytes?)
}

/// Proxy authentication schemes; chosen explicitly because libcurl's "any" does not fall back
/// from Negotiate to NTLM.
public enum ProxyAuthScheme: String, Sendable, CaseIterable {
    case none, basic, digest, ntlm, negotiate
}

/// An explicit proxy. Without one, libcurl honours `https_proxy`, `http_proxy` and `no_proxy`.
public struct ProxySettings: Sendable {
    /// `http://host:port` or `socks5://host:port`.
    public var url: String
    public var auth: ProxyAuthScheme
    public var username: String?
    public var password: SecretBytes?
    /// Hosts that bypass the proxy (libcurl `NOPROXY` syntax).
    public var noProxy: String?

    public init(
        url: String, auth: ProxyAuthScheme = .none, username: String? = nil, password: SecretBytes? = nil,
        noProxy: String? = nil
    ) {
        self.url = url
        self.auth = auth
        self.username = username
        self.password = password
        self.noProxy = noProxy
    }
}

/// Connection settings for one client's transport.
public struct TransportOptions: Sendable {
    /// Verify the server certificate and host name. Turning this off is an explicit profile choice.
    public var verifyTLS: Bool = true
    /// PEM CA certificates to trust. When given, trust is pinned to them alone (system roots are dropped).
    public var caBundle: [UInt8]?
    public var clientIdentity: ClientIdentity?
    public var proxy: ProxySettings?
    public var connectTimeout: Duration = .seconds(10)
    /// Whole-request limit. Streams (`stream(_:)`) have none; they use `streamIdleTimeout` instead.
    public var totalTimeout: Duration = .seconds(60)
    /// A stream fails as a timeout when less than 1 byte per second arrives for this long (whole
    /// seconds, rounded up; libcurl averages the speed over up to 5 s, so a silence is noticed within
    /// this plus 5 s). It covers the wait for the headers too, so it must exceed a long poll's hold time.
    public var streamIdleTimeout: Duration = .seconds(120)
    /// Bytes a stream holds for a slow consumer before its transfer pauses; it resumes at half.
    public var streamBufferBytes: Int = 1024 * 1024
    /// A whole (buffered) answer larger than this fails with `.malformed` instead of filling
    /// memory. 64 MiB is far above the largest page the vendor APIs send (a few MiB of JSON),
    /// yet bounds what a broken or hostile server can make us hold, parse and wipe.
    public var maximumBodyBytes: Int = 64 * 1024 * 1024
    /// The total bytes one stream (`stream(_:)`) may deliver; its consumer bounds what is held.
    public var maxResponseBytes: Int = 512 * 1024 * 1024
    public var maxConnectionsPerHost: Int = 8
    /// Keep a cookie jar for this transport (vendor session cookies).
    public var cookies: Bool = true
    /// Allow `http://` to non-loopback hosts.
    public var allowInsecureHTTP: Bool = false
    /// Sent as `User-Agent`.
    public var userAgent: String = "pamtui"

    public init() {}
}
