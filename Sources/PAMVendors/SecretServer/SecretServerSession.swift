import Foundation
import PAMCore

/// Secret Server's session on the kit's `VendorSession`: each call is built by its endpoint and
/// a non-2xx answer becomes the vendor's error.
struct SecretServerSession {
    private let session: VendorSession
    let site: String

    init(transport: any HTTPTransport, configuration: SecretServerConfiguration, profile: String, now: @escaping @Sendable () -> Date) {
        site = configuration.siteURL
        session = VendorSession(
            transport: transport, authenticator: SecretServerAuthenticator(configuration: configuration, profile: profile),
            retry: configuration.retry, now: now)
    }

    var status: SessionStatus {
        get async { await session.status }
    }

    /// Sends a call in the session and returns its 2xx answer, or throws the mapped error.
    func send(
        _ endpoint: SecretServerEndpoint, headers: [HTTPHeader] = [], body: HTTPBody = .empty, subject: String? = nil
    ) async throws -> HTTPResponse {
        let response = try await session.send(
            endpoint.request(site: site, headers: headers, body: body), safeToResend: endpoint.safeToResend, operation: endpoint.operation)
        guard response.isSuccess else { throw SecretServerError.from(response, endpoint: endpoint, subject: subject) }
        return response
    }

    /// A JSON answer decoded; a web page where JSON belongs (Secret Server answers some errors
    /// with 200 and HTML) is an error, not a decoding failure.
    func decode<T: Decodable>(_ type: T.Type, _ endpoint: SecretServerEndpoint, body: HTTPBody = .empty, subject: String? = nil) async throws -> T {
        let response = try await send(endpoint, body: body, subject: subject)
        try Self.requireJSON(response, endpoint: endpoint, site: site)
        return try WireJSON.decode(type, from: response.body, operation: endpoint.operation)
    }

    /// A page of list items, read by the fast scanner (100,000 secrets through `JSONDecoder`
    /// took most of a listing's time).
    func list<T: JSONScannable>(_ type: T.Type, _ endpoint: SecretServerEndpoint) async throws -> (items: [T], total: Int?) {
        let response = try await send(endpoint)
        try Self.requireJSON(response, endpoint: endpoint, site: site)
        return try WireList.decode(type, from: response.body, operation: endpoint.operation)
    }

    static func requireJSON(_ response: HTTPResponse, endpoint: SecretServerEndpoint, site: String) throws {
        let html = SecretServerError.looksLikeHTML(response.body)
        if html {
            throw PAMError(
                .malformed, "the server answered a web page, not JSON: is \(site) the Secret Server site URL?",
                operation: endpoint.operation, status: response.status)
        }
    }

    func signOut() async {
        await session.signOut()
    }
}
