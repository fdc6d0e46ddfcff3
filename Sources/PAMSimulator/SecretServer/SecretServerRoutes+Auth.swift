import Foundation
import PAMCore

extension SecretServerSimulator {
    /// `GET api/v1/healthcheck` (no sign-in): PascalCase `Healthy`, which python-tss-sdk requires.
    func healthCheck(_ request: SimulatorRequest) -> SimulatorResponse {
        .json { w in
            w.object { w in
                w.field("Healthy", true)
                w.field("DatabaseHealthy", true)
                w.field("ServiceBusHealthy", true)
                w.field("StorageAccountHealthy", true)
                w.field("ScheduledForDeletion", false)
            }
        }
    }

    /// `POST oauth2/token` (form): the password grant (optional `domain`, `otp` header) and the
    /// single-use refresh grant. Errors are OAuth-style `{"error": …}` with 400.
    func token(_ request: SimulatorRequest) -> SimulatorResponse {
        let form = Dictionary(
            SimulatorRequest.parseQuery(Substring(decoding: request.body, as: UTF8.self)).map { ($0.name.lowercased(), $0.value) },
            uniquingKeysWith: { first, _ in first })
        return state.withLock { state in
            switch form["grant_type"]?.lowercased() {
            case "password": return passwordGrant(form, request, in: &state)
            case "refresh_token": return refreshGrant(form, request, in: &state)
            case nil: return Self.oauthError("The grant_type parameter is required.")
            default: return Self.oauthError("unsupported_grant_type")
            }
        }
    }

    private func passwordGrant(_ form: [String: String], _ request: SimulatorRequest, in state: inout SecretServerState) -> SimulatorResponse {
        // A `DOMAIN\user` username names the domain too.
        var name = form["username"] ?? ""
        var domain = form["domain"].flatMap { $0.isEmpty ? nil : $0 }
        if let slash = name.firstIndex(of: "\\") {
            domain = domain ?? String(name[..<slash])
            name = String(name[name.index(after: slash)...])
        }
        guard let user = state.world.users.first(where: { $0.userName.lowercased() == name.lowercased() }),
              let password = user.password, password == form["password"],
              domain == nil || domain?.lowercased() == user.domain?.lowercased()
        else { return Self.oauthError("Login failed.") }
        if let otp = user.otp {
            // The password is right: say whether the code is missing or wrong (wording UNCONFIRMED).
            guard let sent = request.header("otp")?.trimmingCharacters(in: .whitespaces), !sent.isEmpty else {
                return Self.oauthError("Login failed. Two-factor authentication is required: send the one-time code in the otp header.")
            }
            guard sent == otp else { return Self.oauthError("Login failed. The one-time code is not valid.") }
        }
        return issue(userID: user.id, chain: state.newChain(), refreshesUsed: 0, request, in: &state)
    }

    private func refreshGrant(_ form: [String: String], _ request: SimulatorRequest, in state: inout SecretServerState) -> SimulatorResponse {
        guard let value = form["refresh_token"], let refresh = state.refreshTokens.removeValue(forKey: value) else {
            return Self.oauthError("The refresh token is invalid, expired or already used.")
        }
        guard refresh.expires > request.now else { return Self.oauthError("The refresh token is invalid, expired or already used.") }
        return issue(userID: refresh.userID, chain: refresh.chain, refreshesUsed: refresh.refreshesUsed + 1, request, in: &state)
    }

    /// A new access token, and a refresh token while the chain has refreshes left.
    private func issue(userID: Int, chain: Int, refreshesUsed: Int, _ request: SimulatorRequest, in state: inout SecretServerState) -> SimulatorResponse {
        var lifetime = configuration.tokenLifetime
        if let limit = environment.faults.expireSessionAfter { lifetime = min(lifetime, limit.seconds) }
        let access = DemoSecrets.randomToken(bytes: 48)
        state.tokens[access] = SSAccessToken(userID: userID, expires: request.now.addingTimeInterval(lifetime), chain: chain)
        var refresh: String?
        if refreshesUsed < configuration.maxRefreshes {
            let value = DemoSecrets.randomToken(bytes: 48)
            state.refreshTokens[value] = SSRefreshToken(
                userID: userID, expires: request.now.addingTimeInterval(configuration.refreshLifetime), chain: chain, refreshesUsed: refreshesUsed)
            refresh = value
        }
        return .json(200, Self.grantJSON(access: access, expiresIn: configuration.expiresIn, refresh: refresh),
                     headers: [("Cache-Control", "no-store"), ("Pragma", "no-cache")])
    }

    private static func grantJSON(access: String, expiresIn: Int, refresh: String?) -> [UInt8] {
        var w = JSONWriter()
        w.object { w in
            w.field("access_token", access)
            w.field("token_type", "bearer")
            w.field("expires_in", expiresIn)
            if let refresh { w.field("refresh_token", refresh) }
        }
        return w.bytes
    }

    static func oauthError(_ text: String) -> SimulatorResponse {
        .json(400) { $0.object { $0.field("error", text) } }
    }

    /// `POST api/v1/oauth-expiration`: ends the bearer's token and the rest of its sign-in chain.
    func expireToken(_ request: SimulatorRequest) -> SimulatorResponse {
        state.withLock { state in
            guard let header = request.header("authorization"), header.lowercased().hasPrefix("bearer "),
                  let token = state.tokens[header.dropFirst(7).trimmingCharacters(in: .whitespaces)], token.expires > request.now
            else { return SecretServerRefusal.authentication(status: configuration.expiredTokenStatus).response }
            state.revoke(chain: token.chain)
            return .json(200, Array("{}".utf8))
        }
    }
}
