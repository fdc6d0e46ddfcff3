import Foundation
import PAMConfig
import PAMCore
import PAMModules
import PAMTransport

/// Makes a signed-out vendor client, with its own transport, from a profile.
enum ClientFactory {
    /// The client and the transport it owns.
    struct Connection {
        var client: any VendorClient
        var transport: CurlTransport
    }

    /// `prompter` asks for what the profile has no source for (a one-time code).
    static func connect(_ profile: Profile, observer: (any HTTPExchangeObserver)?, prompter: (any SecretPrompter)?) throws -> Connection {
        do {
            let transport = try CurlTransport(options: try transportOptions(profile), observer: observer)
            let client = try VendorRegistry.standard.module(profile.vendor).makeClient(profile, transport: transport, prompter: prompter)
            return Connection(client: client, transport: transport)
        } catch {
            throw PAMError.wrap(error, profile: profile.name, operation: "connect")
        }
    }

    /// What a profile's client will be able to do, before connecting.
    static func capabilities(of profile: Profile) -> Capabilities {
        (try? VendorRegistry.standard.module(profile.vendor).capabilities(for: profile)) ?? []
    }

    static func transportOptions(_ profile: Profile) throws -> TransportOptions {
        var options = TransportOptions()
        options.verifyTLS = profile.tls.verify
        options.allowInsecureHTTP = profile.insecureHTTP
        options.connectTimeout = .milliseconds(Int(profile.connectTimeoutSeconds * 1000))
        options.totalTimeout = .milliseconds(Int(profile.timeoutSeconds * 1000))
        if let caFile = profile.tls.caFile {
            guard let data = FileManager.default.contents(atPath: caFile) else {
                throw PAMError(.configuration, "cannot read ca_file \(caFile)")
            }
            options.caBundle = Array(data)
        }
        options.clientIdentity = try clientIdentity(profile.tls)
        if let proxy = profile.proxy {
            options.proxy = ProxySettings(
                url: proxy.url, auth: ProxyAuthScheme(rawValue: proxy.auth) ?? .none, username: proxy.username,
                password: try proxy.password?.resolve(key: "proxy_password"), noProxy: proxy.noProxy
            )
        }
        return options
    }

    private static func clientIdentity(_ tls: TLSSettings) throws -> ClientIdentity? {
        if let certificate = tls.clientCertificate, let key = tls.clientKey {
            guard let certificateData = FileManager.default.contents(atPath: certificate) else {
                throw PAMError(.configuration, "cannot read client_cert \(certificate)")
            }
            return .pem(
                certificate: Array(certificateData), key: try SecretFile.read(key),
                keyPassphrase: try tls.clientKeyPassphrase?.resolve(key: "client_key_passphrase")
            )
        }
        if let bundle = tls.clientPKCS12 {
            return .pkcs12(
                bundle: try SecretFile.read(bundle),
                passphrase: try tls.clientPKCS12Passphrase?.resolve(key: "client_p12_passphrase")
            )
        }
        return nil
    }
}
