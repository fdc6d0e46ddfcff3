import PAMCore

/// Every Secret Server call pamtui makes: the one place that knows methods, paths and queries.
/// Paths are below the site URL.
enum SecretServerEndpoint: Sendable {
    case healthCheck
    case token
    case expireToken
    /// `noAutoCheckout`: only look, never check the secret out as a side effect.
    case secret(id: String, noAutoCheckout: Bool)
    /// `\Folder\Sub\Name`, looked up with id 0.
    case secretByPath(String, noAutoCheckout: Bool)
    case field(secretID: String, slug: String, noAutoCheckout: Bool)
    case restricted(secretID: String)
    case restrictedField(secretID: String, slug: String)
    case state(secretID: String)
    case searchSecrets(SecretSearch, skip: Int, take: Int)
    case checkOut(secretID: String)
    case checkIn(secretID: String)
    case extendCheckOut(secretID: String)
    case template(id: String)
    case templates(skip: Int, take: Int)
    case folder(id: String, allChildren: Bool)
    case folderByPath(String)
    case folders(parentID: String?, skip: Int, take: Int)
    case createSecret
    case updateField(secretID: String, slug: String)
    case deleteSecret(id: String)
    /// `PUT secrets/{id}/activate`: a deleted secret active again.
    case undeleteSecret(id: String)
    case createFolder
    case updateFolder(id: String)
    case deleteFolder(id: String)
    /// `type`: `Folder` or `Secret`.
    case metadata(type: String, itemID: String)
    case createMetadata(type: String, itemID: String)
    case updateMetadata(type: String, itemID: String)
    case deleteMetadata(type: String, itemID: String, entryID: String)

    var method: HTTPMethod {
        switch self {
        case .token, .expireToken, .restricted, .restrictedField, .checkOut, .checkIn, .extendCheckOut: .post
        case .createSecret, .createFolder, .createMetadata: .post
        case .updateField, .updateFolder, .undeleteSecret: .put
        case .updateMetadata: .patch
        case .deleteSecret, .deleteFolder, .deleteMetadata: .delete
        default: .get
        }
    }

    /// Restricted reads are POSTs that change nothing: safe to send again after signing in.
    var safeToResend: Bool {
        switch self {
        case .restricted, .restrictedField: true
        default: method.isIdempotent
        }
    }

    /// True when the answer carries secret values (the trace omits even its size).
    var answersSecret: Bool {
        switch self {
        case .token, .secret, .secretByPath, .field, .restricted, .restrictedField, .createSecret, .updateField, .undeleteSecret: true
        default: false
        }
    }

    var target: (path: String, query: [(String, String?)]) {
        func flag(_ on: Bool) -> String? { on ? "true" : nil }
        switch self {
        case .healthCheck: return ("api/v1/healthcheck", [])
        case .token: return ("oauth2/token", [])
        case .expireToken: return ("api/v1/oauth-expiration", [])
        case .secret(let id, let look): return ("api/v1/secrets/\(URLQuery.segment(id))", [("noAutoCheckout", flag(look))])
        case .secretByPath(let path, let look):
            return ("api/v1/secrets/0", [("secretPath", path), ("noAutoCheckout", flag(look))])
        case .field(let id, let slug, let look):
            return ("api/v1/secrets/\(URLQuery.segment(id))/fields/\(URLQuery.segment(slug))", [("noAutoCheckout", flag(look))])
        case .restricted(let id): return ("api/v1/secrets/\(URLQuery.segment(id))/restricted", [])
        case .restrictedField(let id, let slug):
            return ("api/v1/secrets/\(URLQuery.segment(id))/restricted/fields/\(URLQuery.segment(slug))", [])
        case .state(let id): return ("api/v1/secrets/\(URLQuery.segment(id))/state", [])
        case .searchSecrets(let search, let skip, let take):
            return ("api/v1/secrets", search.query + [("skip", "\(skip)"), ("take", "\(take)")])
        case .checkOut(let id): return ("api/v1/secrets/\(URLQuery.segment(id))/check-out", [])
        case .checkIn(let id): return ("api/v1/secrets/\(URLQuery.segment(id))/check-in", [])
        case .extendCheckOut(let id): return ("api/v1/secrets/\(URLQuery.segment(id))/extend-check-out", [])
        case .template(let id): return ("api/v1/secret-templates/\(URLQuery.segment(id))", [])
        case .templates(let skip, let take): return ("api/v1/secret-templates", [("skip", "\(skip)"), ("take", "\(take)")])
        case .folder(let id, let all): return ("api/v1/folders/\(URLQuery.segment(id))", [("getAllChildren", flag(all))])
        case .folderByPath(let path): return ("api/v1/folders/0", [("folderPath", path)])
        case .createSecret: return ("api/v1/secrets", [])
        case .updateField(let id, let slug): return ("api/v1/secrets/\(URLQuery.segment(id))/fields/\(URLQuery.segment(slug))", [])
        case .deleteSecret(let id): return ("api/v1/secrets/\(URLQuery.segment(id))", [])
        case .undeleteSecret(let id): return ("api/v1/secrets/\(URLQuery.segment(id))/activate", [])
        case .createFolder: return ("api/v1/folders", [])
        case .updateFolder(let id), .deleteFolder(let id): return ("api/v1/folders/\(URLQuery.segment(id))", [])
        case .metadata(let type, let id): return ("api/v1/metadata", [("filter.itemId", id), ("filter.metadataType", type)])
        case .createMetadata(let type, let id), .updateMetadata(let type, let id):
            return ("api/v1/metadata/\(URLQuery.segment(type))/\(URLQuery.segment(id))", [])
        case .deleteMetadata(let type, let id, let entry):
            return ("api/v1/metadata/\(URLQuery.segment(type))/\(URLQuery.segment(id))/\(URLQuery.segment(entry))", [])
        case .folders(let parentID, let skip, let take):
            return ("api/v1/folders", [
                ("filter.parentFolderId", parentID), ("filter.limitToDirectDescendents", parentID.map { _ in "true" }),
                ("skip", "\(skip)"), ("take", "\(take)"),
            ])
        }
    }

    /// The operation in words, for errors.
    var operation: String {
        switch self {
        case .healthCheck: "health check"
        case .token: "sign-in"
        case .expireToken: "sign-out"
        case .secret, .secretByPath, .restricted: "get secret"
        case .field, .restrictedField: "get field"
        case .state: "secret state"
        case .searchSecrets: "list secrets"
        case .checkOut: "check-out"
        case .checkIn: "check-in"
        case .extendCheckOut: "extend check-out"
        case .template: "get template"
        case .templates: "list templates"
        case .folder, .folderByPath: "get folder"
        case .folders: "list folders"
        case .createSecret: "create secret"
        case .updateField: "update field"
        case .deleteSecret: "delete secret"
        case .undeleteSecret: "undelete secret"
        case .createFolder: "create folder"
        case .updateFolder: "update folder"
        case .deleteFolder: "delete folder"
        case .metadata: "list metadata"
        case .createMetadata, .updateMetadata: "set metadata"
        case .deleteMetadata: "delete metadata"
        }
    }

    func request(site: String, headers: [HTTPHeader] = [], body: HTTPBody = .empty) -> HTTPRequest {
        let (path, query) = target
        var all = [HTTPHeader("Accept", "application/json")] + headers
        // A body is JSON unless the caller says otherwise (the token's form, a file upload):
        // the server binds nothing it cannot name the type of.
        if body.count > 0, !all.contains(where: { $0.name.lowercased() == "content-type" }) {
            all.append(HTTPHeader("Content-Type", "application/json"))
        }
        return HTTPRequest(method, URLQuery.url(site, path, query), headers: all, body: body, responseIsSecret: answersSecret)
    }
}

/// The filters of a secret search.
struct SecretSearch: Sendable, Equatable {
    var folderID: String?
    var includeSubFolders = false
    var text: String?
    var onlyCheckedOutByMe = false
    /// Deleted (inactive) secrets instead of active ones.
    var onlyDeleted = false

    var query: [(String, String?)] {
        [
            ("filter.folderId", folderID), ("filter.includeSubFolders", includeSubFolders ? "true" : nil),
            ("filter.searchText", text), ("filter.onlySecretsCheckedOutByUser", onlyCheckedOutByMe ? "true" : nil),
            ("filter.includeRestricted", "true"),
            ("filter.includeInactive", onlyDeleted ? "true" : nil), ("filter.includeActive", onlyDeleted ? "false" : nil),
        ]
    }
}
