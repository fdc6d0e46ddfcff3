import Foundation
import PAMCore
import PAMSimulator

/// Plain-HTTP Secret Server simulator options for tests.
func secretServerOptions(
    clock: ManualSimulatorClock = ManualSimulatorClock(testStart), scale: Int = 0, settings: [String: String] = [:]
) -> SimulatorOptions {
    var options = SimulatorOptions(vendors: [.secretserver])
    options.clock = clock
    options.scale = scale
    options.settings = settings
    return options
}

/// A raw client for the Secret Server simulator that keeps its bearer token.
final class SecretServerTestClient {
    let endpoint: SimulatedEndpoint
    let port: Int
    let site = "/SecretServer"
    var token: String?

    init(_ simulator: Simulator) throws {
        guard let endpoint = simulator.endpoint(for: .secretserver), let port = URLComponents(string: endpoint.url)?.port else {
            throw PAMError(.configuration, "no Secret Server endpoint")
        }
        self.endpoint = endpoint
        self.port = port
    }

    var username: String { endpoint.credential("username") ?? "" }
    var password: String { endpoint.credential("password") ?? "" }
    var domain: String { endpoint.credential("domain") ?? "" }

    /// `POST oauth2/token` with a form body; keeps the access token on 200.
    @discardableResult
    func token(_ form: [(String, String)], headers: [(String, String)] = []) async throws -> RawResponse {
        let body = form.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? $0.1)" }.joined(separator: "&")
        let response = try await RawHTTPClient.send(
            port: port, method: "POST", path: "\(site)/oauth2/token",
            headers: [("Content-Type", "application/x-www-form-urlencoded")] + headers, body: Array(body.utf8))
        if response.status == 200, let value = response.object?["access_token"] as? String { token = value }
        return response
    }

    /// Signs the demo user in (or `user`), optionally naming a domain.
    @discardableResult
    func signIn(user: String? = nil, password: String? = nil, domain: String? = nil) async throws -> RawResponse {
        var form = [("username", user ?? username), ("password", password ?? self.password), ("grant_type", "password")]
        if let domain { form.append(("domain", domain)) }
        let response = try await token(form)
        guard response.status == 200 else { throw PAMError(.authentication, "sign-in failed: \(response.status) \(response.text)") }
        return response
    }

    func get(_ path: String) async throws -> RawResponse { try await send("GET", path) }
    func delete(_ path: String) async throws -> RawResponse { try await send("DELETE", path) }

    func post(_ path: String, json: String = "") async throws -> RawResponse {
        try await send("POST", path, headers: json.isEmpty ? [] : [("Content-Type", "application/json")], body: Array(json.utf8))
    }

    func put(_ path: String, json: String) async throws -> RawResponse {
        try await send("PUT", path, headers: [("Content-Type", "application/json")], body: Array(json.utf8))
    }

    func patch(_ path: String, json: String) async throws -> RawResponse {
        try await send("PATCH", path, headers: [("Content-Type", "application/json")], body: Array(json.utf8))
    }

    /// A request relative to the site, with the bearer token when there is one.
    func send(_ method: String, _ path: String, headers: [(String, String)] = [], body: [UInt8] = []) async throws -> RawResponse {
        var all = headers
        if let token { all.append(("Authorization", "Bearer \(token)")) }
        return try await RawHTTPClient.send(port: port, method: method, path: "\(site)/\(path)", headers: all, body: body)
    }

    /// A signed-in client for another user of the same simulator.
    func other(_ simulator: Simulator, user: String, password: String) async throws -> SecretServerTestClient {
        let client = try SecretServerTestClient(simulator)
        try await client.signIn(user: user, password: password)
        return client
    }
}

extension RawResponse {
    /// `items[]` of a SecretModel by slug → itemValue.
    var itemValues: [String: String] {
        var values: [String: String] = [:]
        for item in (object?["items"] as? [[String: Any]]) ?? [] {
            if let slug = item["slug"] as? String { values[slug] = item["itemValue"] as? String }
        }
        return values
    }

    /// `records[]` of a paging envelope.
    var records: [[String: Any]] { (object?["records"] as? [[String: Any]]) ?? [] }
}
