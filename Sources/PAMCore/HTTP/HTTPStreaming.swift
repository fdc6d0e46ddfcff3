/// A response whose body is handed over as it arrives (long polling, server-sent events).
///
/// Status and headers are known once the response headers have arrived; the body follows in
/// `chunks`. Cancelling the task that iterates `chunks`, or dropping the stream and every copy of
/// it, cancels the transfer.
public struct HTTPStreamingResponse: Sendable {
    public var status: Int
    /// Response headers in arrival order; names as sent.
    public var headers: [(name: String, value: String)]
    /// Body chunks in arrival order, in wiping memory; finishes with the body, throws `PAMError` on failure.
    public var chunks: AsyncThrowingStream<SecretBytes, any Error>

    public init(
        status: Int, headers: [(name: String, value: String)] = [], chunks: AsyncThrowingStream<SecretBytes, any Error>
    ) {
        self.status = status
        self.headers = headers
        self.chunks = chunks
    }
}

extension HTTPStreamingResponse: HTTPHead {}

extension HTTPTransport {
    /// Default for transports that cannot stream: sends the request and hands the whole body over as one chunk.
    public func stream(_ request: HTTPRequest) async throws -> HTTPStreamingResponse {
        let response = try await send(request)
        let body = response.body
        let chunks = AsyncThrowingStream<SecretBytes, any Error> { continuation in
            if !body.isEmpty { continuation.yield(body) }
            continuation.finish()
        }
        return HTTPStreamingResponse(status: response.status, headers: response.headers, chunks: chunks)
    }
}
