import CCurl
import PAMCore

#if canImport(Glibc)
import Glibc
#endif

/// The parts of a request URL that the transport decides on and names in messages.
struct CurlTarget: Sendable, Equatable {
    var scheme: String
    /// Host as written in the URL, IPv6 without brackets.
    var host: String
    var port: Int

    /// Parses with libcurl's own URL parser, so that the policy sees the host libcurl will use.
    init(url: String) throws(PAMError) {
        guard let handle = curl_url() else { throw PAMError(.transport, "out of memory parsing a URL") }
        defer { curl_url_cleanup(handle) }
        let code = curl_url_set(handle, CURLUPART_URL, url, 0)
        guard code == CURLUE_OK else {
            let reason = String(cString: curl_url_strerror(code)).lowercased()
            throw PAMError(.configuration, "invalid URL: \(reason)")
        }
        scheme = (Self.part(handle, CURLUPART_SCHEME, 0) ?? "").lowercased()
        guard scheme == "http" || scheme == "https" else {
            throw PAMError(.configuration, "unsupported URL scheme \(scheme): only http and https are allowed")
        }
        var rawHost = Self.part(handle, CURLUPART_HOST, 0) ?? ""
        if rawHost.hasPrefix("["), rawHost.hasSuffix("]") { rawHost = String(rawHost.dropFirst().dropLast()) }
        guard !rawHost.isEmpty else { throw PAMError(.configuration, "invalid URL: no host") }
        host = rawHost
        port = Self.part(handle, CURLUPART_PORT, UInt32(CURLU_DEFAULT_PORT)).flatMap { Int($0) } ?? 0
    }

    init(scheme: String, host: String, port: Int) {
        self.scheme = scheme
        self.host = host
        self.port = port
    }

    /// `host:port`, with brackets around IPv6 addresses.
    var endpoint: String { host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)" }

    /// True for `localhost`, 127.0.0.0/8 and ::1 (also as an IPv4-mapped address).
    var isLoopback: Bool {
        let name = host.lowercased()
        if name == "localhost" || name == "localhost." || name.hasSuffix(".localhost") { return true }
        var v4 = in_addr()
        if inet_pton(AF_INET, name, &v4) == 1 {
            return UInt32(bigEndian: v4.s_addr) >> 24 == 127
        }
        var v6 = in6_addr()
        guard inet_pton(AF_INET6, name, &v6) == 1 else { return false }
        let bytes = withUnsafeBytes(of: v6) { Array($0) }
        if bytes[0..<15].allSatisfy({ $0 == 0 }) && bytes[15] == 1 { return true }
        let mappedPrefix: [UInt8] = Array(repeating: 0, count: 10) + [0xff, 0xff]
        return Array(bytes[0..<12]) == mappedPrefix && bytes[12] == 127
    }

    /// Refuses cleartext to anything but this machine unless the profile allows it.
    func checkCleartext(allowed: Bool) throws(PAMError) {
        guard scheme == "http", !allowed, !isLoopback else { return }
        throw PAMError(
            .configuration,
            "refusing plain http:// to \(host): set insecure_http = true in the profile to allow it")
    }

    private static func part(_ handle: OpaquePointer, _ part: CURLUPart, _ flags: UInt32) -> String? {
        var value: UnsafeMutablePointer<CChar>?
        guard curl_url_get(handle, part, &value, flags) == CURLUE_OK, let value else { return nil }
        defer { curl_free(value) }
        return String(cString: value)
    }
}
