import CCurl
import PAMCore

/// `TransportOptions` checked once and turned into what libcurl takes, so that every request
/// applies the same validated values.
struct CurlSettings: Sendable {
    struct Identity: Sendable {
        /// `PEM` or `P12`.
        var certificateType: String
        /// Certificate (chain) for PEM, the whole bundle for PKCS#12.
        var certificate: SecretBytes
        var key: SecretBytes?
        /// NUL-terminated, because libcurl takes it as a C string.
        var passphrase: SecretBytes?
    }

    struct Proxy: Sendable {
        var url: String
        var authMask: UInt?
        var username: String?
        /// NUL-terminated, because libcurl takes it as a C string.
        var password: SecretBytes?
        var noProxy: String?
    }

    var verifyTLS: Bool
    var caBundle: [UInt8]?
    var identity: Identity?
    var proxy: Proxy?
    var connectTimeoutMilliseconds: Int
    var totalTimeoutMilliseconds: Int
    /// libcurl's low-speed time for streams, in whole seconds.
    var streamIdleSeconds: Int
    var streamBufferBytes: Int
    var maximumBodyBytes: Int
    var maxResponseBytes: Int
    var maxConnectionsPerHost: Int
    var cookies: Bool
    var allowInsecureHTTP: Bool
    var userAgent: String
    /// Stands in for the system CA directory in tests; nil leaves libcurl's built-in default.
    var systemCAPath: String?
    /// POST and PATCH go out on a new connection. Only tests turn it off, to reach the resend guard.
    var freshConnectionsForUnsafeMethods = true

    init(_ options: TransportOptions, systemCAPath: String? = nil) throws(PAMError) {
        verifyTLS = options.verifyTLS
        cookies = options.cookies
        allowInsecureHTTP = options.allowInsecureHTTP
        self.systemCAPath = systemCAPath
        connectTimeoutMilliseconds = try Self.milliseconds(options.connectTimeout, "connect timeout")
        totalTimeoutMilliseconds = try Self.milliseconds(options.totalTimeout, "total timeout")
        streamIdleSeconds = (try Self.milliseconds(options.streamIdleTimeout, "stream idle timeout") + 999) / 1000
        guard options.streamBufferBytes > 0 else {
            throw PAMError(.configuration, "stream buffer size must be positive")
        }
        streamBufferBytes = options.streamBufferBytes
        guard options.maximumBodyBytes > 0 else {
            throw PAMError(.configuration, "maximum body size must be positive")
        }
        maximumBodyBytes = options.maximumBodyBytes
        guard options.maxResponseBytes > 0 else {
            throw PAMError(.configuration, "maximum response size must be positive")
        }
        maxResponseBytes = options.maxResponseBytes
        guard options.maxConnectionsPerHost > 0 else {
            throw PAMError(.configuration, "maximum connections per host must be positive")
        }
        maxConnectionsPerHost = options.maxConnectionsPerHost
        guard !options.userAgent.contains(where: \.isNewline) else {
            throw PAMError(.configuration, "user agent must be one line")
        }
        userAgent = options.userAgent
        if let bundle = options.caBundle {
            guard bundle.withUnsafeBytes({ PEM.contains(PEM.certificateMarker, in: $0) }) else {
                throw PAMError(.configuration, "CA bundle contains no PEM certificate")
            }
            caBundle = bundle
        }
        identity = try options.clientIdentity.map(Self.identity)
        proxy = try options.proxy.map(Self.proxy)
    }

    private static func milliseconds(_ duration: Duration, _ name: String) throws(PAMError) -> Int {
        let (seconds, attoseconds) = duration.components
        guard seconds >= 0, duration > .zero else { throw PAMError(.configuration, "\(name) must be positive") }
        guard seconds < Int64(Int32.max) / 1000 else { throw PAMError(.configuration, "\(name) is too long") }
        // Round up so that a sub-millisecond timeout does not become libcurl's "no timeout" zero.
        let millis = seconds * 1000 + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000
        return Int(max(millis, 1))
    }

    private static func identity(_ identity: ClientIdentity) throws(PAMError) -> Identity {
        switch identity {
        case .pem(let certificate, let key, let passphrase):
            guard certificate.withUnsafeBytes({ PEM.contains(PEM.certificateMarker, in: $0) }) else {
                throw PAMError(.configuration, "client certificate contains no PEM certificate")
            }
            guard key.withUnsafeBytes({ PEM.contains(PEM.privateKeyMarker, in: $0) }) else {
                throw PAMError(.configuration, "client key contains no PEM private key")
            }
            let certificateCopy = certificate.withUnsafeBytes { SecretBytes(copying: $0) }
            return Identity(
                certificateType: "PEM", certificate: certificateCopy, key: key.copy(),
                passphrase: try passphrase.map { p throws(PAMError) in try cString(p, "client key passphrase") })
        case .pkcs12(let bundle, let passphrase):
            // PKCS#12 is DER: it starts with a SEQUENCE tag. A PEM file here is a common mistake.
            guard bundle.withUnsafeBytes({ $0.first == 0x30 }) else {
                throw PAMError(.configuration, "client PKCS#12 bundle is not DER-encoded PKCS#12")
            }
            return Identity(
                certificateType: "P12", certificate: bundle.copy(), key: nil,
                passphrase: try passphrase.map { p throws(PAMError) in try cString(p, "PKCS#12 passphrase") })
        }
    }

    private static func proxy(_ proxy: ProxySettings) throws(PAMError) -> Proxy {
        guard !proxy.url.isEmpty, !proxy.url.contains(where: \.isNewline) else {
            throw PAMError(.configuration, "proxy URL is empty or not one line")
        }
        let mask: UInt? =
            switch proxy.auth {
            case .none: nil
            case .basic: cc_auth_basic()
            case .digest: cc_auth_digest()
            case .ntlm: cc_auth_ntlm()
            case .negotiate: cc_auth_negotiate()
            }
        if proxy.auth == .basic || proxy.auth == .digest || proxy.auth == .ntlm, proxy.username == nil {
            throw PAMError(.configuration, "proxy authentication \(proxy.auth.rawValue) needs a user name")
        }
        return Proxy(
            url: proxy.url, authMask: mask,
            // Negotiate takes the user from the Kerberos ticket, but libcurl wants a (blank) user set.
            username: proxy.username ?? (proxy.auth == .negotiate ? "" : nil),
            password: try proxy.password.map { p throws(PAMError) in try cString(p, "proxy password") },
            noProxy: proxy.noProxy)
    }

    /// A NUL-terminated copy of a secret, for libcurl string options.
    static func cString(_ secret: SecretBytes, _ name: String) throws(PAMError) -> SecretBytes {
        let copy = SecretBytes(capacity: secret.count + 1)
        let hasNUL = secret.withUnsafeBytes { bytes in
            copy.append(bytes)
            return bytes.contains(0)
        }
        guard !hasNUL else { throw PAMError(.configuration, "\(name) contains a NUL byte") }
        withUnsafeBytes(of: UInt8(0)) { copy.append($0) }
        return copy
    }
}

/// Byte searches in PEM material that never turn the (possibly secret) bytes into a `String`.
enum PEM {
    static let certificateMarker = Array("-----BEGIN CERTIFICATE-----".utf8)
    static let privateKeyMarker = Array("PRIVATE KEY-----".utf8)

    static func contains(_ needle: [UInt8], in haystack: UnsafeRawBufferPointer) -> Bool {
        guard !needle.isEmpty, haystack.count >= needle.count else { return false }
        for start in 0...(haystack.count - needle.count) {
            var index = 0
            while index < needle.count, haystack[start + index] == needle[index] { index += 1 }
            if index == needle.count { return true }
        }
        return false
    }
}
