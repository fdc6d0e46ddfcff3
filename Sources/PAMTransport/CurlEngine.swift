import CCurl
import PAMCore

#if canImport(Glibc)
import Glibc
#endif

/// One thread that owns every libcurl handle of a transport: the multi handle (and with it the
/// connection cache), the share (cookies, TLS sessions, DNS) and a pool of easy handles.
///
/// Other threads only queue commands under a lock and call `curl_multi_wakeup`, the one multi
/// call libcurl documents as thread-safe. That rule is what makes `@unchecked Sendable` sound.
final class CurlEngine: @unchecked Sendable {
    private enum Command {
        case add(CurlTransfer)
        case cancel(CurlTransfer)
        case resume(CurlTransfer)
    }

    private struct Inbox {
        var commands: [Command] = []
        var stopping = false
    }

    static let shutDownError = PAMError(.cancelled, "transport was shut down")
    static let cancelledError = PAMError(.cancelled, "request cancelled")
    private static let poolLimit = 32

    let settings: CurlSettings
    private let multi: UnsafeMutableRawPointer
    private let share: UnsafeMutableRawPointer
    private let inbox = Locked(Inbox())
    private let thread = Locked<pthread_t?>(nil)

    // Engine thread only.
    private var active: [UnsafeMutableRawPointer: CurlTransfer] = [:]
    private var handles: [ObjectIdentifier: UnsafeMutableRawPointer] = [:]
    private var pool: [UnsafeMutableRawPointer] = []
    private var ownsHandlesInDeinit = true

    init(settings: CurlSettings) throws(PAMError) {
        try CurlGlobal.ensureReady()
        guard let multi = curl_multi_init() else { throw PAMError(.transport, "libcurl could not create a multi handle") }
        guard let share = curl_share_init() else {
            curl_multi_cleanup(multi)
            throw PAMError(.transport, "libcurl could not create a share handle")
        }
        self.settings = settings
        self.multi = multi
        self.share = share
        try configureHandles()
        try startThread()
    }

    deinit {
        guard ownsHandlesInDeinit else { return }
        curl_multi_cleanup(multi)
        curl_share_cleanup(share)
    }

    /// Queues a transfer; it fails at once when the engine is shutting down.
    func submit(_ transfer: CurlTransfer) {
        let accepted = enqueue(.add(transfer))
        if !accepted { transfer.finish(.failure(Self.shutDownError)) }
    }

    /// Flags a transfer as cancelled and asks the engine thread to drop it.
    func cancel(_ transfer: CurlTransfer) {
        transfer.markCancelled()
        _ = enqueue(.cancel(transfer))
    }

    /// Asks the engine thread to continue a paused streaming transfer.
    func resume(_ transfer: CurlTransfer) {
        _ = enqueue(.resume(transfer))
    }

    /// Stops the thread, failing what is in flight, and waits for it. Safe to call repeatedly.
    func shutdown() {
        inbox.withLock { box in
            guard !box.stopping else { return }
            box.stopping = true
            curl_multi_wakeup(multi)
        }
        thread.withLock { thread in
            guard let running = thread else { return }
            thread = nil
            // A join from the engine thread itself would wait forever.
            if pthread_equal(running, pthread_self()) != 0 {
                pthread_detach(running)
            } else {
                pthread_join(running, nil)
            }
        }
    }

    private func enqueue(_ command: Command) -> Bool {
        inbox.withLock { box in
            guard !box.stopping else { return false }
            box.commands.append(command)
            // Under the lock, so the engine cannot have cleaned up the multi handle yet.
            curl_multi_wakeup(multi)
            return true
        }
    }

    private func configureHandles() throws(PAMError) {
        var data = [CURL_LOCK_DATA_DNS, CURL_LOCK_DATA_SSL_SESSION]
        if settings.cookies { data.append(CURL_LOCK_DATA_COOKIE) }
        for item in data where cc_share_setopt_long(share, CURLSHOPT_SHARE, Int(item.rawValue)) != CURLSHE_OK {
            throw PAMError(.transport, "libcurl could not share connection state")
        }
        // By default the idle cache shrinks with the number of running transfers (4 per transfer),
        // which closes kept-alive connections whenever the client goes quiet.
        let cacheSize = max(16, settings.maxConnectionsPerHost * 2)
        guard cc_multi_setopt_long(multi, CURLMOPT_PIPELINING, CURLPIPE_MULTIPLEX) == CURLM_OK,
            cc_multi_setopt_long(multi, CURLMOPT_MAX_HOST_CONNECTIONS, settings.maxConnectionsPerHost) == CURLM_OK,
            cc_multi_setopt_long(multi, CURLMOPT_MAXCONNECTS, cacheSize) == CURLM_OK
        else { throw PAMError(.transport, "libcurl rejected the connection pool settings") }
    }

    private func startThread() throws(PAMError) {
        let context = Unmanaged.passRetained(self).toOpaque()
        var created = pthread_t()
        let result = pthread_create(&created, nil, { argument in
            guard let argument else { return nil }
            Unmanaged<CurlEngine>.fromOpaque(argument).takeRetainedValue().run()
            return nil
        }, context)
        guard result == 0 else {
            Unmanaged<CurlEngine>.fromOpaque(context).release()
            throw PAMError(.transport, "could not start the transport thread (error \(result))")
        }
        ownsHandlesInDeinit = false
        thread.withLock { $0 = created }
    }

    // MARK: Engine thread

    private func run() {
        while true {
            let (commands, stopping) = inbox.withLock { box in
                defer { box.commands.removeAll() }
                return (box.commands, box.stopping)
            }
            for command in commands {
                switch command {
                case .add(let transfer) where stopping: transfer.finish(.failure(Self.shutDownError))
                case .add(let transfer): start(transfer)
                case .cancel(let transfer): abort(transfer, Self.cancelledError)
                case .resume(let transfer): unpause(transfer)
                }
            }
            if stopping { break }
            var running: Int32 = 0
            _ = curl_multi_perform(multi, &running)
            collectFinished()
            _ = curl_multi_poll(multi, nil, 0, 1000, nil)
        }
        for transfer in Array(active.values) { abort(transfer, Self.shutDownError) }
        // Easy handles first: the share refuses cleanup while handles still point at it.
        for easy in pool { curl_easy_cleanup(easy) }
        pool.removeAll()
        curl_multi_cleanup(multi)
        curl_share_cleanup(share)
    }

    private func start(_ transfer: CurlTransfer) {
        if transfer.isCancelled {
            transfer.finish(.failure(Self.cancelledError))
            return
        }
        guard let easy = pool.popLast() ?? curl_easy_init() else {
            transfer.finish(.failure(PAMError(.transport, "libcurl could not create a request handle")))
            return
        }
        do throws(PAMError) {
            try transfer.configure(CurlEasy(handle: easy), settings: settings, share: share)
            let added = curl_multi_add_handle(multi, easy)
            guard added == CURLM_OK else {
                throw PAMError(.transport, "libcurl could not start the request: \(String(cString: curl_multi_strerror(added)))")
            }
        } catch {
            detach(transfer, easy)
            transfer.finish(.failure(error))
            return
        }
        active[easy] = transfer
        handles[ObjectIdentifier(transfer)] = easy
    }

    private func collectFinished() {
        var remaining: Int32 = 0
        while let message = curl_multi_info_read(multi, &remaining) {
            guard message.pointee.msg == CURLMSG_DONE, let easy = message.pointee.easy_handle else { continue }
            // The message is invalid once the handle is removed, so read it first.
            let code = message.pointee.data.result
            guard let transfer = active.removeValue(forKey: easy) else { continue }
            handles[ObjectIdentifier(transfer)] = nil
            _ = curl_multi_remove_handle(multi, easy)
            let result: Result<HTTPResponse, PAMError>
            if code == CURLE_OK {
                var status = 0
                _ = cc_easy_getinfo_long(easy, CURLINFO_RESPONSE_CODE, &status)
                result = .success(HTTPResponse(status: status, headers: transfer.headers, body: transfer.body))
            } else {
                result = .failure(failure(code, transfer, easy))
            }
            detach(transfer, easy)
            transfer.finish(result)
        }
    }

    private func failure(_ code: CURLcode, _ transfer: CurlTransfer, _ easy: UnsafeMutableRawPointer) -> PAMError {
        var osError = 0
        _ = cc_easy_getinfo_long(easy, CURLINFO_OS_ERRNO, &osError)
        return PAMError(curl: code, transfer: transfer, osError: Int32(truncatingIfNeeded: osError), settings: settings)
    }

    /// Continues a paused transfer. libcurl hands the bytes it held back to the write callback
    /// right here, which may pause it again or refuse them (the size limit): then it fails.
    private func unpause(_ transfer: CurlTransfer) {
        guard let easy = handles[ObjectIdentifier(transfer)] else { return }
        let code = curl_easy_pause(easy, CURLPAUSE_CONT)
        if code != CURLE_OK { abort(transfer, failure(code, transfer, easy)) }
    }

    private func abort(_ transfer: CurlTransfer, _ error: PAMError) {
        guard let easy = handles.removeValue(forKey: ObjectIdentifier(transfer)) else { return }
        active[easy] = nil
        _ = curl_multi_remove_handle(multi, easy)
        detach(transfer, easy)
        transfer.finish(.failure(error))
    }

    /// Frees the transfer's libcurl state and returns the handle to the pool.
    private func detach(_ transfer: CurlTransfer, _ easy: UnsafeMutableRawPointer) {
        transfer.releaseHeaderList()
        transfer.easy = nil
        // libcurl 7.88 leaks the cookie file list on reset unless COOKIEFILE is cleared first (fixed in 8.0).
        _ = cc_easy_setopt_str(easy, CURLOPT_COOKIEFILE, nil)
        curl_easy_reset(easy)
        if pool.count < Self.poolLimit {
            pool.append(easy)
        } else {
            curl_easy_cleanup(easy)
        }
    }
}
