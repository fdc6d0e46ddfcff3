import Foundation
import Hummingbird
import HummingbirdCore
import HummingbirdTLS
import Logging
import NIOCore
import NIOSSL
import PAMCore
import ServiceLifecycle

/// One Hummingbird HTTP(S) server on a host and port (0 = any free port), shared by all
/// vendor simulators. It reports the bound port and stops on request.
final class LoopbackServer: Sendable {
    /// The address it listens on.
    let host: String
    /// The port it is bound to (the real one when 0 was asked for).
    let port: Int
    private let task: Task<Void, Never>
    private let group: ServiceGroup

    private init(host: String, port: Int, task: Task<Void, Never>, group: ServiceGroup) {
        self.host = host
        self.port = port
        self.task = task
        self.group = group
    }

    /// Starts serving `responder` and returns once the socket is bound; `label` names it in errors.
    static func start<Responder: HTTPResponder>(
        host: String, port: Int, tls: TLSConfiguration?, responder: Responder, label: String
    ) async throws -> LoopbackServer where Responder.Context == SimulatorRequestContext {
        var logger = Logger(label: "pamtui.simulator")
        logger.logLevel = .critical
        let server: HTTPServerBuilder
        if let tls {
            server = try .tls(.http1(), tlsConfiguration: tls)
        } else {
            server = .http1()
        }
        let (events, continuation) = AsyncStream<Result<Int, any Error>>.makeStream()
        let app = Application(
            responder: responder,
            server: server,
            configuration: .init(address: .hostname(host, port: port), serverName: nil),
            onServerRunning: { channel in
                continuation.yield(.success(channel.localAddress?.port ?? port))
            },
            logger: logger)
        let group = ServiceGroup(configuration: .init(services: [app], logger: logger))
        let task = Task {
            do {
                try await group.run()
            } catch {
                continuation.yield(.failure(error))
            }
            continuation.finish()
        }
        for await event in events {
            switch event {
            case .success(let boundPort):
                return LoopbackServer(host: host, port: boundPort, task: task, group: group)
            case .failure(let error):
                throw Self.describe(error, host: host, port: port, label: label)
            }
        }
        task.cancel()
        throw PAMError(.configuration, "the \(label) simulator stopped before it was listening on \(host):\(port)")
    }

    /// Stops listening, lets requests in flight finish, closes connections and waits until the
    /// server is gone. Cancelling the server instead can crash NIO when a connection is being
    /// accepted at that moment ("Deinited NIOAsyncWriter without calling finish()"), so
    /// cancellation is only the fallback for a shutdown that does not end within `grace`.
    func stop(grace: Duration = .seconds(5)) async {
        await group.triggerGracefulShutdown()
        let task = self.task
        let watchdog = Task {
            try await Task.sleep(for: grace)
            task.cancel()
        }
        await task.value
        watchdog.cancel()
    }

    /// A one-line message for a failure to listen, such as a port in use.
    private static func describe(_ error: any Error, host: String, port: Int, label: String) -> PAMError {
        let address = host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
        if let io = error as? IOError {
            let reason = String(cString: strerror(io.errnoCode))
            let hint = io.errnoCode == EADDRINUSE ? " (another program uses this port; pick another or 0 for any)" : ""
            return PAMError(.configuration, "the \(label) simulator cannot listen on \(address): \(reason)\(hint)")
        }
        return PAMError(.configuration, "the \(label) simulator cannot listen on \(address): \(error)")
    }

    /// The server side of TLS from PEM files. `.mutualTLS`: clients must present a certificate the
    /// CA signed. `.optionalClientCertificate`: the server asks for one (BoringSSL `SSL_VERIFY_PEER`
    /// without `SSL_VERIFY_FAIL_IF_NO_PEER_CERT`, which NIOSSL calls `.optionalVerification`), a
    /// presented certificate must verify, and clients without one are let in.
    static func tlsConfiguration(_ material: TLSMaterial, clientCertificates: SimulatorTLS) throws -> TLSConfiguration {
        do {
            let chain = try NIOSSLCertificate.fromPEMFile(material.serverCertificatePath).map { NIOSSLCertificateSource.certificate($0) }
            let key = NIOSSLPrivateKeySource.privateKey(try NIOSSLPrivateKey(file: material.serverKeyPath, format: .pem))
            guard clientCertificates.requestsClientCertificate else {
                return .makeServerConfiguration(certificateChain: chain, privateKey: key)
            }
            var configuration = TLSConfiguration.makeServerConfigurationWithMTLS(
                certificateChain: chain, privateKey: key, trustRoots: .file(material.caCertificatePath))
            configuration.certificateVerification =
                clientCertificates == .mutualTLS ? .noHostnameVerification : .optionalVerification
            return configuration
        } catch {
            throw PAMError(.tls, "cannot load the simulator's certificates: \(error)")
        }
    }
}
