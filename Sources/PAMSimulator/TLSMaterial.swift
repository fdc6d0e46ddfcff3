import Crypto
import Foundation
import PAMCore
import X509

/// PEM files of a throw-away PKI for the simulator: a CA, a server certificate and optionally a
/// client certificate, all written under one directory (private keys with mode 0600).
public struct TLSMaterial: Sendable {
    /// The CA certificate clients trust.
    public var caCertificatePath: String
    /// The server certificate (SAN: the hosts given, serverAuth EKU).
    public var serverCertificatePath: String
    /// The server's PKCS#8 private key.
    public var serverKeyPath: String
    /// The client certificate (CN `pamtui-client`, clientAuth EKU), when one was made.
    public var clientCertificatePath: String?
    /// The client's PKCS#8 private key, when one was made.
    public var clientKeyPath: String?

    /// Material from existing files.
    public init(
        caCertificatePath: String, serverCertificatePath: String, serverKeyPath: String,
        clientCertificatePath: String? = nil, clientKeyPath: String? = nil
    ) {
        self.caCertificatePath = caCertificatePath
        self.serverCertificatePath = serverCertificatePath
        self.serverKeyPath = serverKeyPath
        self.clientCertificatePath = clientCertificatePath
        self.clientKeyPath = clientKeyPath
    }

    /// The common name of the client certificate.
    public static let clientCommonName = "pamtui-client"

    /// Makes a fresh CA, server and (optionally) client certificate and writes them as PEM files.
    public static func generate(
        in directory: String, hosts: [String] = ["127.0.0.1", "localhost", "::1"], clientCertificate: Bool
    ) throws -> TLSMaterial {
        try SecureFile.makeDirectory(directory)
        let base = URL(fileURLWithPath: directory)
        func path(_ name: String) -> String { base.appendingPathComponent(name).path }

        do {
            let now = Date()
            let notBefore = now.addingTimeInterval(-3600)
            let notAfter = now.addingTimeInterval(397 * 86400)

            let caKey = P256.Signing.PrivateKey()
            let caName = try DistinguishedName {
                OrganizationName("pamtui")
                CommonName("pamtui simulator CA")
            }
            let caPublicKey = Certificate.PublicKey(caKey.publicKey)
            let caKeyIdentifier = SubjectKeyIdentifier(hash: caPublicKey).keyIdentifier
            let ca = try Certificate(
                version: .v3, serialNumber: Certificate.SerialNumber(), publicKey: caPublicKey,
                notValidBefore: notBefore, notValidAfter: notAfter, issuer: caName, subject: caName,
                signatureAlgorithm: .ecdsaWithSHA256,
                extensions: try Certificate.Extensions {
                    Critical(BasicConstraints.isCertificateAuthority(maxPathLength: 0))
                    Critical(KeyUsage(digitalSignature: true, keyCertSign: true, cRLSign: true))
                    SubjectKeyIdentifier(keyIdentifier: caKeyIdentifier)
                },
                issuerPrivateKey: Certificate.PrivateKey(caKey))

            func leaf(commonName: String, usage: ExtendedKeyUsage.Usage, names: [GeneralName])
                throws -> (Certificate, P256.Signing.PrivateKey)
            {
                let key = P256.Signing.PrivateKey()
                let publicKey = Certificate.PublicKey(key.publicKey)
                let subject = try DistinguishedName {
                    OrganizationName("pamtui")
                    CommonName(commonName)
                }
                let certificate = try Certificate(
                    version: .v3, serialNumber: Certificate.SerialNumber(), publicKey: publicKey,
                    notValidBefore: notBefore, notValidAfter: notAfter, issuer: caName, subject: subject,
                    signatureAlgorithm: .ecdsaWithSHA256,
                    extensions: try Certificate.Extensions {
                        Critical(BasicConstraints.notCertificateAuthority)
                        Critical(KeyUsage(digitalSignature: true, keyAgreement: true))
                        try ExtendedKeyUsage([usage])
                        SubjectKeyIdentifier(hash: publicKey)
                        AuthorityKeyIdentifier(keyIdentifier: caKeyIdentifier)
                        if !names.isEmpty { SubjectAlternativeNames(names) }
                    },
                    issuerPrivateKey: Certificate.PrivateKey(caKey))
                return (certificate, key)
            }

            let serverNames = try hosts.map(generalName(for:))
            let serverCommonName = hosts.first { !$0.contains(":") && !$0.allSatisfy { $0.isNumber || $0 == "." } }
                ?? hosts.first ?? "localhost"
            let (server, serverKey) = try leaf(
                commonName: serverCommonName, usage: .serverAuth, names: serverNames)

            var material = TLSMaterial(
                caCertificatePath: path("ca-cert.pem"),
                serverCertificatePath: path("server-cert.pem"),
                serverKeyPath: path("server-key.pem"))
            try SecureFile.writeFile(try pem(ca), to: material.caCertificatePath, mode: 0o644)
            try SecureFile.writeFile(try pem(server), to: material.serverCertificatePath, mode: 0o644)
            try SecureFile.writeFile(serverKey.pemRepresentation, to: material.serverKeyPath, mode: 0o600)

            if clientCertificate {
                let (client, clientKey) = try leaf(
                    commonName: clientCommonName, usage: .clientAuth, names: [])
                let certificatePath = path("client-cert.pem")
                let keyPath = path("client-key.pem")
                try SecureFile.writeFile(try pem(client), to: certificatePath, mode: 0o644)
                try SecureFile.writeFile(clientKey.pemRepresentation, to: keyPath, mode: 0o600)
                material.clientCertificatePath = certificatePath
                material.clientKeyPath = keyPath
            }
            return material
        } catch let error as PAMError {
            throw error
        } catch {
            throw PAMError(.tls, "cannot create the simulator's certificates: \(error)")
        }
    }

    private static func pem(_ certificate: Certificate) throws -> String {
        try certificate.serializeAsPEM().pemString + "\n"
    }

    /// An IP address SAN for literal addresses, a DNS SAN otherwise.
    private static func generalName(for host: String) throws -> GeneralName {
        if let bytes = IPAddressBytes.parse(host) {
            return .ipAddress(.init(contentBytes: bytes[...]))
        }
        return .dnsName(host)
    }
}
