import CCurl
import Foundation
import PAMCore

/// One request on its way through the engine.
///
/// The continuation and the cancelled flag are shared with the calling task under a lock;
/// everything else is touched only on the engine thread (configuration and libcurl callbacks).
/// A streaming transfer hands its head and body to `stream` instead of accumulating them.
final class CurlTransfer: @unchecked Sendable {
    private enum Completion {
        case waiting(CheckedContinuation<HTTPResponse, any Error>?)
        case done(Result<HTTPResponse, PAMError>)
        case delivered
    }

    /// Header bytes one transfer may receive, over all its header blocks (1xx, proxy, final).
    /// libcurl bounds a single line (100 KiB) and, in Debian's 7.88 with the CVE-2023-38039 fix,
    /// a response (300 KiB); this is ours, also for builds without that fix.
    static let maximumHeaderBytes = 256 * 1024

    let request: HTTPRequest
    let target: CurlTarget
    /// Body bytes allowed: the whole answer for `send`, the running total for a stream.
    let maxResponseBytes: Int
    let stream: CurlStream?
    /// Gets a record of each attempt libcurl makes before its last one (its own resends).
    let observer: (any HTTPExchangeObserver)?

    private let completion = Locked(Completion.waiting(nil))
    private let cancelFlag = Locked(false)

    // Engine-thread state below.
    var easy: UnsafeMutableRawPointer?
    var body = SecretBytes()
    var headers: [(name: String, value: String)] = []
    var uploadOffset = 0
    var exceededLimit = false
    var headerBytes = 0
    var headersTooLarge = false
    /// Between a status line and the blank line that ends its header block.
    var inHeaderBlock = false
    /// Times libcurl was about to send the request (the pre-request callback).
    var attempts = 0
    var attemptStart: ContinuousClock.Instant?
    var attemptStartedAt = Date()
    /// libcurl wanted to resend a non-idempotent request the server may have acted on.
    var refusedResend = false
    /// Status of the latest status line.
    var statusFromLine: Int?
    /// The stream has been given its head.
    var headSent = false
    var headerList: UnsafeMutablePointer<curl_slist>?
    let errorBuffer: UnsafeMutablePointer<CChar>

    init(
        request: HTTPRequest, target: CurlTarget, maxResponseBytes: Int, stream: CurlStream? = nil,
        observer: (any HTTPExchangeObserver)? = nil
    ) {
        self.request = request
        self.target = target
        self.maxResponseBytes = maxResponseBytes
        self.stream = stream
        self.observer = observer
        errorBuffer = .allocate(capacity: Int(CURL_ERROR_SIZE) + 1)
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
    }

    deinit {
        releaseHeaderList()
        errorBuffer.deallocate()
    }

    /// True once the caller's task was cancelled.
    var isCancelled: Bool { cancelFlag.withLock { $0 } }

    func markCancelled() { cancelFlag.withLock { $0 = true } }

    /// Hands over the continuation; resumes at once if the transfer already finished.
    func attach(_ continuation: CheckedContinuation<HTTPResponse, any Error>) {
        let finished: Result<HTTPResponse, PAMError>? = completion.withLock { state in
            switch state {
            case .waiting:
                state = .waiting(continuation)
                return nil
            case .done(let result):
                state = .delivered
                return result
            case .delivered:
                return nil
            }
        }
        if let finished { continuation.resume(with: finished.mapError { $0 as any Error }) }
    }

    /// Delivers the outcome once; later calls are ignored.
    func finish(_ result: Result<HTTPResponse, PAMError>) {
        stream?.complete(result)
        let continuation: CheckedContinuation<HTTPResponse, any Error>? = completion.withLock { state in
            switch state {
            case .waiting(let continuation?):
                state = .delivered
                return continuation
            case .waiting(nil):
                state = .done(result)
                return nil
            case .done, .delivered:
                return nil
            }
        }
        continuation?.resume(with: result.mapError { $0 as any Error })
    }

    /// Wipes and frees the request header list once libcurl no longer needs it.
    func releaseHeaderList() {
        if let list = headerList { CurlHeaderList.wipeAndFree(list) }
        headerList = nil
    }

    /// The text libcurl left in the error buffer, on one line.
    var errorDetail: String {
        errorBuffer[Int(CURL_ERROR_SIZE)] = 0
        return String(cString: errorBuffer).trimmingScalars.replacingLineBreaks
    }

    // MARK: Callbacks (engine thread)

    /// libcurl is about to send the request on a connection: once, or again when it resends on
    /// its own (a reused connection found dead, an HTTP/2 stream the server refused, a plain-HTTP
    /// proxy's 407). Each earlier attempt gets an exchange record, so the trace shows every send.
    /// Returns false to stop the resend of a non-idempotent request the server may have acted on.
    func attemptStarting() -> Bool {
        let now = ContinuousClock.now
        attempts += 1
        if attempts > 1, let start = attemptStart {
            // Only a final answer (a proxy's 407) shows the earlier attempt was declined, not lost.
            let answered = statusFromLine.map { $0 >= 200 } ?? false
            guard answered || request.method.isIdempotent else {
                refusedResend = true
                return false
            }
            observer?.record(
                HTTPExchange(
                    method: request.method, url: request.url, status: answered ? statusFromLine : nil,
                    duration: now - start, responseBytes: nil, failure: answered ? nil : .transport,
                    startedAt: attemptStartedAt))
        }
        // A status seen before this point belongs to an earlier attempt or a proxy's CONNECT.
        statusFromLine = nil
        inHeaderBlock = false
        attemptStart = now
        attemptStartedAt = Date()
        return true
    }

    /// Takes body bytes from the write callback; returns what the callback returns to libcurl:
    /// the count taken, 0 to fail the transfer or `CURL_WRITEFUNC_PAUSE`.
    func receive(_ bytes: UnsafeRawBufferPointer) -> Int {
        if let stream { return receive(bytes, into: stream) }
        guard body.count + bytes.count <= maxResponseBytes else {
            exceededLimit = true
            return 0
        }
        if body.isEmpty, let easy {
            // Size the buffer once from Content-Length instead of doubling through a large body.
            var length: curl_off_t = -1
            if cc_easy_getinfo_off(easy, CURLINFO_CONTENT_LENGTH_DOWNLOAD_T, &length) == CURLE_OK,
                length > bytes.count, length <= maxResponseBytes
            {
                body = SecretBytes(capacity: Int(length))
            }
        }
        body.append(bytes)
        return bytes.count
    }

    private func receive(_ bytes: UnsafeRawBufferPointer, into stream: CurlStream) -> Int {
        // Once over the limit, stay refused: a smaller later piece must not slip through.
        guard !exceededLimit else { return 0 }
        if !headSent {
            var status = statusFromLine ?? 0
            if status == 0, let easy { _ = cc_easy_getinfo_long(easy, CURLINFO_RESPONSE_CODE, &status) }
            sendHead(status: status, to: stream)
        }
        switch stream.offer(bytes, maxTotal: maxResponseBytes) {
        case .accepted:
            return bytes.count
        case .pause:
            // libcurl keeps these bytes and offers them again once the transfer is resumed.
            return Int(CURL_WRITEFUNC_PAUSE)
        case .tooLarge:
            exceededLimit = true
            return 0
        }
    }

    private func sendHead(status: Int, to stream: CurlStream) {
        headSent = true
        stream.headersArrived(CurlStream.Head(status: status, headers: headers))
    }

    /// A blank line ends a header block. A stream gets its head at the first final one: not a
    /// 1xx, nor a 407 that libcurl may answer with proxy credentials (that head waits for the body).
    private func headerBlockEnded() {
        guard let stream, !headSent, let status = statusFromLine, status >= 200, status != 407 else { return }
        sendHead(status: status, to: stream)
    }

    /// The code in a status line such as `HTTP/1.1 200 OK`.
    private static func statusCode(_ line: String) -> Int? {
        let fields = line.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: true)
        return fields.count >= 2 ? Int(String(fields[1]).trimmingScalars) : nil
    }

    /// Takes one header line; false refuses it, which fails the transfer (too many header bytes).
    func receiveHeaderLine(_ bytes: UnsafeRawBufferPointer) -> Bool {
        headerBytes += bytes.count
        guard headerBytes <= Self.maximumHeaderBytes else {
            headersTooLarge = true
            return false
        }
        // A session cookie is a credential: libcurl's jar keeps it, and its value is never
        // decoded into a String here. The header stays listed, with its value withheld.
        if Self.isSetCookie(bytes) {
            headers.append((name: "Set-Cookie", value: "(withheld)"))
            return true
        }
        let line = String(decoding: bytes, as: UTF8.self)
        if line.hasPrefix("HTTP/") {
            // A new status line: earlier headers belonged to a 1xx, a redirect or an auth round.
            headers.removeAll()
            statusFromLine = Self.statusCode(line)
            inHeaderBlock = true
            return true
        }
        if line.trimmingScalars.isEmpty {
            inHeaderBlock = false
            headerBlockEnded()
            return true
        }
        guard let colon = line.firstIndex(of: ":") else { return true }
        let name = String(line[..<colon]).trimmingScalars
        let value = String(line[line.index(after: colon)...]).trimmingScalars
        guard !name.isEmpty else { return true }
        headers.append((name: name, value: value))
        return true
    }

    private static func isSetCookie(_ bytes: UnsafeRawBufferPointer) -> Bool {
        let prefix = Array("set-cookie:".utf8)
        guard bytes.count >= prefix.count else { return false }
        return zip(bytes.prefix(prefix.count), prefix).allSatisfy { byte, expected in
            (65...90).contains(byte) ? byte + 32 == expected : byte == expected
        }
    }

    /// Copies the next part of the request body into libcurl's buffer; returns the count copied.
    func send(into buffer: UnsafeMutableRawBufferPointer) -> Int {
        let copy = { (source: UnsafeRawBufferPointer) -> Int in
            let count = min(buffer.count, source.count - self.uploadOffset)
            guard count > 0, let from = source.baseAddress, let to = buffer.baseAddress else { return 0 }
            to.copyMemory(from: from + self.uploadOffset, byteCount: count)
            self.uploadOffset += count
            return count
        }
        switch request.body {
        case .empty: return 0
        case .bytes(let bytes): return bytes.withUnsafeBytes(copy)
        case .secret(let secret): return secret.withUnsafeBytes(copy)
        }
    }

    /// Moves the upload position for a re-send (redirect, authentication round).
    func seek(to offset: Int) -> Bool {
        guard offset >= 0, offset <= request.body.count else { return false }
        uploadOffset = offset
        return true
    }
}

extension String {
    /// Trimmed by Unicode scalars, because `"\r\n"` is one `Character` and escapes a
    /// `Character`-based trim.
    var trimmingScalars: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[first...last])
    }

    /// Line breaks folded into spaces, so that a message stays on one line.
    var replacingLineBreaks: String {
        String(String.UnicodeScalarView(unicodeScalars.map { $0 == "\r" || $0 == "\n" ? " " : $0 }))
    }
}
