import Foundation
import PAMCore

/// A Delinea Secret Server connection: folders and secrets with their template fields, and the
/// secrets' own check-out lock as the kit's lease.
public final class SecretServerClient: VendorClient {
    public let profile: String
    public static let vendorID: VendorID = "secretserver"
    public let vendor = SecretServerClient.vendorID
    let configuration: SecretServerConfiguration
    let session: SecretServerSession
    let now: @Sendable () -> Date
    /// Secrets as last looked at in this run (check-out lock, comment, fields), by id, so a
    /// check-out after a look-up asks nothing twice.
    let looked = Locked<[String: SecretModel]>([:])
    /// The fields of each secret found in this run, by id (a restricted secret's from its template).
    let knownFields = Locked<[String: [SecretField]]>([:])
    /// Template fields by template id: only templates say which fields are URLs.
    let templates = Locked<[Int: [SecretField]]>([:])
    /// Which secrets are DoubleLocked, and the password that opens them.
    let doubleLock: SecretServerDoubleLock

    public init(
        profile: String, configuration: SecretServerConfiguration, transport: any HTTPTransport,
        now: @escaping @Sendable () -> Date = Date.init
    ) {
        self.profile = profile
        self.configuration = configuration
        self.session = SecretServerSession(transport: transport, configuration: configuration, profile: profile, now: now)
        self.doubleLock = SecretServerDoubleLock(configuration: configuration, profile: profile)
        self.now = now
    }

    public func signOut() async {
        await session.signOut()
        await doubleLock.forget()
    }

    public func sessionStatus() async -> SessionStatus {
        await session.status
    }

    /// The whole secret (without its secret values), looking only: never checks it out.
    func model(id: String, subject: String? = nil) async throws -> SecretModel {
        let endpoint = SecretServerEndpoint.secret(id: id, noAutoCheckout: true)
        let response = try await explaining(id: id, subject: subject ?? "secret \(id)") {
            // A DoubleLocked secret opens only through a restricted read with its password.
            if let password = try await doubleLock.password(for: id, subject: subject ?? "secret \(id)") {
                let args = SecretServerDTO.RestrictedArgs(noAutoCheckout: true, doubleLockPassword: password)
                return try await session.send(.restricted(secretID: id), body: args.body, subject: subject ?? "secret \(id)")
            }
            return try await session.send(endpoint, subject: subject ?? "secret \(id)")
        }
        try SecretServerSession.requireJSON(response, endpoint: endpoint, site: session.site)
        let model = try SecretModel(scanning: response.body, operation: endpoint.operation)
        remember(model)
        return model
    }

    func remember(_ model: SecretModel) {
        looked.withLock { $0[String(model.id)] = model }
    }

    func lastLook(_ id: String) -> SecretModel? { looked.withLock { $0[id] } }

    /// The fields of `model`, URL flags from its template when known.
    func fields(of model: SecretModel) async -> [SecretField] {
        let urls = Set((await templateFields(model.templateID) ?? []).filter { $0.kind == .url }.map(\.slug))
        return model.items.map { SecretServerMapping.field($0, urlSlugs: urls) }
    }

    /// A template's fields, fetched once per run; nil when it cannot be read (permissions).
    func templateFields(_ id: Int?) async -> [SecretField]? {
        guard let id else { return nil }
        if let known = templates.withLock({ $0[id] }) { return known }
        guard let template = try? await session.decode(SecretServerDTO.Template.self, .template(id: String(id))) else { return nil }
        let fields = (template.fields ?? []).compactMap(SecretServerMapping.field)
        templates.withLock { $0[id] = fields }
        return fields
    }

    /// Runs a secret call; a bare 400 (access refused for a reason the answer does not name)
    /// is explained by the secret's `/state`. A refusal for want of the DoubleLock password
    /// runs the call once more (its request then carries the password); one refused with the
    /// password sent means the password is wrong.
    func explaining<T>(id: String, subject: String, _ body: () async throws -> T) async throws -> T {
        let use = SecretServerDoubleLock.Use()
        do {
            return try await SecretServerDoubleLock.$use.withValue(use) {
                do {
                    return try await body()
                } catch let error as PAMError where error.status == 400 && error.kind == .server {
                    throw await explained(error, id: id, subject: subject)
                }
            }
        } catch let error as PAMError where SecretServerError.isDoubleLockRefusal(error) {
            if use.sent.withLock({ $0 }) { throw await doubleLock.refused(subject, operation: error.operation, status: error.status) }
            guard await doubleLock.learn(id) else { throw error }
            return try await explaining(id: id, subject: subject, body)
        }
    }

    func explained(_ error: PAMError, id: String, subject: String) async -> PAMError {
        guard let state = try? await session.decode(SecretServerDTO.SecretState.self, .state(secretID: id)) else { return error }
        if state.isCheckedOut == true, state.isCheckedOutByCurrentUser != true {
            return Self.heldByOther(subject, state, error)
        }
        if state.secretState == SecretServerError.doubleLockState {
            return SecretServerError.doubleLocked(subject, operation: error.operation, status: error.status)
        }
        guard let word = state.secretState, let words = SecretServerMapping.explain(word) else { return error }
        var explained = PAMError(SecretServerMapping.errorKind(word), "\(subject) \(words)", operation: error.operation, status: error.status)
        explained.vendorCode = error.vendorCode ?? word
        return explained
    }

    static func heldByOther(_ subject: String, _ state: SecretServerDTO.SecretState, _ error: PAMError?) -> PAMError {
        let who = state.checkedOutUserDisplayName.flatMap { $0.isEmpty ? nil : $0 } ?? "another user"
        let left = state.checkOutMinutesRemaining.map { " for \($0) more min" } ?? ""
        return PAMError(
            .conflict, "\(subject) is checked out by \(TerminalText.sanitized(who))\(left); --force-check-in takes it over (or checkin --force ends it) if you may",
            operation: error?.operation ?? "check-out", vendorCode: "CheckedOutByAnotherUser", status: error?.status)
    }
}

