import Foundation
import PAMCore
import PAMSimulator
import PAMTestSupport
import PAMTransport
import Testing

/// TLS and mutual TLS end to end, through the project's own libcurl transport.
@Suite struct SimulatorTLSTests {
    private func options(_ tls: SimulatorTLS, directory: String) -> SimulatorOptions {
        var options = beyondTrustOptions()
        options.tls = tls
        options.stateDirectory = directory + "/state"
        return options
    }

    private func signInRequest(_ endpoint: SimulatedEndpoint) -> HTTPRequest {
        let header = "PS-Auth key=\(endpoint.credential("apiKey") ?? ""); runas=\(endpoint.credential("runAs") ?? "");"
        return HTTPRequest(.post, endpoint.url + "/Auth/SignAppin", headers: [HTTPHeader("Authorization", secret: SecretBytes(utf8: header))])
    }

    @Test func tlsServesWithACertificateTheCAVerifies() async throws {
        try await withTemporaryDirectory { directory in
            try await withSimulator(options(.tls, directory: directory)) { simulator in
                let endpoint = simulator.endpoints[0]
                #expect(endpoint.url.hasPrefix("https://127.0.0.1:"))
                let material = try #require(simulator.tlsMaterial)
                #expect(material.clientCertificatePath == nil)
                var transportOptions = TransportOptions()
                transportOptions.caBundle = Array(try Data(contentsOf: URL(fileURLWithPath: material.caCertificatePath)))
                let transport = try CurlTransport(options: transportOptions)
                defer { transport.shutdown() }
                let signIn = try await transport.send(signInRequest(endpoint))
                #expect(signIn.status == 200)
                // The transport's cookie jar carries the session.
                let systems = try await transport.send(HTTPRequest(.get, endpoint.url + "/ManagedSystems/5"))
                #expect(systems.status == 200)

                let untrusting = try CurlTransport(options: TransportOptions())
                defer { untrusting.shutdown() }
                await #expect(throws: PAMError.self) { try await untrusting.send(HTTPRequest(.get, endpoint.url + "/ManagedSystems")) }
            }
        }
    }

    @Test func mutualTLSRequiresTheClientCertificate() async throws {
        try await withTemporaryDirectory { directory in
            try await withSimulator(options(.mutualTLS, directory: directory)) { simulator in
                let endpoint = simulator.endpoints[0]
                let material = try #require(simulator.tlsMaterial)
                let ca = Array(try Data(contentsOf: URL(fileURLWithPath: material.caCertificatePath)))
                var withCertificate = TransportOptions()
                withCertificate.caBundle = ca
                var key = Array(try Data(contentsOf: URL(fileURLWithPath: try #require(material.clientKeyPath))))
                withCertificate.clientIdentity = .pem(
                    certificate: Array(try Data(contentsOf: URL(fileURLWithPath: try #require(material.clientCertificatePath)))),
                    key: SecretBytes(consuming: &key), keyPassphrase: nil)
                let transport = try CurlTransport(options: withCertificate)
                defer { transport.shutdown() }
                #expect(try await transport.send(signInRequest(endpoint)).status == 200)

                var without = TransportOptions()
                without.caBundle = ca
                let anonymous = try CurlTransport(options: without)
                defer { anonymous.shutdown() }
                await #expect(throws: PAMError.self) { try await anonymous.send(signInRequest(endpoint)) }
            }
        }
    }
}
