import PAMCore
import Testing

@testable import PAMTransport

@Suite("URL policy")
struct CurlTargetTests {
    @Test(
        "loopback hosts are recognised",
        arguments: [
            ("http://127.0.0.1:8080/x", true), ("http://127.8.9.10/", true), ("http://localhost/", true),
            ("http://LOCALHOST:1/", true), ("http://[::1]:8443/", true), ("http://[::ffff:127.0.0.1]/", true),
            ("http://128.0.0.1/", false), ("http://10.0.0.1/", false), ("http://localhost.example.com/", false),
            ("http://[::2]/", false), ("http://pam.example.com/", false),
        ])
    func loopback(url: String, expected: Bool) throws {
        #expect(try CurlTarget(url: url).isLoopback == expected)
    }

    @Test("ports default by scheme and IPv6 endpoints are bracketed")
    func ports() throws {
        #expect(try CurlTarget(url: "https://pam.example.com/api").port == 443)
        #expect(try CurlTarget(url: "http://pam.example.com/api").port == 80)
        #expect(try CurlTarget(url: "https://[::1]:9443/").endpoint == "[::1]:9443")
    }

    @Test("only http and https with a host are accepted", arguments: ["ftp://h/x", "file:///etc/passwd", "not a url", "https://"])
    func invalid(url: String) {
        let error = #expect(throws: PAMError.self) { try CurlTarget(url: url) }
        #expect(error?.kind == .configuration)
    }

    @Test("cleartext is allowed to loopback or by profile only")
    func cleartext() throws {
        #expect(throws: PAMError.self) { try CurlTarget(url: "http://10.1.2.3/").checkCleartext(allowed: false) }
        try CurlTarget(url: "http://10.1.2.3/").checkCleartext(allowed: true)
        try CurlTarget(url: "http://[::1]/").checkCleartext(allowed: false)
        try CurlTarget(url: "https://10.1.2.3/").checkCleartext(allowed: false)
    }

    @Test("header trimming works on Unicode scalars, so CRLF is removed")
    func trimming() {
        #expect(" value \r\n".trimmingScalars == "value")
        #expect("\r\n".trimmingScalars == "")
        #expect("a\r\nb".replacingLineBreaks == "a  b")
    }
}
