import Foundation
import PAMCore
import Testing

@testable import PAMTransport

@Suite("CurlTransport TLS and client certificates")
struct CurlTransportTLSTests {
    let pki: TestPKI

    init() throws {
        pki = try TestPKI.shared.get()
    }

    @Test("the right CA bundle is trusted")
    func rightCA() async throws {
        try await TestServer.with(.tls) { server in
            let transport = try CurlTransport(options: testOptions { $0.caBundle = pki.caA })
            #expect(try await transport.send(HTTPRequest(.get, server.url("/ping"))).text == "pong")
            #expect(try await transport.send(HTTPRequest(.get, server.url("/ping", host: "localhost"))).text == "pong")
        }
    }

    @Test("a server signed by another CA is refused with the cause")
    func wrongCA() async throws {
        try await TestServer.with(.tls) { server in
            let transport = try CurlTransport(options: testOptions { $0.caBundle = pki.caB })
            let error = await pamError { try await transport.send(HTTPRequest(.get, server.url("/ping"))) }
            #expect(error?.kind == .tls)
            #expect(error?.message == "TLS certificate of 127.0.0.1 not trusted: unable to get local issuer certificate")
        }
    }

    @Test("a CA bundle pins trust: the system store is no longer consulted")
    func pinnedCA() async throws {
        try await TestServer.with(.tls) { server in
            try await pki.withFakeSystemStore { store in
                // The fake system store holds CA A, so without a bundle the server is trusted…
                let system = try CurlTransport(options: testOptions(), observer: nil, systemCAPath: store)
                #expect(try await system.send(HTTPRequest(.get, server.url("/ping"))).text == "pong")
                // …and with bundle B the same store must not rescue it.
                let pinned = try CurlTransport(options: testOptions { $0.caBundle = pki.caB }, observer: nil, systemCAPath: store)
                let error = await pamError { try await pinned.send(HTTPRequest(.get, server.url("/ping"))) }
                #expect(error?.kind == .tls)
            }
        }
    }

    @Test("the system roots do not trust the test CA")
    func defaultTrust() async throws {
        try await TestServer.with(.tls) { server in
            let transport = try CurlTransport(options: testOptions())
            let error = await pamError { try await transport.send(HTTPRequest(.get, server.url("/ping"))) }
            #expect(error?.kind == .tls)
            #expect(error?.message.hasPrefix("TLS certificate of 127.0.0.1 not trusted: ") == true)
        }
    }

    @Test("verifyTLS = false accepts an untrusted server")
    func verificationOff() async throws {
        try await TestServer.with(.tls) { server in
            let transport = try CurlTransport(options: testOptions { $0.verifyTLS = false })
            #expect(try await transport.send(HTTPRequest(.get, server.url("/ping"))).text == "pong")
        }
    }

    @Test("a server that requires a client certificate says so when none is configured")
    func mutualTLSWithoutIdentity() async throws {
        try await TestServer.with(.mutualTLS) { server in
            let transport = try CurlTransport(options: testOptions { $0.caBundle = pki.caA })
            let error = await pamError { try await transport.send(HTTPRequest(.get, server.url("/whoami"))) }
            #expect(error?.kind == .tls)
            #expect(error?.message == "server 127.0.0.1 requires a client certificate")
        }
    }

    @Test("a PEM client identity from memory is presented")
    func mutualTLSWithPEM() async throws {
        try await TestServer.with(.mutualTLS) { server in
            let identity = ClientIdentity.pem(
                certificate: pki.bytes("client.pem"), key: secret("client.key"), keyPassphrase: nil)
            let transport = try CurlTransport(options: testOptions {
                $0.caBundle = pki.caA
                $0.clientIdentity = identity
            })
            #expect(try await transport.send(HTTPRequest(.get, server.url("/whoami"))).text == TestPKI.clientCommonName)
        }
    }

    @Test("an encrypted PEM key is opened with its passphrase")
    func mutualTLSWithEncryptedPEM() async throws {
        try await TestServer.with(.mutualTLS) { server in
            let identity = ClientIdentity.pem(
                certificate: pki.bytes("client.pem"), key: secret("client-enc.key"),
                keyPassphrase: SecretBytes(utf8: TestPKI.keyPassphrase))
            let transport = try CurlTransport(options: testOptions {
                $0.caBundle = pki.caA
                $0.clientIdentity = identity
            })
            #expect(try await transport.send(HTTPRequest(.get, server.url("/whoami"))).text == TestPKI.clientCommonName)
        }
    }

    @Test("libcurl reads the key and bundle from the transport's own copies: wiping the caller's changes nothing")
    func identityByReference() async throws {
        try await TestServer.with(.mutualTLS) { server in
            for (key, bundle) in [(secret("client-enc.key"), nil), (nil, secret("client.p12"))] as [(SecretBytes?, SecretBytes?)] {
                let identity: ClientIdentity =
                    if let key {
                        .pem(certificate: pki.bytes("client.pem"), key: key, keyPassphrase: SecretBytes(utf8: TestPKI.keyPassphrase))
                    } else {
                        .pkcs12(bundle: bundle ?? SecretBytes(), passphrase: SecretBytes(utf8: TestPKI.p12Passphrase))
                    }
                let transport = try CurlTransport(options: testOptions {
                    $0.caBundle = pki.caA
                    $0.clientIdentity = identity
                })
                key?.wipe()
                bundle?.wipe()
                // Parallel requests open several connections, each handshake from another handle.
                let names = try await withThrowingTaskGroup(of: String.self) { group in
                    for _ in 0..<6 { group.addTask { try await transport.send(HTTPRequest(.get, server.url("/whoami"))).text } }
                    return try await group.reduce(into: [String]()) { $0.append($1) }
                }
                #expect(names == Array(repeating: TestPKI.clientCommonName, count: 6))
            }
        }
    }

    @Test("a PKCS#12 client identity from memory is presented")
    func mutualTLSWithPKCS12() async throws {
        try await TestServer.with(.mutualTLS) { server in
            let identity = ClientIdentity.pkcs12(
                bundle: secret("client.p12"), passphrase: SecretBytes(utf8: TestPKI.p12Passphrase))
            let transport = try CurlTransport(options: testOptions {
                $0.caBundle = pki.caA
                $0.clientIdentity = identity
            })
            #expect(try await transport.send(HTTPRequest(.get, server.url("/whoami"))).text == TestPKI.clientCommonName)
        }
    }

    @Test("a wrong PKCS#12 passphrase is a one-line TLS error without the passphrase")
    func wrongPKCS12Passphrase() async throws {
        // libcurl loads the identity after the TCP connect and then drops the connection unused.
        // A Hummingbird TLS server traps on such connections now and then (NIOAsyncWriter deinit),
        // so a listener that never accepts stands in: the failure is entirely client-side.
        let tarpit = try Tarpit()
        defer { tarpit.close() }
        let identity = ClientIdentity.pkcs12(
            bundle: secret("client.p12"), passphrase: SecretBytes(utf8: "not-the-passphrase"))
        let transport = try CurlTransport(options: testOptions {
            $0.caBundle = pki.caA
            $0.clientIdentity = identity
        })
        let error = await pamError { try await transport.send(HTTPRequest(.get, "https://127.0.0.1:\(tarpit.port)/")) }
        #expect(error?.kind == .tls)
        #expect(error?.message.hasPrefix("client certificate for 127.0.0.1 cannot be used: ") == true)
        #expect(error?.message.contains("not-the-passphrase") == false)
    }

    @Test("unusable TLS material is a configuration error at init")
    func badMaterial() {
        #expect(throws: PAMError.self) {
            try CurlTransport(options: testOptions { $0.caBundle = Array("not a certificate".utf8) })
        }
        #expect(throws: PAMError.self) {
            // A PEM file where DER PKCS#12 is expected.
            try CurlTransport(options: testOptions {
                $0.clientIdentity = .pkcs12(bundle: secret("client.pem"), passphrase: nil)
            })
        }
        #expect(throws: PAMError.self) {
            try CurlTransport(options: testOptions {
                $0.clientIdentity = .pem(certificate: pki.bytes("client.pem"), key: SecretBytes(utf8: "junk"), keyPassphrase: nil)
            })
        }
        let error = #expect(throws: PAMError.self) {
            try CurlTransport(options: testOptions { $0.totalTimeout = .zero })
        }
        #expect(error?.kind == .configuration)
    }

    private func secret(_ name: String) -> SecretBytes {
        var bytes = pki.bytes(name)
        return SecretBytes(consuming: &bytes)
    }
}
