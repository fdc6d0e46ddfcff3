import Foundation
import PAMCore

extension CurlTransport {
    /// Sends one request and returns once the final response headers are in; the body follows in
    /// `chunks` as it arrives. HTTP error statuses are returned; failures throw `PAMError`, from
    /// here before the headers and from `chunks` after them.
    ///
    /// TLS, proxy, cookie and resend rules are those of `send`; the size limit is
    /// `maxResponseBytes` over all streamed bytes (the consumer bounds what is held). There is no
    /// total timeout: the connect timeout applies, then `streamIdleTimeout`.
    /// A slow consumer pauses the transfer once `streamBufferBytes` wait for it. Cancelling the
    /// consuming task ends `chunks` (a waiting `next()` throws `.cancelled`, a later one returns
    /// nil), and so does dropping the stream; either removes the transfer at once. Each stream
    /// holds its own HTTP/1.1 connection (one of `maxConnectionsPerHost`) and keeps the transport
    /// alive; the observer gets one exchange (status, time, bytes) when it ends, and one for each
    /// earlier attempt libcurl resent.
    public func stream(_ request: HTTPRequest) async throws -> HTTPStreamingResponse {
        let startedAt = Date()
        let clock = ContinuousClock()
        let start = clock.now
        let observer = self.observer
        let method = request.method
        let url = request.url
        let secret = request.responseIsSecret
        // Runs once, on the engine thread, when the transfer ends.
        let stream = CurlStream(bufferLimit: engine.settings.streamBufferBytes, pauses: streamPauses) { status, bytes, failure in
            observer?.record(
                HTTPExchange(
                    method: method, url: url, status: status, duration: clock.now - start,
                    responseBytes: secret ? nil : bytes, failure: failure?.kind, startedAt: startedAt))
        }
        let engine = self.engine
        let transfer: CurlTransfer
        do throws(PAMError) {
            let target = try CurlTarget(url: request.url)
            try target.checkCleartext(allowed: engine.settings.allowInsecureHTTP)
            guard !Task.isCancelled else { throw CurlEngine.cancelledError }
            transfer = CurlTransfer(
                request: request, target: target, maxResponseBytes: engine.settings.maxResponseBytes, stream: stream,
                observer: observer)
        } catch {
            stream.complete(.failure(error))
            throw error
        }
        let head: CurlStream.Head
        do {
            head = try await withTaskCancellationHandler {
                try await withCheckedThrowingContinuation { continuation in
                    stream.awaitHead(continuation)
                    engine.submit(transfer)
                }
            } onCancel: {
                stream.cancel(CurlEngine.cancelledError)
                engine.cancel(transfer)
            }
        } catch {
            throw PAMError.wrap(error)
        }
        let reader = CurlStreamReader(stream: stream, transfer: transfer, transport: self)
        let chunks = AsyncThrowingStream<SecretBytes, any Error>(unfolding: { try await reader.next() })
        return HTTPStreamingResponse(status: head.status, headers: head.headers, chunks: chunks)
    }
}
