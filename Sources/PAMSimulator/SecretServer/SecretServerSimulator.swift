import Foundation
import PAMCore

extension SimulatorKind {
    /// Delinea (Thycotic) Secret Server.
    public static let secretserver = SimulatorKind(
        vendor: "secretserver", shortName: "Secret Server", settings: SecretServerConfiguration.settings
    ) {
        SecretServerSimulator($0)
    }
}

/// Delinea Secret Server's REST API (`{site}/api/v1`, `{site}/oauth2/token`) over a seeded
/// world, with the site at `/SecretServer` as on an on-premises install. The routes are declared
/// here; their handlers live in `SecretServerRoutes+*.swift`.
final class SecretServerSimulator: SimulatedVendor {
    let basePath = "/SecretServer"
    let state: Locked<SecretServerState>
    let configuration: SecretServerConfiguration
    /// Search results' summaries as JSON, by secret id, for the world's generation.
    let summaryRows = EncodedRowCache<Int>()
    let environment: SimulatorEnvironment
    let seed: UInt64

    init(_ environment: SimulatorEnvironment) {
        self.environment = environment
        seed = environment.seed
        configuration = SecretServerConfiguration(environment.settings)
        let world = SecretServerWorld(seed: environment.seed, scale: environment.scale, start: environment.clock.now())
        state = Locked(SecretServerState(world: world))
    }

    /// username, password and domain sign the demo user in (the domain is optional); the rest
    /// are for tests: a two-factor user with its `otp` code, a second user, a DoubleLock password.
    var credentials: [(key: String, value: String)] {
        [
            ("username", SecretServerWorld.demoUserName),
            ("password", SecretServerCredentials.password(seed: seed, user: SecretServerWorld.demoUserName)),
            ("domain", SecretServerWorld.demoDomain),
            ("otpUsername", SecretServerWorld.otpUserName),
            ("otpPassword", SecretServerCredentials.password(seed: seed, user: SecretServerWorld.otpUserName)),
            ("otpCode", SecretServerCredentials.otpCode(seed: seed)),
            ("otherUsername", SecretServerWorld.otherUserName),
            ("otherPassword", SecretServerCredentials.password(seed: seed, user: SecretServerWorld.otherUserName)),
            ("doubleLockPassword", SecretServerCredentials.doubleLockPassword(seed: seed)),
        ]
    }

    var routes: RouteTable {
        var routes = RouteTable()
        routes.get("api/v1/healthcheck") { [self] in healthCheck($0) }
        routes.post("oauth2/token", authentication: true) { [self] in token($0) }
        routes.post("api/v1/oauth-expiration", authentication: true) { [self] in expireToken($0) }

        for version in ["v1", "v2"] {
            let api = "api/\(version)"
            routes.get("\(api)/secrets") { [self] in searchSecrets($0) }
            routes.get("\(api)/secret-templates/{id}") { [self] in template($0) }
        }
        routes.get("api/v1/secrets/search-total") { [self] in searchTotal($0) }
        routes.get("api/v1/secrets/lookup") { [self] in lookupSecrets($0) }
        routes.get("api/v1/secrets/lookup/{id}") { [self] in lookupSecret($0) }
        routes.get("api/v1/secrets/stub") { [self] in secretStub($0) }
        routes.get("api/v1/secrets/{id}") { [self] in getSecret($0) }
        routes.get("api/v1/secrets/{id}/summary") { [self] in secretSummary($0) }
        routes.get("api/v1/secrets/{id}/state") { [self] in secretState($0) }
        routes.get("api/v1/secrets/{id}/fields/{slug}") { [self] in getField($0) }
        routes.put("api/v1/secrets/{id}/fields/{slug}") { [self] in putField($0) }
        routes.post("api/v1/secrets/{id}/restricted") { [self] in restrictedSecret($0) }
        routes.post("api/v1/secrets/{id}/restricted/fields/{slug}") { [self] in restrictedField($0) }
        routes.post("api/v1/secrets") { [self] in createSecret($0) }
        routes.put("api/v1/secrets/{id}") { [self] in updateSecret($0) }
        routes.add("DELETE", "api/v1/secrets/{id}") { [self] in deleteSecret($0) }
        routes.put("api/v1/secrets/{id}/activate") { [self] in undeleteSecret($0) }
        routes.put("api/v1/secrets/{id}/undelete") { [self] in undeleteSecret($0) }
        routes.post("api/v1/secrets/{id}/undelete") { [self] in undeleteSecret($0) }
        routes.post("api/v1/secrets/{id}/check-out") { [self] in checkOut($0) }
        routes.post("api/v1/secrets/{id}/check-in") { [self] in checkIn($0) }
        routes.post("api/v1/secrets/{id}/extend-check-out") { [self] in extendCheckOut($0) }

        routes.get("api/v1/secret-templates") { [self] in searchTemplates($0) }
        routes.post("api/v1/secret-templates/generate-password/{id}") { [self] in generatePassword($0) }

        routes.get("api/v1/folders") { [self] in searchFolders($0, lookup: false) }
        routes.get("api/v1/folders/lookup") { [self] in searchFolders($0, lookup: true) }
        routes.get("api/v1/folders/stub") { [self] in folderStub($0) }
        routes.get("api/v1/folders/{id}") { [self] in getFolder($0) }
        routes.post("api/v1/folders") { [self] in createFolder($0) }
        routes.put("api/v1/folders/{id}") { [self] in updateFolder($0) }
        routes.add("DELETE", "api/v1/folders/{id}") { [self] in deleteFolder($0) }

        routes.get("api/v1/metadata") { [self] in searchMetadata($0) }
        routes.get("api/v1/metadata/fields") { [self] in metadataFields($0) }
        routes.get("api/v1/metadata/field-sections") { [self] in metadataSections($0) }
        routes.post("api/v1/metadata/{type}/{id}") { [self] in createMetadata($0) }
        routes.add("PATCH", "api/v1/metadata/{type}/{id}") { [self] in updateMetadata($0) }
        routes.add("DELETE", "api/v1/metadata/{type}/{id}/{dataid}") { [self] in deleteMetadata($0) }
        return routes
    }

    func notFound(_ request: SimulatorRequest) -> SimulatorResponse {
        let path = ([basePath] + request.segments).joined(separator: "/")
        return SecretServerRefusal(404, nil, "No HTTP resource was found that matches the request URI '\(path)'.").response
    }

    // MARK: Shared helpers for the handlers

    /// Runs `body` for the bearer's user under the state lock (after the check-out sweep), or
    /// answers 401/403 `{message}`.
    func authorized(
        _ request: SimulatorRequest, _ body: (SSUser, inout SecretServerState) throws(SecretServerRefusal) -> SimulatorResponse
    ) -> SimulatorResponse {
        state.withLock { state in
            state.expireCheckouts(now: request.now)
            guard let user = bearerUser(request, in: &state) else {
                return SecretServerRefusal.authentication(status: configuration.expiredTokenStatus).response
            }
            do throws(SecretServerRefusal) {
                return try body(user, &state)
            } catch {
                return error.response
            }
        }
    }

    /// The user of a live `Authorization: Bearer` token; drops the token once it has expired.
    func bearerUser(_ request: SimulatorRequest, in state: inout SecretServerState) -> SSUser? {
        guard let header = request.header("authorization"), header.lowercased().hasPrefix("bearer ") else { return nil }
        let value = header.dropFirst(7).trimmingCharacters(in: .whitespaces)
        guard let token = state.tokens[value] else { return nil }
        guard token.expires > request.now else {
            state.tokens[value] = nil
            return nil
        }
        return state.world.user(token.userID)
    }

    /// A route's `{id}` as an int32, or 400.
    func id(_ request: SimulatorRequest, _ name: String = "id") throws(SecretServerRefusal) -> Int {
        guard let value = Int32(request.parameter(name)) else {
            throw SecretServerRefusal.validation("The value '\(request.parameter(name))' is not valid.")
        }
        return Int(value)
    }

    /// The request body bound case-insensitively, or 400.
    func bind(_ request: SimulatorRequest) throws(SecretServerRefusal) -> JSONBody {
        // ASP.NET binds a body by its media type; one it has no formatter for (or none, read as
        // octet-stream) is a 415, whatever the bytes.
        let type = request.header("content-type").map { $0.split(separator: ";").first.map(String.init) ?? $0 }?
            .trimmingCharacters(in: .whitespaces).lowercased() ?? "application/octet-stream"
        if !request.body.isEmpty, !type.hasSuffix("json") {
            throw SecretServerRefusal(415, nil, "The request entity's media type '\(type)' is not supported for this resource.")
        }
        guard let body = JSONBody.bind(request.body) else {
            throw SecretServerRefusal.validation("The request is invalid: the body is not a JSON object.")
        }
        return body
    }

    func refusal(_ reason: SecretServerUnconfirmedRefusal) -> SecretServerRefusal {
        reason.refusal(specificCodes: configuration.specificErrorCodes)
    }
}

extension Result where Failure == SecretServerRefusal {
    /// The value, throwing the refusal (so handlers can use `try`).
    func unwrap() throws(SecretServerRefusal) -> Success {
        switch self {
        case .success(let value): value
        case .failure(let refusal): throw refusal
        }
    }
}
