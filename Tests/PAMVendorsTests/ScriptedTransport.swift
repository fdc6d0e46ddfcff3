import Foundation
import PAMCore

/// A transport that answers from a script and records every request, for request-building and
/// session tests without a server.
final class ScriptedTransport: HTTPTransport, @unchecked Sendable {
    typealias Handler = @Sendable (HTTPRequest, Int) async throws -> HTTPResponse
    private let handler: Handler
    private let log = Locked<[HTTPRequest]>([])

    init(_ handler: @escaping Handler) { self.handler = handler }

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        let index = log.withLock { requests in
            requests.append(request)
            return requests.count - 1
        }
        return try await handler(request, index)
    }

    var requests: [HTTPRequest] { log.withLock { $0 } }

    /// `METHOD path?query` of each request, with the base URL stripped.
    var lines: [String] {
        requests.map { "\($0.method.rawValue) \($0.url.replacingOccurrences(of: Self.base + "/", with: ""))" }
    }

    static let base = "https://pam.test/BeyondTrust/api/public/v3"
}

extension HTTPResponse {
    static func json(_ status: Int, _ text: String) -> HTTPResponse {
        HTTPResponse(status: status, headers: [("Content-Type", "application/json")], body: SecretBytes(utf8: text))
    }
}

extension HTTPRequest {
    /// The value of a header (secret or not) as text, for assertions.
    func headerText(_ name: String) -> String? {
        guard let header = headers.first(where: { $0.name.lowercased() == name.lowercased() }) else { return nil }
        switch header.value {
        case .plain(let text): return text
        case .secret(let secret): return secret.unsafeStringCopy()
        }
    }

    var bodyText: String {
        switch body {
        case .empty: ""
        case .bytes(let bytes): String(decoding: bytes, as: UTF8.self)
        case .secret(let secret): secret.unsafeStringCopy()
        }
    }
}
