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

    public init(
        profile: String, configuration: SecretServerConfiguration, transport: any HTTPTransport,
        now: @escaping @Sendable () -> Date = Date.init
    ) {
        self.profile = profile
        self.configuration = configuration
        self.session = SecretServerSession(transport: transport, configuration: configuration, profile: profile, now: now)
        self.now = now
    }

    public func signOut() async {
        await session.signOut()
    }

    public func sessionStatus() async -> SessionStatus {
        await session.status
    }

    /// The whole secret (without its secret values), looking only: never checks it out.
    func model(id: String, subject: String? = nil) async throws -> SecretModel {
        let endpoint = SecretServerEndpoint.secret(id: id, noAutoCheckout: true)
        let response = try await explaining(id: id, subject: subject ?? "secret \(id)") {
            try await session.send(endpoint, subject: subject ?? "secret \(id)")
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
    /// is explained by the secret's `/state`.
    func explaining<T>(id: String, subject: String, _ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as PAMError where error.status == 400 && error.kind == .server {
            throw await explained(error, id: id, subject: subject)
        }
    }

    func explained(_ error: PAMError, id: String, subject: String) async -> PAMError {
        guard let state = try? await session.decode(SecretServerDTO.SecretState.self, .state(secretID: id)) else { return error }
        if state.isCheckedOut == true, state.isCheckedOutByCurrentUser != true {
            return Self.heldByOther(subject, state, error)
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

