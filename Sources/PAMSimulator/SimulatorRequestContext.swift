import Hummingbird
import NIOCore
import NIOSSL

/// The request context of every simulator server. It keeps the connection's channel, so that a
/// drop fault can close the connection and ``clientCertificate()`` can read the certificate the
/// client presented in the TLS handshake.
struct SimulatorRequestContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    let channel: any Channel

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        channel = source.channel
    }

    /// The verified certificate the client presented on this connection; nil on plain HTTP and
    /// when the client sent none. Asks the connection's `NIOSSLHandler` on its event loop.
    func clientCertificate() async -> ClientCertificate? {
        guard let certificate = try? await channel.nioSSL_peerCertificate().get(),
            let der = try? certificate.toDERBytes()
        else { return nil }
        return ClientCertificate(der: der)
    }
}
