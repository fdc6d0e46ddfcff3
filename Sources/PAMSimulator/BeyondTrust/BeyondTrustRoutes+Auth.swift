import PAMCore
import Foundation

extension BeyondTrustSimulator {
    /// `POST Auth/connect/token`: OAuth client credentials (form body, or HTTP Basic).
    func token(_ request: SimulatorRequest) -> SimulatorResponse {
        let form = Dictionary(
            SimulatorRequest.parseQuery(Substring(decoding: request.body, as: UTF8.self)).map { ($0.name.lowercased(), $0.value) },
            uniquingKeysWith: { first, _ in first })
        var clientID = form["client_id"]
        var clientSecret = form["client_secret"]
        if let basic = request.header("authorization"), basic.lowercased().hasPrefix("basic "),
           let decoded = Data(base64Encoded: String(basic.dropFirst(6)).trimmingCharacters(in: .whitespaces)),
           let pair = String(data: decoded, encoding: .utf8), let colon = pair.firstIndex(of: ":") {
            clientID = clientID ?? String(pair[..<colon])
            clientSecret = clientSecret ?? String(pair[pair.index(after: colon)...])
        }
        guard form["grant_type"] == "client_credentials" else {
            return .json(400) { $0.object { $0.field("error", "unsupported_grant_type") } }
        }
        guard clientID == oauthClientID, clientSecret == oauthClientSecret else {
            return .json(401) { $0.object { $0.field("error", "invalid_client") } }
        }
        let value = Self.randomToken(bytes: 32)
        var lifetime = TimeInterval(BeyondTrustState.tokenLifetime)
        if let limit = environment.faults.expireSessionAfter { lifetime = min(lifetime, limit.seconds) }
        state.withLock { $0.tokens[value] = BTToken(value: value, expires: request.now.addingTimeInterval(lifetime)) }
        return .json { w in
            w.object { w in
                w.field("access_token", value)
                w.field("expires_in", BeyondTrustState.tokenLifetime)
                w.field("token_type", "Bearer")
                w.field("scope", "publicapi")
            }
        }
    }

    /// `POST Auth/SignAppin`: PS-Auth or Bearer in, user object and session cookie out.
    func signAppIn(_ request: SimulatorRequest) -> SimulatorResponse {
        state.withLock { state in
            if case .failure(let refusal) = checkAuthorization(request, in: state, required: true) {
                return refusal.response
            }
            let id = Self.sessionID()
            state.sessions[id] = BTSession(id: id, userName: BeyondTrustSecrets.runAsUser, created: request.now, lastSeen: request.now)
            var writer = JSONWriter()
            writer.object { w in
                w.field("UserId", 2)
                w.field("SID", "S-1-5-21-3623811015-3361044348-30300820-1002")
                w.field("EmailAddress", "svc-pamtui@corp.example.test")
                w.field("UserName", BeyondTrustSecrets.runAsUser)
                w.field("Name", "pamtui service account")
            }
            return .json(200, writer.bytes, headers: [("Set-Cookie", "ASP.NET_SessionId=\(id); path=/; HttpOnly")])
        }
    }

    /// `POST Auth/Signout`: ends the cookie's session; always 200 with an empty body, since
    /// clients call it after every error, session or not.
    func signOut(_ request: SimulatorRequest) -> SimulatorResponse {
        if let id = request.cookies["ASP.NET_SessionId"] {
            state.withLock { _ = $0.sessions.removeValue(forKey: id) }
        }
        return .empty(200)
    }

    /// The caller's live session (touching its idle timer), or why there is none.
    func session(for request: SimulatorRequest, in state: inout BeyondTrustState) -> Result<BTSession, Refusal> {
        guard let id = request.cookies["ASP.NET_SessionId"], var session = state.sessions[id] else {
            return .failure(Refusal(401, "User not authenticated: sign in with POST Auth/SignAppin first"))
        }
        let idle = request.now.timeIntervalSince(session.lastSeen)
        var expired = idle >= BeyondTrustState.sessionIdleLimit
        if let limit = environment.faults.expireSessionAfter, request.now.timeIntervalSince(session.created) >= limit.seconds {
            expired = true
        }
        if expired {
            state.sessions.removeValue(forKey: id)
            return .failure(Refusal(401, "Session has expired: sign in again"))
        }
        // Clients that keep sending Authorization (BIPS, bt-cli) must send a valid one.
        if case .failure(let refusal) = checkAuthorization(request, in: state, required: false) {
            return .failure(refusal)
        }
        session.lastSeen = request.now
        state.sessions[id] = session
        return .success(session)
    }

    /// Checks `Authorization: PS-Auth key=…; runas=…; [pwd=[…];]` or `Bearer <token>`.
    func checkAuthorization(_ request: SimulatorRequest, in state: BeyondTrustState, required: Bool) -> Result<Void, Refusal> {
        guard let header = request.header("authorization")?.trimmingCharacters(in: .whitespaces), !header.isEmpty else {
            return required ? .failure(Refusal(401, "Authorization header missing")) : .success(())
        }
        let lower = header.lowercased()
        if lower.hasPrefix("bearer ") {
            let value = header.dropFirst(7).trimmingCharacters(in: .whitespaces)
            guard let token = state.tokens[value] else { return .failure(Refusal(401, "Invalid access token")) }
            guard token.expires > request.now else { return .failure(Refusal(401, "Access token has expired")) }
            return .success(())
        }
        guard lower.hasPrefix("ps-auth") else { return .failure(Refusal(401, "Unsupported authorization scheme")) }
        let parts = Self.psAuthParts(String(header.dropFirst("ps-auth".count)))
        guard parts["key"] == apiKey else { return .failure(Refusal(401, "Invalid API key")) }
        guard let runAs = parts["runas"], runAs.lowercased() == BeyondTrustSecrets.runAsUser else {
            return .failure(Refusal(401, "The run-as user is not allowed to use this API key"))
        }
        if let password = parts["pwd"], password != runAsPassword {
            return .failure(Refusal(401, "Invalid run-as user password"))
        }
        return .success(())
    }

    /// Splits `key=…; runas=…; pwd=[…];` into lower-cased keys and values (brackets removed from pwd).
    static func psAuthParts(_ text: String) -> [String: String] {
        var parts: [String: String] = [:]
        for item in text.split(separator: ";") {
            let trimmed = item.trimmingCharacters(in: .whitespaces)
            guard let equals = trimmed.firstIndex(of: "=") else { continue }
            let key = trimmed[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
            var value = trimmed[trimmed.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            if key == "pwd", value.hasPrefix("["), value.hasSuffix("]"), value.count >= 2 {
                value = String(value.dropFirst().dropLast())
            }
            if parts[key] == nil { parts[key] = value }
        }
        return parts
    }

    /// An ASP.NET-style session id: 24 characters of lowercase base32.
    static func sessionID() -> String {
        let alphabet = Array("abcdefghijklmnopqrstuvwxyz012345")
        var generator = SystemRandomNumberGenerator()
        return String((0..<24).map { _ in alphabet[Int(generator.next() % 32)] })
    }

    /// An opaque random token of `bytes` bytes in hex.
    static func randomToken(bytes: Int) -> String {
        DemoSecrets.randomToken(bytes: bytes)
    }
}

extension Duration {
    /// The duration in (fractional) seconds.
    var seconds: TimeInterval {
        let parts = components
        return TimeInterval(parts.seconds) + TimeInterval(parts.attoseconds) / 1e18
    }
}
