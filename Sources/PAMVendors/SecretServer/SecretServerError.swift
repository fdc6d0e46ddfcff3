import Foundation
import PAMCore

/// Secret Server answers as `PAMError`s: 400 `{errorCode:"API_…",message}`, 401/403
/// `{message}`, the token endpoint's `{error}`. Each class has its own kind, so its own exit code.
enum SecretServerError {
    /// The body of an error answer (it never holds a secret).
    struct Body: Decodable {
        var errorCode: String?
        var message: String?
        var error: String?
        var error_description: String?
    }

    static func body(of response: HTTPResponse) -> Body? {
        response.body.withUnsafeBytes { try? JSONDecoder().decode(Body.self, from: Data($0)) }
    }

    /// The error for a non-2xx answer to `endpoint` about `subject` (a secret's path or id).
    static func from(_ response: HTTPResponse, endpoint: SecretServerEndpoint, subject: String?) -> PAMError {
        let body = body(of: response)
        let code = body?.errorCode
        let said = (body?.message ?? body?.error).map { TerminalText.sanitized($0) }
        let what = subject ?? "the item"
        let suffix = said.map { ": \($0)" } ?? ""
        func error(_ kind: PAMError.Kind, _ message: String) -> PAMError {
            PAMError(kind, message, operation: endpoint.operation, vendorCode: code, status: response.status)
        }
        // The refusal names the DoubleLock whatever its code (UNCONFIRMED; the simulator's
        // default is API_AccessDenied): the read can go again with the password.
        if response.status == 400, let said, said.lowercased().contains("doublelock") || said.lowercased().contains("double lock") {
            return doubleLocked(what, operation: endpoint.operation, status: response.status)
        }
        switch (response.status, code) {
        case (_, "API_AccessDenied"?): return error(.permission, "access denied to \(what) (API_AccessDenied)")
        case (_, "API_ValidateSecretAccessCommentRequired"?):
            return error(.usage, "\(what) requires a comment: give one with --comment TEXT")
        case (401, _), (403, _):
            return error(.authentication, "the server refused the token\(suffix); sign in again")
        case (404, _): return error(.notFound, "no \(what)")
        case (400, _):
            let lower = said?.lowercased() ?? ""
            if lower.contains("not found") || lower.contains("does not exist") { return error(.notFound, "no \(what)\(suffix)") }
            if lower.contains("checked out") { return error(.conflict, "\(what) is checked out by another user\(suffix)") }
            if lower.contains("approval") { return error(.permission, "\(what) requires approval\(suffix)") }
            if lower.contains("comment") { return error(.usage, "\(what) requires a comment\(suffix); give one with --comment TEXT") }
            return error(.server, "the server refused the request about \(what)\(code.map { " (\($0))" } ?? "")\(suffix)")
        case (500..., _): return error(.server, "server error HTTP \(response.status)\(suffix)")
        default: return error(.server, "unexpected HTTP \(response.status)\(suffix)")
        }
    }

    /// The `secretState` of a secret that needs the DoubleLock password; it is also the
    /// `vendorCode` of every refusal that says so.
    static let doubleLockState = "RequiresDoubleLockPassword"

    static func doubleLocked(_ subject: String, operation: String?, status: Int?) -> PAMError {
        PAMError(
            .permission, "\(subject) \(SecretServerMapping.explain(doubleLockState) ?? "is DoubleLocked")", operation: operation,
            vendorCode: doubleLockState, status: status)
    }

    static func isDoubleLockRefusal(_ error: PAMError) -> Bool { error.vendorCode == doubleLockState }

    /// A refused password or refresh grant.
    static func signInRefused(_ response: HTTPResponse) -> PAMError {
        let body = body(of: response)
        let said = (body?.error_description ?? body?.error ?? body?.message).map { TerminalText.sanitized($0) }
        if response.status >= 500 {
            return PAMError(.server, "sign-in failed: server error HTTP \(response.status)", operation: "sign-in", status: response.status)
        }
        return PAMError(
            .authentication, "sign-in refused (HTTP \(response.status)\(said.map { ": \($0)" } ?? ""))",
            operation: "sign-in", status: response.status)
    }

    /// True when a refused password grant asks for a second factor (the `otp` header): a 4xx
    /// whose text names it. The real server's wording is UNCONFIRMED, so several are read.
    static func wantsOneTimeCode(_ response: HTTPResponse) -> Bool {
        guard (400..<500).contains(response.status), let body = body(of: response) else { return false }
        let text = [body.error, body.error_description, body.message].compactMap { $0 }.joined(separator: " ").lowercased()
        return ["two-factor", "two factor", "2fa", "otp", "one-time", "one time", "multi-factor", "mfa"].contains { text.contains($0) }
    }

    /// The grant refused although a one-time code went with it.
    static func codeRefused(_ response: HTTPResponse) -> PAMError {
        let said = body(of: response).flatMap { $0.error_description ?? $0.error ?? $0.message }.map { TerminalText.sanitized($0) }
        return PAMError(
            .authentication, "the one-time code was not accepted (HTTP \(response.status)\(said.map { ": \($0)" } ?? "")); sign in again with a new code",
            operation: "sign-in", status: response.status)
    }

    /// True for an HTML page: Secret Server answers some errors with 200 and its login page.
    /// Read in place: a body may hold a secret (a field's value, a token), so none of it is
    /// copied into a `String`.
    static func looksLikeHTML(_ body: SecretBytes) -> Bool {
        body.withUnsafeBytes { bytes in
            bytes.first { ![0x20, 0x09, 0x0A, 0x0D].contains($0) } == UInt8(ascii: "<")
        }
    }
}
