import CCurl
import PAMCore

#if canImport(Glibc)
import Glibc
#endif

extension PAMError {
    /// A one-line error for a failed transfer, naming the host and the cause. libcurl's error
    /// text never carries header values or bodies, so it is safe to quote; it may quote what a
    /// server sent (a certificate's name), so it is sanitised for the terminal, as is the host.
    init(curl code: CURLcode, transfer: CurlTransfer, osError: Int32, settings: CurlSettings) {
        let target = transfer.target
        let host = TerminalText.sanitized(target.host)
        let detail = transfer.errorDetail
        let cause = Self.cause(detail, code)
        switch code {
        case CURLE_ABORTED_BY_CALLBACK where transfer.refusedResend:
            let method = transfer.request.method.rawValue
            self.init(
                .transport,
                "connection to \(host) was lost before an answer; the \(method) was not sent again, as it may have taken effect")
        case CURLE_WRITE_ERROR where transfer.headersTooLarge:
            self.init(.malformed, "response headers from \(host) are larger than \(Self.size(CurlTransfer.maximumHeaderBytes))")
        case CURLE_OUT_OF_MEMORY where transfer.inHeaderBlock:
            // libcurl 7.88 holds a header line in a buffer capped at CURL_MAX_HTTP_HEADER and
            // reports a longer one as out of memory, with no text.
            self.init(.malformed, "a response header line from \(host) is longer than \(Self.size(Int(CURL_MAX_HTTP_HEADER)))")
        case CURLE_WRITE_ERROR where transfer.exceededLimit, CURLE_FILESIZE_EXCEEDED:
            self.init(.malformed, "response from \(host) is larger than the limit of \(Self.size(transfer.maxResponseBytes))")
        case CURLE_UNSUPPORTED_PROTOCOL:
            self.init(.configuration, "unsupported protocol for \(host): \(cause)")
        case CURLE_URL_MALFORMAT:
            self.init(.configuration, "invalid URL: \(cause)")
        case CURLE_COULDNT_RESOLVE_PROXY:
            self.init(.transport, "cannot resolve proxy host: \(cause)")
        case CURLE_COULDNT_RESOLVE_HOST:
            self.init(.transport, "cannot resolve host \(host)")
        case CURLE_COULDNT_CONNECT:
            self.init(.transport, Self.connectFailure(osError, target, cause))
        case CURLE_OPERATION_TIMEDOUT:
            self.init(.timeout, Self.timeout(detail, host, settings, streaming: transfer.stream != nil))
        case CURLE_PEER_FAILED_VERIFICATION:
            self.init(.tls, "TLS certificate of \(host) not trusted: \(cause)")
        case CURLE_SSL_CERTPROBLEM:
            self.init(.tls, "client certificate for \(host) cannot be used: \(cause)")
        case CURLE_SSL_CACERT_BADFILE:
            self.init(.tls, "CA bundle for \(host) cannot be loaded: \(cause)")
        case CURLE_SSL_CONNECT_ERROR, CURLE_OBSOLETE51, CURLE_SSL_CIPHER, CURLE_SSL_ISSUER_ERROR,
            CURLE_SSL_PINNEDPUBKEYNOTMATCH, CURLE_SSL_INVALIDCERTSTATUS, CURLE_SSL_CRL_BADFILE,
            CURLE_SSL_SHUTDOWN_FAILED, CURLE_SSL_ENGINE_NOTFOUND, CURLE_SSL_ENGINE_SETFAILED,
            CURLE_SSL_ENGINE_INITFAILED, CURLE_USE_SSL_FAILED:
            self.init(.tls, Self.clientCertificateMessage(detail, host) ?? "TLS handshake with \(host) failed: \(cause)")
        case CURLE_SEND_ERROR, CURLE_RECV_ERROR:
            if let message = Self.clientCertificateMessage(detail, host) {
                self.init(.tls, message)
            } else {
                self.init(.transport, "connection to \(host) failed: \(cause)")
            }
        case CURLE_GOT_NOTHING:
            self.init(.transport, "\(host) closed the connection without a response")
        case CURLE_PARTIAL_FILE:
            self.init(.transport, "response from \(host) ended early: \(cause)")
        case CURLE_BAD_CONTENT_ENCODING, CURLE_WEIRD_SERVER_REPLY:
            self.init(.malformed, "malformed response from \(host): \(cause)")
        case CURLE_READ_ERROR, CURLE_SEND_FAIL_REWIND:
            self.init(.transport, "could not send the request body to \(host): \(cause)")
        case CURLE_ABORTED_BY_CALLBACK:
            self.init(.cancelled, "request to \(host) cancelled")
        case CURLE_OUT_OF_MEMORY:
            self.init(.transport, "out of memory talking to \(host)")
        case CURLE_PROXY:
            self.init(.transport, "proxy error on the way to \(host): \(cause)")
        default:
            self.init(.transport, "request to \(host) failed: \(cause)")
        }
    }

    // The "tlsv13 alert certificate required" read error is how TLS 1.3 reports a missing client
    // certificate; TLS 1.2 fails the handshake with a similar alert.
    private static func clientCertificateMessage(_ detail: String, _ host: String) -> String? {
        let lower = detail.lowercased()
        if lower.contains("certificate required") { return "server \(host) requires a client certificate" }
        if lower.contains("alert unknown ca") || lower.contains("alert bad certificate")
            || lower.contains("alert certificate unknown")
        {
            return "server \(host) rejected the client certificate"
        }
        return nil
    }

    private static func connectFailure(_ osError: Int32, _ target: CurlTarget, _ cause: String) -> String {
        let endpoint = TerminalText.sanitized(target.endpoint)
        return switch osError {
        case ECONNREFUSED: "connection refused by \(endpoint)"
        case ENETUNREACH: "network unreachable for \(endpoint)"
        case EHOSTUNREACH: "host \(endpoint) unreachable"
        default: "cannot connect to \(endpoint): \(cause)"
        }
    }

    /// `64 MiB`, `256 KiB` or `1000 bytes`.
    static func size(_ bytes: Int) -> String {
        let mebi = 1024 * 1024
        if bytes >= mebi, bytes % mebi == 0 { return "\(bytes / mebi) MiB" }
        if bytes >= 1024, bytes % 1024 == 0 { return "\(bytes / 1024) KiB" }
        return "\(bytes) bytes"
    }

    // libcurl says "Operation timed out" once connected, "Operation too slow" when the low-speed
    // check (a stream's idle timeout) fires; other timeout texts are connect-phase ones.
    private static func timeout(_ detail: String, _ host: String, _ settings: CurlSettings, streaming: Bool) -> String {
        if detail.hasPrefix("Operation too slow") {
            return "no data from \(host) for \(settings.streamIdleSeconds) s"
        }
        if detail.hasPrefix("Operation timed out") {
            return "no response from \(host) within \(settings.totalTimeoutMilliseconds) ms"
        }
        let limit =
            streaming
            ? settings.connectTimeoutMilliseconds : min(settings.connectTimeoutMilliseconds, settings.totalTimeoutMilliseconds)
        return "could not connect to \(host) within \(limit) ms"
    }

    /// libcurl's text without its boilerplate prefixes, or the generic text for the code.
    private static func cause(_ detail: String, _ code: CURLcode) -> String {
        var text = detail
        for prefix in ["SSL certificate problem: ", "SSL: "] where text.hasPrefix(prefix) {
            text = String(text.dropFirst(prefix.count))
        }
        if text.isEmpty { text = String(cString: curl_easy_strerror(code)) }
        text = TerminalText.sanitized(text)
        return text.count > 300 ? String(text.prefix(300)) + "…" : text
    }
}
