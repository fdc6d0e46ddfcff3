import Foundation
import PAMCore
import PAMSimulator

/// A test client for the Password Safe simulator that keeps the session cookie itself.
final class BeyondTrustTestClient {
    let endpoint: SimulatedEndpoint
    let port: Int
    let basePath = "/BeyondTrust/api/public/v3"
    var cookie: String?
    /// Sent on every call when set (BIPS keeps sending its Authorization header).
    var authorization: String?

    init(_ simulator: Simulator) throws {
        guard let endpoint = simulator.endpoint(for: .beyondtrust),
              let port = URLComponents(string: endpoint.url)?.port
        else { throw PAMError(.configuration, "no BeyondTrust endpoint") }
        self.endpoint = endpoint
        self.port = port
    }

    var apiKey: String { endpoint.credential("apiKey") ?? "" }
    var runAs: String { endpoint.credential("runAs") ?? "" }
    var password: String { endpoint.credential("password") ?? "" }
    /// The header exactly as BIPS builds it: `PS-Auth key=<key>;runas=<user>;`.
    var bipsHeader: String { "PS-Auth key=\(apiKey);runas=\(runAs);" }

    /// Signs in with `header` (BIPS style by default) and keeps the cookie on 200.
    @discardableResult
    func signIn(_ header: String? = nil, path: String = "Auth/SignAppIn") async throws -> RawResponse {
        let response = try await send("POST", path, headers: [("Authorization", header ?? bipsHeader)], useSession: false)
        if response.status == 200, let setCookie = response.header("Set-Cookie") {
            cookie = String(setCookie.split(separator: ";")[0])
        }
        return response
    }

    func get(_ path: String) async throws -> RawResponse { try await send("GET", path) }

    func post(_ path: String, json: String) async throws -> RawResponse {
        try await send("POST", path, headers: [("Content-Type", "application/json")], body: Array(json.utf8))
    }

    func put(_ path: String, json: String?) async throws -> RawResponse {
        try await send("PUT", path, headers: json == nil ? [] : [("Content-Type", "application/json")], body: Array((json ?? "").utf8))
    }

    /// Sends a request relative to the base path, with the cookie (and Authorization when set).
    func send(
        _ method: String, _ path: String, headers: [(String, String)] = [], body: [UInt8] = [], useSession: Bool = true
    ) async throws -> RawResponse {
        var all = headers
        if useSession {
            if let cookie { all.append(("Cookie", cookie)) }
            if let authorization { all.append(("Authorization", authorization)) }
        }
        return try await RawHTTPClient.send(port: port, method: method, path: "\(basePath)/\(path)", headers: all, body: body)
    }

    /// Creates a request and returns its id (expects 200 or 201).
    func checkOut(system: Int, account: Int, minutes: Int = 5, conflict: String? = "reuse") async throws -> (status: Int, id: Int?) {
        let option = conflict.map { ", \"ConflictOption\": \"\($0)\"" } ?? ""
        let response = try await post(
            "Requests", json: "{\"SystemID\": \(system), \"AccountID\": \(account), \"DurationMinutes\": \(minutes), \"Reason\": \"test\"\(option)}")
        return (response.status, Int(response.text))
    }
}
