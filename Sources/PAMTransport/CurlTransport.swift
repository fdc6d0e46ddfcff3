import Foundation
import PAMCore

/// The live HTTP(S) transport on libcurl: one per vendor client session, with its own cookie jar,
/// TLS session cache and kept-alive connections, and any number of requests in flight.
/// `stream(_:)` receives a body chunk by chunk (CurlTransport+Streaming.swift).
public final class CurlTransport: HTTPTransport {
    let engine: CurlEngine
    let observer: (any HTTPExchangeObserver)?
    /// How often a stream's transfer paused for a slow consumer (for tests).
    let streamPauses = Locked(0)

    /// Starts a transport; throws `PAMError(.configuration)` when the options cannot be used.
    public convenience init(options: TransportOptions = TransportOptions(), observer: (any HTTPExchangeObserver)? = nil)
        throws(PAMError)
    {
        try self.init(options: options, observer: observer, systemCAPath: nil)
    }

    /// Lets tests stand in a directory for the system CA store.
    convenience init(options: TransportOptions, observer: (any HTTPExchangeObserver)?, systemCAPath: String?)
        throws(PAMError)
    {
        try self.init(settings: CurlSettings(options, systemCAPath: systemCAPath), observer: observer)
    }

    /// Lets tests change settings that are not options.
    init(settings: CurlSettings, observer: (any HTTPExchangeObserver)?) throws(PAMError) {
        engine = try CurlEngine(settings: settings)
        self.observer = observer
    }

    deinit {
        engine.shutdown()
    }

    /// Sends one request; HTTP error statuses are returned, only failures to get a response throw `PAMError`.
    /// The observer gets one record per call, and one more for each earlier attempt libcurl resent
    /// on its own. A POST or PATCH takes a new connection and is not resent unless its first
    /// attempt got a final answer (a proxy's 407). A whole answer over `maximumBodyBytes` fails as
    /// `.malformed`.
    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        let startedAt = Date()
        let clock = ContinuousClock()
        let start = clock.now
        let result: Result<HTTPResponse, PAMError>
        do {
            result = .success(try await perform(request))
        } catch {
            result = .failure(error)
        }
        if let observer {
            let response = try? result.get()
            observer.record(
                HTTPExchange(
                    method: request.method, url: request.url, status: response?.status,
                    duration: clock.now - start,
                    responseBytes: request.responseIsSecret ? nil : response?.body.count,
                    failure: result.failureKind, startedAt: startedAt))
        }
        return try result.get()
    }

    /// Stops the transport: requests in flight fail with `.cancelled`, later ones at once. Idempotent.
    public func shutdown() {
        engine.shutdown()
    }

    private func perform(_ request: HTTPRequest) async throws(PAMError) -> HTTPResponse {
        let target = try CurlTarget(url: request.url)
        try target.checkCleartext(allowed: engine.settings.allowInsecureHTTP)
        guard !Task.isCancelled else { throw CurlEngine.cancelledError }
        let transfer = CurlTransfer(
            request: request, target: target, maxResponseBytes: engine.settings.maximumBodyBytes, observer: observer)
        let engine = self.engine
        do {
            return try await withTaskCancellationHandler {
                try await withCheckedThrowingContinuation { continuation in
                    transfer.attach(continuation)
                    engine.submit(transfer)
                }
            } onCancel: {
                engine.cancel(transfer)
            }
        } catch {
            throw PAMError.wrap(error)
        }
    }
}

extension Result where Failure == PAMError {
    fileprivate var failureKind: PAMError.Kind? {
        if case .failure(let error) = self { return error.kind }
        return nil
    }
}
