import Foundation
import PAMCore
import Testing

@testable import PAMTransport

@Suite("CurlTransport over plain HTTP")
struct CurlTransportHTTPTests {
    @Test("GET, POST, PUT, PATCH and DELETE carry method, headers and body")
    func roundTrip() async throws {
        try await TestServer.with { server in
            let transport = try CurlTransport(options: testOptions { $0.userAgent = "pamtui-test/1" })
            let get = try await transport.send(HTTPRequest(.get, server.url("/echo?x=1"), headers: [HTTPHeader("X-Trace", "abc")]))
            #expect(get.status == 200)
            let getEcho = try get.echo()
            #expect(getEcho.method == "GET")
            #expect(getEcho.target == "/echo?x=1")
            #expect(getEcho.header("x-trace") == "abc")
            #expect(getEcho.header("user-agent") == "pamtui-test/1")
            #expect(getEcho.body.isEmpty)
            #expect(get.header("content-type")?.hasPrefix("application/json") == true)

            for method in [HTTPMethod.post, .put, .patch, .delete] {
                let body = #"{"method":"\#(method.rawValue)"}"#
                let response = try await transport.send(
                    HTTPRequest(
                        method, server.url("/echo"),
                        headers: [HTTPHeader("Content-Type", "application/json"), HTTPHeader("X-Empty", "")],
                        body: .bytes(Array(body.utf8))))
                let echo = try response.echo()
                #expect(response.status == 200)
                #expect(echo.method == method.rawValue)
                #expect(echo.body == body)
                #expect(echo.header("content-length") == "\(body.utf8.count)")
                #expect(echo.header("content-type") == "application/json")
                #expect(echo.header("x-empty") == "")
                #expect(echo.header("expect") == nil)
            }
            // An empty POST still says how long its body is, and gets no form content type.
            let empty = try await transport.send(HTTPRequest(.post, server.url("/echo"))).echo()
            #expect(empty.method == "POST")
            #expect(empty.header("content-length") == "0")
            #expect(empty.header("content-type") == nil)
            let emptyPut = try await transport.send(HTTPRequest(.put, server.url("/echo"))).echo()
            #expect(emptyPut.header("content-length") == "0")
            let delete = try await transport.send(HTTPRequest(.delete, server.url("/echo"))).echo()
            #expect(delete.method == "DELETE")
            #expect(delete.body.isEmpty)
        }
    }

    @Test("a large body is streamed both ways intact")
    func largeBodies() async throws {
        try await TestServer.with { server in
            let transport = try CurlTransport(options: testOptions())
            let text = String(repeating: "0123456789abcdef", count: 200_000)
            let echo = try await transport.send(HTTPRequest(.post, server.url("/echo"), body: .bytes(Array(text.utf8)))).echo()
            #expect(echo.body == text)
            let big = try await transport.send(HTTPRequest(.get, server.url("/big?n=3000000")))
            #expect(big.body.count == 3_000_000)
            let pattern = big.body.withUnsafeBytes { bytes in
                (0..<bytes.count).allSatisfy { bytes[$0] == UInt8(truncatingIfNeeded: $0) }
            }
            #expect(pattern)
        }
    }

    @Test("4xx and 5xx are responses, not errors", arguments: [201, 404, 409, 503])
    func statusPassthrough(code: Int) async throws {
        try await TestServer.with { server in
            let transport = try CurlTransport(options: testOptions())
            let response = try await transport.send(HTTPRequest(.get, server.url("/status/\(code)")))
            #expect(response.status == code)
        }
    }

    @Test("a closed port is a one-line transport error")
    func connectionRefused() async throws {
        let transport = try CurlTransport(options: testOptions())
        let error = await pamError { try await transport.send(HTTPRequest(.get, "http://127.0.0.1:1/x")) }
        #expect(error?.kind == .transport)
        #expect(error?.message == "connection refused by 127.0.0.1:1")
    }

    @Test("an unresolvable host is a transport error naming the host")
    func dnsFailure() async throws {
        let transport = try CurlTransport(options: testOptions())
        let error = await pamError { try await transport.send(HTTPRequest(.get, "https://pamtui-test.invalid/x")) }
        #expect(error?.kind == .transport)
        #expect(error?.message == "cannot resolve host pamtui-test.invalid")
    }

    @Test("plain http is refused to other hosts, allowed to loopback or when the profile says so")
    func cleartextPolicy() async throws {
        let transport = try CurlTransport(options: testOptions())
        let error = await pamError { try await transport.send(HTTPRequest(.get, "http://pam.example.com/api")) }
        #expect(error?.kind == .configuration)
        #expect(
            error?.message
                == "refusing plain http:// to pam.example.com: set insecure_http = true in the profile to allow it")
        let scheme = await pamError { try await transport.send(HTTPRequest(.get, "ftp://127.0.0.1/file")) }
        #expect(scheme?.kind == .configuration)
        try await TestServer.with { server in
            let response = try await transport.send(HTTPRequest(.get, server.url("/ping", host: "localhost")))
            #expect(response.text == "pong")
        }
    }

    @Test("secret headers and bodies arrive at the server intact")
    func secretsArrive() async throws {
        try await TestServer.with { server in
            let transport = try CurlTransport(options: testOptions())
            let request = HTTPRequest(
                .post, server.url("/echo"),
                headers: [
                    HTTPHeader("Authorization", secret: SecretBytes(utf8: TestSecrets.authorization)),
                    HTTPHeader("Content-Type", "application/json"),
                ],
                body: .secret(SecretBytes(utf8: TestSecrets.body)))
            let echo = try await transport.send(request).echo()
            #expect(echo.header("authorization") == TestSecrets.authorization)
            #expect(echo.body == TestSecrets.body)
        }
    }

    @Test("header names and values that could split a header line are refused")
    func headerInjection() async throws {
        let transport = try CurlTransport(options: testOptions())
        try await TestServer.with { server in
            let plain = await pamError {
                try await transport.send(HTTPRequest(.get, server.url("/ping"), headers: [HTTPHeader("X-A", "1\r\nX-B: 2")]))
            }
            #expect(plain?.kind == .configuration)
            let secret = await pamError {
                try await transport.send(
                    HTTPRequest(.get, server.url("/ping"), headers: [HTTPHeader("X-A", secret: SecretBytes(utf8: "s\nX: y"))]))
            }
            #expect(secret?.kind == .configuration)
            #expect(secret?.message.contains("s\nX") == false)
            let name = await pamError {
                try await transport.send(HTTPRequest(.get, server.url("/ping"), headers: [HTTPHeader("Bad Name", "1")]))
            }
            #expect(name?.kind == .configuration)
            let after = try await transport.send(HTTPRequest(.get, server.url("/ping")))
            #expect(after.text == "pong")
        }
    }

    @Test("responses over the size limit fail as malformed, with or without Content-Length")
    func sizeLimit() async throws {
        try await TestServer.with { server in
            let transport = try CurlTransport(options: testOptions { $0.maximumBodyBytes = 1000 })
            let exact = try await transport.send(HTTPRequest(.get, server.url("/big?n=1000")))
            #expect(exact.body.count == 1000)
            for path in ["/big?n=5000", "/big?n=5000&chunked=1", "/big?n=1001&chunked=1"] {
                let error = await pamError { try await transport.send(HTTPRequest(.get, server.url(path))) }
                #expect(error?.kind == .malformed)
                #expect(error?.message == "response from 127.0.0.1 is larger than the limit of 1000 bytes")
            }
            #expect(try await transport.send(HTTPRequest(.get, server.url("/ping"))).text == "pong")
        }
    }

    @Test("an explicit proxy with basic auth carries the request")
    func explicitProxy() async throws {
        // The test server doubles as a forwarding proxy: the request reaches it although its host
        // is a .invalid name nothing can resolve, and it carries the proxy credentials.
        try await TestServer.with { server in
            let proxy = ProxySettings(
                url: "http://127.0.0.1:\(server.port)", auth: .basic, username: "proxy-user",
                password: SecretBytes(utf8: "proxy-pass"))
            let transport = try CurlTransport(options: testOptions {
                $0.proxy = proxy
                $0.allowInsecureHTTP = true
            })
            let echo = try await transport.send(HTTPRequest(.get, "http://api.pamtui-test.invalid/echo")).echo()
            #expect(echo.target == "/echo")
            #expect(echo.authority == "api.pamtui-test.invalid")
            let expected = "Basic " + Data("proxy-user:proxy-pass".utf8).base64EncodedString()
            #expect(echo.header("proxy-authorization") == expected)
        }
    }
}
