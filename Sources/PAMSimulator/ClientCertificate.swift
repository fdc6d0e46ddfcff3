import Crypto
import X509

/// The certificate a client presented in the TLS handshake of the connection a request came on.
/// The TLS layer has already verified it against the simulator's CA (``SimulatorTLS/mutualTLS``
/// and ``SimulatorTLS/optionalClientCertificate``), so handlers only decide what it identifies.
struct ClientCertificate: Sendable, Equatable {
    /// The leaf certificate, DER-encoded.
    var der: [UInt8]
    /// The subject in RFC 4514 form, e.g. `CN=pamtui-client,O=pamtui`; nil when it does not parse.
    var subject: String?
    /// The subject's common name (`pamtui-client` for ``TLSMaterial``'s client certificate).
    var commonName: String?
    /// SHA-256 of ``der`` as upper-case hex without separators.
    var sha256Fingerprint: String
    /// SHA-1 of ``der`` as upper-case hex without separators: the "thumbprint" Windows products
    /// (Safeguard's certificate users) identify certificates by.
    var sha1Thumbprint: String

    init(der: [UInt8]) {
        self.der = der
        sha256Fingerprint = Self.hex(SHA256.hash(data: der))
        sha1Thumbprint = Self.hex(Insecure.SHA1.hash(data: der))
        if let certificate = try? Certificate(derEncoded: der) {
            subject = certificate.subject.description
            commonName = certificate.subject.lazy.flatMap { $0 }
                .first { $0.type == .RDNAttributeType.commonName }
                .flatMap { String($0.value) }
        }
    }

    private static func hex(_ digest: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789ABCDEF".utf8)
        var text = [UInt8]()
        for byte in digest {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
