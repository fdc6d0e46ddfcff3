/// HTTP methods the vendor APIs use.
public enum HTTPMethod: String, Sendable, Equatable {
    case get = "GET", post = "POST", put = "PUT", delete = "DELETE", patch = "PATCH"

    /// Methods that may be sent again after a lost session without changing server state twice.
    public var isIdempotent: Bool { self != .post && self != .patch }
}

/// A header value that is either plain text or secret (Authorization, API keys).
public enum HTTPHeaderValue: Sendable {
    case plain(String)
    case secret(SecretBytes)
}

/// One request header.
public struct HTTPHeader: Sendable {
    public var name: String
    public var value: HTTPHeaderValue

    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = .plain(value)
    }

    public init(_ name: String, secret: SecretBytes) {
        self.name = name
        self.value = .secret(secret)
    }
}

/// A request body. Credential bodies (token requests, passwords) are `.secret`.
public enum HTTPBody: Sendable {
    case empty
    case bytes([UInt8])
    case secret(SecretBytes)

    /// Number of bytes in the body.
    public var count: Int {
        switch self {
        case .empty: 0
        case .bytes(let bytes): bytes.count
        case .secret(let secret): secret.count
        }
    }
}

/// A request as the vendor clients build it. The transport adds nothing but connection details.
public struct HTTPRequest: Sendable {
    public var method: HTTPMethod
    /// Absolute URL. It never carries a secret: secrets go in headers or the body.
    public var url: String
    public var headers: [HTTPHeader]
    public var body: HTTPBody
    /// True when the response carries a credential; the trace then omits even its size.
    public var responseIsSecret: Bool

    public init(
        _ method: HTTPMethod, _ url: String, headers: [HTTPHeader] = [], body: HTTPBody = .empty,
        responseIsSecret: Bool = false
    ) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.responseIsSecret = responseIsSecret
    }
}

/// A response. The body is held in wiping memory because some bodies are credentials.
public struct HTTPResponse: Sendable {
    public var status: Int
    /// Response headers in arrival order; names as sent.
    public var headers: [(name: String, value: String)]
    public var body: SecretBytes

    public init(status: Int, headers: [(name: String, value: String)] = [], body: SecretBytes = SecretBytes()) {
        self.status = status
        self.headers = headers
        self.body = body
    }

}

/// What a whole or a streamed response tells before its body: status and headers.
public protocol HTTPHead {
    var status: Int { get }
    /// Response headers in arrival order; names as sent.
    var headers: [(name: String, value: String)] { get }
}

extension HTTPHead {
    /// The first header with this name, compared case-insensitively.
    public func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    /// True for 2xx.
    public var isSuccess: Bool { (200..<300).contains(status) }
}

extension HTTPResponse: HTTPHead {}

/// Sends HTTP requests. The live implementation is libcurl; tests may use others.
public protocol HTTPTransport: Sendable {
    /// Sends one request. Throws `PAMError` of kind transport, tls, timeout or cancelled.
    func send(_ request: HTTPRequest) async throws -> HTTPResponse
    /// Sends one request and returns once the response headers are in; the body follows as chunks.
    /// Transports that cannot stream get a default that delivers the whole body as one chunk.
    func stream(_ request: HTTPRequest) async throws -> HTTPStreamingResponse
}
