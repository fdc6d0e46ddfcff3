import PAMCore

/// Every BeyondTrust call pamtui makes: the one place that knows methods, paths and queries.
enum BeyondTrustEndpoint: Sendable {
    case token
    case signIn
    case signOut
    case systems(limit: Int, offset: Int)
    case system(id: String)
    case accounts(systemID: String?, systemName: String?, limit: Int, offset: Int)
    case account(systemName: String, accountName: String)
    case createRequest
    case requests(status: String)
    case credentials(requestID: String, type: String)
    case checkIn(requestID: String)
    case folders
    case secrets(folderID: String?)
    case secret(id: String)
    case fileDownload(id: String)

    var method: HTTPMethod {
        switch self {
        case .token, .signIn, .signOut, .createRequest: .post
        case .checkIn: .put
        default: .get
        }
    }

    /// Path below the base URL, and query items.
    var target: (path: String, query: [(String, String?)]) {
        switch self {
        case .token: ("Auth/connect/token", [])
        case .signIn: ("Auth/SignAppin", [])
        case .signOut: ("Auth/Signout", [])
        case .systems(let limit, let offset): ("ManagedSystems", [("limit", "\(limit)"), ("offset", "\(offset)")])
        case .system(let id): ("ManagedSystems/\(URLQuery.segment(id))", [])
        case .accounts(let systemID, let systemName, let limit, let offset):
            ("ManagedAccounts", [("systemID", systemID), ("systemName", systemName), ("limit", "\(limit)"), ("offset", "\(offset)")])
        case .account(let systemName, let accountName):
            ("ManagedAccounts", [("systemName", systemName), ("accountName", accountName)])
        case .createRequest: ("Requests", [])
        case .requests(let status): ("Requests", [("status", status), ("queue", "req")])
        case .credentials(let requestID, let type): ("Credentials/\(URLQuery.segment(requestID))", [("type", type)])
        case .checkIn(let requestID): ("Requests/\(URLQuery.segment(requestID))/Checkin", [])
        case .folders: ("Secrets-Safe/Folders", [])
        case .secrets(let folderID): ("Secrets-Safe/Secrets", [("folderId", folderID)])
        case .secret(let id): ("Secrets-Safe/Secrets/\(URLQuery.segment(id))", [])
        case .fileDownload(let id): ("Secrets-Safe/Secrets/\(URLQuery.segment(id))/file/download", [])
        }
    }

    /// The operation in words, for error messages.
    var operation: String {
        switch self {
        case .token: "get OAuth token"
        case .signIn: "sign in"
        case .signOut: "sign out"
        case .systems: "list systems"
        case .system: "get system"
        case .accounts: "list accounts"
        case .account: "find account"
        case .createRequest: "check-out"
        case .requests: "list requests"
        case .credentials: "retrieve credential"
        case .checkIn: "check-in"
        case .folders: "list folders"
        case .secrets: "list secrets"
        case .secret: "get secret"
        case .fileDownload: "download file"
        }
    }

    /// True when the response body is a credential.
    var returnsSecret: Bool {
        switch self {
        case .token, .credentials, .secret, .fileDownload: true
        default: false
        }
    }

    /// Builds the request.
    func request(base: String, headers: [HTTPHeader] = [], body: HTTPBody = .empty) -> HTTPRequest {
        var allHeaders = [HTTPHeader("Accept", "application/json")] + headers
        if case .bytes = body { allHeaders.append(HTTPHeader("Content-Type", "application/json")) }
        return HTTPRequest(
            method, URLQuery.url(base, target.path, target.query), headers: allHeaders, body: body,
            responseIsSecret: returnsSecret
        )
    }
}
