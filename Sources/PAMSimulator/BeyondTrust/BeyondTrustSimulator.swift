import Foundation
import PAMCore

extension SimulatorKind {
    /// BeyondTrust Password Safe.
    public static let beyondtrust = SimulatorKind(vendor: "beyondtrust", shortName: "Password Safe") {
        BeyondTrustSimulator($0)
    }
}

/// BeyondTrust Password Safe / BeyondInsight public API v3, over a seeded world.
/// The routes are declared here; their handlers live in `BeyondTrustRoutes+*.swift`.
final class BeyondTrustSimulator: SimulatedVendor {
    let basePath = "/BeyondTrust/api/public/v3"
    let aliasBasePaths = ["/eEye.RetinaCS.Server/api/public/v3"]
    let world: BeyondTrustWorld
    let state = Locked(BeyondTrustState())
    /// Encoded requestor-view rows, so listing 100,000 accounts is mostly copying bytes.
    let accountRows = EncodedRowCache<Date>()
    let environment: SimulatorEnvironment
    let apiKey: String
    let runAsPassword: String
    let oauthClientID: String
    let oauthClientSecret: String

    init(_ environment: SimulatorEnvironment) {
        self.environment = environment
        world = BeyondTrustWorld(seed: environment.seed, scale: environment.scale, start: environment.clock.now())
        apiKey = BeyondTrustSecrets.apiKey(seed: environment.seed)
        runAsPassword = BeyondTrustSecrets.runAsPassword(seed: environment.seed)
        oauthClientID = BeyondTrustSecrets.oauthClientID(seed: environment.seed)
        oauthClientSecret = BeyondTrustSecrets.oauthClientSecret(seed: environment.seed)
    }

    var credentials: [(key: String, value: String)] {
        [
            ("apiKey", apiKey), ("runAs", BeyondTrustSecrets.runAsUser), ("password", runAsPassword),
            ("oauthClientId", oauthClientID), ("oauthClientSecret", oauthClientSecret),
        ]
    }

    var routes: RouteTable {
        var routes = RouteTable()
        routes.post("Auth/connect/token", authentication: true) { [self] in token($0) }
        routes.post("Auth/SignAppin", authentication: true) { [self] in signAppIn($0) }
        routes.post("Auth/Signout", authentication: true) { [self] in signOut($0) }

        routes.get("ManagedSystems") { [self] in listManagedSystems($0) }
        routes.get("ManagedSystems/{id}") { [self] in managedSystem($0) }
        routes.get("ManagedSystems/{id}/ManagedAccounts") { [self] in managedAccountsOfSystem($0) }
        routes.get("ManagedAccounts") { [self] in listManagedAccounts($0) }
        routes.get("ManagedAccounts/{id}") { [self] in managedAccount($0) }

        routes.post("Requests") { [self] in createRequest($0) }
        routes.get("Requests") { [self] in listRequests($0) }
        routes.put("Requests/{id}/Checkin") { [self] in checkIn($0) }
        routes.put("Requests/Release/{id}") { [self] in checkIn($0) }
        routes.put("Requests/{id}/Approve") { [self] in approve($0) }
        routes.put("Requests/{id}/Deny") { [self] in deny($0) }
        routes.put("Requests/{id}/RotateOnCheckin") { [self] in rotateOnCheckin($0) }
        routes.get("Credentials/{id}") { [self] in credential($0) }

        routes.get("Secrets-Safe/Folders") { [self] in listFolders($0) }
        routes.get("Secrets-Safe/Folders/{id}") { [self] in folder($0) }
        routes.get("Secrets-Safe/Folders/{id}/Secrets") { [self] in secretsOfFolder($0) }
        routes.get("Secrets-Safe/Secrets") { [self] in listSecrets($0) }
        routes.get("Secrets-Safe/Secrets/{id}") { [self] in secret($0) }
        routes.get("Secrets-Safe/Secrets/{id}/text") { [self] in secret($0, kind: .text) }
        routes.get("Secrets-Safe/Secrets/{id}/file") { [self] in secret($0, kind: .file) }
        routes.get("Secrets-Safe/Secrets/{id}/file/download") { [self] in downloadFile($0) }
        return routes
    }

    func notFound(_ request: SimulatorRequest) -> SimulatorResponse {
        .jsonString(404, "No HTTP resource was found that matches the request URI.")
    }

    // MARK: Shared helpers for the handlers

    /// Runs `body` for a signed-in caller under the state lock, or answers 401.
    func authorized(
        _ request: SimulatorRequest, _ body: (BTSession, inout BeyondTrustState) -> SimulatorResponse
    ) -> SimulatorResponse {
        state.withLock { state in
            state.expireRequests(now: request.now, world: world)
            switch session(for: request, in: &state) {
            case .success(let session): return body(session, &state)
            case .failure(let refusal): return refusal.response
            }
        }
    }

    /// A request's `limit` and `offset`; nil limit when absent. Bad numbers give a 400.
    func paging(_ request: SimulatorRequest) -> Result<(limit: Int?, offset: Int), Refusal> {
        var limit: Int?
        if let text = request.query("limit") {
            guard let value = Int(text), value >= 1 else { return .failure(Refusal(400, "limit must be a positive whole number")) }
            limit = value
        }
        var offset = 0
        if let text = request.query("offset") {
            guard let value = Int(text), value >= 0 else { return .failure(Refusal(400, "offset must be zero or a positive whole number")) }
            offset = value
        }
        return .success((limit, offset))
    }

    /// An error answer: status plus a JSON string body.
    struct Refusal: Error {
        var status: Int
        var message: String

        init(_ status: Int, _ message: String) {
            self.status = status
            self.message = message
        }

        var response: SimulatorResponse { .jsonString(status, message) }
    }
}

extension Array {
    /// The `offset`/`limit` window of the array (O(limit)).
    func page(limit: Int?, offset: Int) -> ArraySlice<Element> {
        let lower = Swift.min(offset, count)
        let upper = limit.map { Swift.min(count, lower + $0) } ?? count
        return self[lower..<upper]
    }
}
