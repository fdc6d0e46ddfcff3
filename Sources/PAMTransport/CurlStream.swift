import PAMCore

/// The receiving side of a streaming transfer. The engine thread delivers the head, body chunks
/// and the end; the consumer's task takes them. All of it is under one lock.
///
/// Backpressure: the write callback hands a chunk over while fewer than `bufferLimit` bytes wait
/// for the consumer, and otherwise pauses the transfer (`CURL_WRITEFUNC_PAUSE`); the consumer
/// asks the engine to resume it once it has taken the buffer down to half.
final class CurlStream: @unchecked Sendable {
    /// Status and headers of the final response.
    struct Head: Sendable {
        var status: Int
        var headers: [(name: String, value: String)]
    }

    /// What the write callback tells libcurl.
    enum Offer {
        case accepted
        case pause
        case tooLarge
    }

    private enum HeadState {
        case waiting(CheckedContinuation<Head, any Error>?)
        case arrived(Head)
        case failed(PAMError)
        case delivered
    }

    private struct State {
        var head = HeadState.waiting(nil)
        var status: Int?
        /// Chunks not yet taken, from `queueStart` on.
        var queue: [SecretBytes?] = []
        var queueStart = 0
        var buffered = 0
        var total = 0
        var paused = false
        /// What the consumer gets once the queue is empty: the end of the body, a failure, a cancel.
        var end: Result<Void, PAMError>?
        var waiters: [CheckedContinuation<SecretBytes?, any Error>] = []
        /// The engine has finished the transfer and the exchange is recorded.
        var completed = false
    }

    let bufferLimit: Int
    private let state = Locked(State())
    private let pauses: Locked<Int>
    private let record: @Sendable (_ status: Int?, _ bytes: Int?, _ failure: PAMError?) -> Void

    /// `record` is called once, when the transfer ends; `pauses` counts the transfer's pauses.
    init(
        bufferLimit: Int, pauses: Locked<Int>,
        record: @escaping @Sendable (_ status: Int?, _ bytes: Int?, _ failure: PAMError?) -> Void
    ) {
        self.bufferLimit = bufferLimit
        self.pauses = pauses
        self.record = record
    }

    /// True once the engine has finished the transfer.
    var isCompleted: Bool { state.withLock { $0.completed } }

    // MARK: Engine thread

    /// The final response's headers are complete.
    func headersArrived(_ head: Head) {
        let waiting: CheckedContinuation<Head, any Error>? = state.withLock { state in
            guard case .waiting(let continuation) = state.head else { return nil }
            state.status = head.status
            state.head = continuation == nil ? .arrived(head) : .delivered
            return continuation
        }
        waiting?.resume(returning: head)
    }

    /// Takes one piece of the body unless the buffer is full, the consumer is gone or the
    /// stream would exceed `maxTotal` bytes.
    func offer(_ bytes: UnsafeRawBufferPointer, maxTotal: Int) -> Offer {
        let (offer, waiter, chunk): (Offer, CheckedContinuation<SecretBytes?, any Error>?, SecretBytes?) =
            state.withLock { state in
                // A cancelled consumer: hold the transfer still until the engine removes it.
                guard state.end == nil else { return (.pause, nil, nil) }
                guard state.total + bytes.count <= maxTotal else { return (.tooLarge, nil, nil) }
                guard state.buffered < bufferLimit else {
                    state.paused = true
                    pauses.withLock { $0 += 1 }
                    return (.pause, nil, nil)
                }
                let chunk = SecretBytes(copying: bytes)
                state.total += bytes.count
                guard state.waiters.isEmpty else { return (.accepted, state.waiters.removeFirst(), chunk) }
                state.queue.append(chunk)
                state.buffered += bytes.count
                return (.accepted, nil, nil)
            }
        waiter?.resume(returning: chunk)
        return offer
    }

    private struct Completion {
        var headWaiter: CheckedContinuation<Head, any Error>?
        var head: Result<Head, PAMError> = .failure(CurlEngine.cancelledError)
        var waiters: [CheckedContinuation<SecretBytes?, any Error>] = []
        var status: Int?
        var bytes: Int?
    }

    /// The transfer ended; called once by the engine. Records the exchange, then tells the consumer.
    func complete(_ result: Result<HTTPResponse, PAMError>) {
        let completion: Completion? = state.withLock { state in
            guard !state.completed else { return nil }
            state.completed = true
            var completion = Completion()
            if case .waiting(let continuation) = state.head {
                // No header block counted as final (an empty body, a 407): the outcome decides.
                let head = result.map { Head(status: $0.status, headers: $0.headers) }
                switch head {
                case .success(let arrived):
                    state.status = arrived.status
                    state.head = continuation == nil ? .arrived(arrived) : .delivered
                case .failure(let error):
                    state.head = continuation == nil ? .failed(error) : .delivered
                }
                completion.head = head
                completion.headWaiter = continuation
            }
            if state.end == nil {
                state.end = result.map { _ in () }
                if state.queueStart == state.queue.count {
                    completion.waiters = state.waiters
                    state.waiters.removeAll()
                }
            }
            completion.status = state.status
            completion.bytes = state.status == nil ? nil : state.total
            return completion
        }
        guard let completion else { return }
        let failure: PAMError? = if case .failure(let error) = result { error } else { nil }
        record(completion.status, completion.bytes, failure)
        completion.headWaiter?.resume(with: completion.head.mapError { $0 as any Error })
        let end = result.map { _ in SecretBytes?.none }.mapError { $0 as any Error }
        for waiter in completion.waiters { waiter.resume(with: end) }
    }

    // MARK: Consumer

    /// Waits for the head; resumes at once if it is already known.
    func awaitHead(_ continuation: CheckedContinuation<Head, any Error>) {
        let known: Result<Head, PAMError>? = state.withLock { state in
            switch state.head {
            case .waiting:
                state.head = .waiting(continuation)
                return nil
            case .arrived(let head):
                state.head = .delivered
                return .success(head)
            case .failed(let error):
                state.head = .delivered
                return .failure(error)
            case .delivered:
                return .failure(PAMError(.transport, "stream head already taken"))
            }
        }
        if let known { continuation.resume(with: known.mapError { $0 as any Error }) }
    }

    /// Hands the next chunk, nil at the end, or the failure to `continuation`, now or once it
    /// arrives. Returns true when the caller must ask the engine to resume the paused transfer.
    func next(_ continuation: CheckedContinuation<SecretBytes?, any Error>) -> Bool {
        let (outcome, resume): (Result<SecretBytes?, PAMError>?, Bool) = state.withLock { state in
            if state.queueStart < state.queue.count {
                let chunk = state.queue[state.queueStart]
                state.queue[state.queueStart] = nil
                state.queueStart += 1
                if state.queueStart == state.queue.count {
                    state.queue.removeAll(keepingCapacity: true)
                    state.queueStart = 0
                } else if state.queueStart >= 64, state.queueStart * 2 >= state.queue.count {
                    state.queue.removeFirst(state.queueStart)
                    state.queueStart = 0
                }
                state.buffered -= chunk?.count ?? 0
                var resume = false
                if state.paused, state.buffered <= bufferLimit / 2 {
                    state.paused = false
                    resume = true
                }
                return (.success(chunk), resume)
            }
            if let end = state.end { return (end.map { _ in nil }, false) }
            state.waiters.append(continuation)
            return (nil, false)
        }
        if let outcome { continuation.resume(with: outcome.mapError { $0 as any Error }) }
        return resume
    }

    /// Ends the stream for the consumer at once, dropping what is buffered; the engine's
    /// completion (and the exchange record) follows when it has removed the transfer.
    func cancel(_ error: PAMError) {
        let (headWaiter, waiters) = state.withLock { state in
            var headWaiter: CheckedContinuation<Head, any Error>?
            if case .waiting(let continuation) = state.head {
                headWaiter = continuation
                state.head = continuation == nil ? .failed(error) : .delivered
            }
            guard state.end == nil else { return (headWaiter, [CheckedContinuation<SecretBytes?, any Error>]()) }
            state.end = .failure(error)
            state.queue.removeAll()
            state.queueStart = 0
            state.buffered = 0
            let waiters = state.waiters
            state.waiters.removeAll()
            return (headWaiter, waiters)
        }
        headWaiter?.resume(throwing: error)
        for waiter in waiters { waiter.resume(throwing: error) }
    }
}

/// The consumer's handle on a stream: it reads chunks and, once dropped together with every copy
/// of the `chunks` stream, cancels the transfer. It keeps the transport alive meanwhile.
final class CurlStreamReader: Sendable {
    private let stream: CurlStream
    private let transfer: CurlTransfer
    private let transport: CurlTransport
    private var engine: CurlEngine { transport.engine }

    init(stream: CurlStream, transfer: CurlTransfer, transport: CurlTransport) {
        self.stream = stream
        self.transfer = transfer
        self.transport = transport
    }

    deinit {
        if !stream.isCompleted { cancel() }
    }

    /// The next chunk, or nil at the end; cancelling the calling task cancels the transfer.
    func next() async throws -> SecretBytes? {
        let stream = self.stream
        let engine = self.engine
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                if stream.next(continuation) { engine.resume(transfer) }
            }
        } onCancel: {
            cancel()
        }
    }

    private func cancel() {
        stream.cancel(CurlEngine.cancelledError)
        engine.cancel(transfer)
    }
}
