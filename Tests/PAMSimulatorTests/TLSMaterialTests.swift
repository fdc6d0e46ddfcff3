import Foundation
import PAMTestSupport
import SwiftASN1
import Testing
import X509

@testable import PAMSimulator

@Suite struct TLSMaterialTests {
    @Test func certificatesChainToTheCAWithTheRightNamesAndUsages() async throws {
        try await withTemporaryDirectory { directory in
            let material = try TLSMaterial.generate(in: directory, clientCertificate: true)
            let ca = try Certificate(pemEncoded: try String(contentsOfFile: material.caCertificatePath, encoding: .utf8))
            let server = try Certificate(pemEncoded: try String(contentsOfFile: material.serverCertificatePath, encoding: .utf8))
            let clientPath = try #require(material.clientCertificatePath)
            let client = try Certificate(pemEncoded: try String(contentsOfFile: clientPath, encoding: .utf8))

            #expect(try ca.extensions.basicConstraints == .isCertificateAuthority(maxPathLength: 0))
            let names = try #require(try server.extensions.subjectAlternativeNames)
            #expect(names.contains(.dnsName("localhost")))
            #expect(names.contains(.ipAddress(ASN1OctetString(contentBytes: [127, 0, 0, 1]))))
            #expect(names.contains(.ipAddress(ASN1OctetString(contentBytes: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]))))
            #expect(try server.extensions.extendedKeyUsage?.contains(.serverAuth) == true)
            #expect(try client.extensions.extendedKeyUsage?.contains(.clientAuth) == true)
            #expect(client.subject.description.contains("CN=pamtui-client"))

            for leaf in [server, client] {
                var verifier = Verifier(rootCertificates: CertificateStore([ca])) {
                    RFC5280Policy()
                }
                let result = await verifier.validate(leaf: leaf, intermediates: CertificateStore())
                guard case .validCertificate = result else {
                    Issue.record("\(leaf.subject) does not verify: \(result)")
                    continue
                }
            }
        }
    }

    @Test func privateKeysAreOwnerOnly() async throws {
        try await withTemporaryDirectory { directory in
            let material = try TLSMaterial.generate(in: directory + "/state", clientCertificate: true)
            for path in [material.serverKeyPath, try #require(material.clientKeyPath)] {
                let mode = try #require(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)
                #expect(mode.intValue & 0o777 == 0o600)
                #expect(try String(contentsOfFile: path, encoding: .utf8).hasPrefix("-----BEGIN PRIVATE KEY-----"))
            }
            let directoryMode = try #require(
                try FileManager.default.attributesOfItem(atPath: directory + "/state")[.posixPermissions] as? NSNumber)
            #expect(directoryMode.intValue & 0o777 == 0o700)
        }
    }

    @Test func noClientCertificateUnlessAsked() async throws {
        try await withTemporaryDirectory { directory in
            let material = try TLSMaterial.generate(in: directory, clientCertificate: false)
            #expect(material.clientCertificatePath == nil)
            #expect(material.clientKeyPath == nil)
        }
    }
}
