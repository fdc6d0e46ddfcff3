import PAMCore

/// Turns BeyondTrust error responses into one-line `PAMError`s.
enum BeyondTrustError {
    /// BeyondTrust's sub-codes, explained in words.
    static let codeMeanings: [String: String] = [
        "4031": "you lack permission for this account, or it is not enabled for API access",
        "4033": "this call is reserved for approvers",
        "4034": "the request is not approved yet",
        "4091": "an active request for this account already exists",
    ]

    /// The error for a non-success response to `endpoint`.
    static func from(_ response: HTTPResponse, endpoint: BeyondTrustEndpoint, subject: String? = nil) -> PAMError {
        let text = endpoint.returnsSecret && response.isSuccess ? "" : bodyText(response)
        let code = codeMeanings.keys.sorted().first { text.contains($0) }
        let about = subject.map { " \($0)" } ?? ""
        let operation = endpoint.operation
        switch response.status {
        case 401:
            let message = if case .signIn = endpoint {
                "sign-in refused (401): check the API key, run_as user and password, or the source address allowed on the API registration"
            } else if case .token = endpoint {
                "OAuth client credentials refused (401): check client_id and client_secret"
            } else {
                "the session was refused (401) even after signing in again"
            }
            return PAMError(.authentication, message, operation: operation, status: 401)
        case 403:
            let meaning = code.flatMap { codeMeanings[$0] } ?? "permission denied"
            let suffix = code.map { " (BeyondTrust \($0))" } ?? ""
            return PAMError(.permission, "\(meaning)\(about)\(suffix)", operation: operation, vendorCode: code, status: 403)
        case 404:
            return PAMError(.notFound, notFoundMessage(endpoint, subject: subject), operation: operation, status: 404)
        case 409:
            let meaning = code.flatMap { codeMeanings[$0] } ?? "conflict"
            let suffix = code.map { " (BeyondTrust \($0))" } ?? ""
            return PAMError(.conflict, "\(meaning)\(about)\(suffix)", operation: operation, vendorCode: code, status: 409)
        case 400:
            return PAMError(.server, "the server rejected the request (400)\(detail(text))", operation: operation, status: 400)
        case 429:
            return PAMError(.server, "rate limited (429): try again later", operation: operation, status: 429)
        default:
            return PAMError(.server, "server error \(response.status)\(detail(text))", operation: operation, status: response.status)
        }
    }

    private static func notFoundMessage(_ endpoint: BeyondTrustEndpoint, subject: String?) -> String {
        switch endpoint {
        case .account(let system, let account):
            "no account \(system)/\(account), or it is not enabled for API access"
        case .system(let id): "no managed system \(id)"
        case .credentials(let id, _): "request \(id) not found: released, expired or never mine"
        case .checkIn(let id): "request \(id) not found: already released or expired"
        case .secret(let id), .fileDownload(let id): "no secret \(id)"
        default: "\(subject ?? "the object") was not found"
        }
    }

    /// The body as text, one line, at most 160 characters, quotes trimmed.
    static func bodyText(_ response: HTTPResponse) -> String {
        let raw = response.body.withUnsafeBytes { String(decoding: $0.prefix(400), as: UTF8.self) }
        let line = String(raw.map { $0.isNewline ? " " : $0 }).trimmingCharacters(in: CharacterSet(charactersIn: "\" "))
        return line.count > 160 ? String(line.prefix(160)) + "…" : line
    }

    private static func detail(_ text: String) -> String { text.isEmpty ? "" : ": \(text)" }
}

import Foundation
