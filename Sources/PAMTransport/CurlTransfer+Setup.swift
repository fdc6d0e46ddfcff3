import CCurl
import PAMCore

extension CurlTransfer {
    /// Applies the transport settings and this request to a fresh (reset) easy handle.
    func configure(_ easy: CurlEasy, settings: CurlSettings, share: UnsafeMutableRawPointer) throws(PAMError) {
        self.easy = easy.handle
        try easy.set(CURLOPT_URL, request.url, "URL")
        try easy.check(cc_easy_restrict_to_http(easy.handle), "PROTOCOLS_STR")
        try easy.set(CURLOPT_NOSIGNAL, true, "NOSIGNAL")
        try easy.set(CURLOPT_TCP_KEEPALIVE, true, "TCP_KEEPALIVE")
        try easy.set(CURLOPT_PIPEWAIT, true, "PIPEWAIT")
        if !request.method.isIdempotent, settings.freshConnectionsForUnsafeMethods {
            // libcurl resends by itself when a reused connection dies before any answer byte; a
            // server may already have acted on a POST. On a new connection it never does that, so
            // a lost answer is an error we see. GET, PUT and DELETE keep reusing connections.
            try easy.set(CURLOPT_FRESH_CONNECT, true, "FRESH_CONNECT")
        }
        try easy.set(CURLOPT_ACCEPT_ENCODING, "", "ACCEPT_ENCODING")
        try easy.set(CURLOPT_USERAGENT, settings.userAgent, "USERAGENT")
        try easy.check(cc_easy_setopt_share(easy.handle, share), "SHARE")
        if settings.cookies {
            // An empty file name turns the cookie engine on without reading a file.
            try easy.set(CURLOPT_COOKIEFILE, "", "COOKIEFILE")
        }
        try easy.set(CURLOPT_CONNECTTIMEOUT_MS, settings.connectTimeoutMilliseconds, "CONNECTTIMEOUT_MS")
        if stream == nil {
            try easy.set(CURLOPT_TIMEOUT_MS, settings.totalTimeoutMilliseconds, "TIMEOUT_MS")
        } else {
            try configureStreaming(easy, settings)
        }
        // Fails at once on a Content-Length over the limit; the write callback counts the rest
        // (chunked, read-until-close, and decoded bytes, so a compression bomb stops too).
        try easy.set(CURLOPT_MAXFILESIZE_LARGE, size: maxResponseBytes, "MAXFILESIZE_LARGE")
        try easy.set(CURLOPT_ERRORBUFFER, pointer: UnsafeMutableRawPointer(errorBuffer), "ERRORBUFFER")
        try configureTLS(easy, settings)
        try configureProxy(easy, settings)
        try configureHeaders(easy)
        try configureMethodAndBody(easy)

        let context = Unmanaged.passUnretained(self).toOpaque()
        try easy.check(cc_easy_setopt_write_cb(easy.handle, CURLOPT_WRITEFUNCTION, CurlCallbacks.write), "WRITEFUNCTION")
        try easy.set(CURLOPT_WRITEDATA, pointer: context, "WRITEDATA")
        try easy.check(cc_easy_setopt_write_cb(easy.handle, CURLOPT_HEADERFUNCTION, CurlCallbacks.header), "HEADERFUNCTION")
        try easy.set(CURLOPT_HEADERDATA, pointer: context, "HEADERDATA")
        // The shim has no typed setter for this callback; a C function pointer passes as a
        // pointer-sized argument on every platform libcurl supports (as dlsym relies on).
        let prereq = unsafeBitCast(CurlCallbacks.prereq, to: UnsafeMutableRawPointer.self)
        try easy.set(CURLOPT_PREREQFUNCTION, pointer: prereq, "PREREQFUNCTION")
        try easy.set(CURLOPT_PREREQDATA, pointer: context, "PREREQDATA")
    }

    /// A stream lives as long as the server keeps it open: no total timeout (the reset handle has
    /// none), but it fails when less than 1 byte per second arrives for the idle time.
    private func configureStreaming(_ easy: CurlEasy, _ settings: CurlSettings) throws(PAMError) {
        try easy.set(CURLOPT_LOW_SPEED_LIMIT, 1, "LOW_SPEED_LIMIT")
        try easy.set(CURLOPT_LOW_SPEED_TIME, settings.streamIdleSeconds, "LOW_SPEED_TIME")
        // HTTP/1.1, so that a paused or long-lived stream holds its own connection and never
        // stalls requests multiplexed with it on an HTTP/2 one.
        try easy.set(CURLOPT_HTTP_VERSION, Int(CURL_HTTP_VERSION_1_1), "HTTP_VERSION")
        // A proxy's CONNECT reply is no header block of the response.
        try easy.set(CURLOPT_SUPPRESS_CONNECT_HEADERS, true, "SUPPRESS_CONNECT_HEADERS")
    }

    private func configureTLS(_ easy: CurlEasy, _ settings: CurlSettings) throws(PAMError) {
        try easy.set(CURLOPT_SSL_VERIFYPEER, settings.verifyTLS, "SSL_VERIFYPEER")
        try easy.set(CURLOPT_SSL_VERIFYHOST, settings.verifyTLS ? 2 : 0, "SSL_VERIFYHOST")
        if let bundle = settings.caBundle {
            try easy.set(CURLOPT_CAINFO_BLOB, blob: bundle, "CAINFO_BLOB")
            // Debian's libcurl adds its default CA directory to any CAINFO; dropping it pins trust.
            try easy.set(CURLOPT_CAPATH, nil, "CAPATH")
        } else if let path = settings.systemCAPath {
            try easy.set(CURLOPT_CAPATH, path, "CAPATH")
        }
        guard let identity = settings.identity else { return }
        try easy.set(CURLOPT_SSLCERT_BLOB, secretBlob: identity.certificate, "SSLCERT_BLOB")
        try easy.set(CURLOPT_SSLCERTTYPE, identity.certificateType, "SSLCERTTYPE")
        if let key = identity.key {
            try easy.set(CURLOPT_SSLKEY_BLOB, secretBlob: key, "SSLKEY_BLOB")
            try easy.set(CURLOPT_SSLKEYTYPE, "PEM", "SSLKEYTYPE")
        }
        if let passphrase = identity.passphrase {
            try easy.set(CURLOPT_KEYPASSWD, secretCString: passphrase, "KEYPASSWD")
        }
    }

    private func configureProxy(_ easy: CurlEasy, _ settings: CurlSettings) throws(PAMError) {
        // Without an explicit proxy nothing is set, so libcurl's https_proxy/no_proxy handling applies.
        guard let proxy = settings.proxy else { return }
        try easy.set(CURLOPT_PROXY, proxy.url, "PROXY")
        if let mask = proxy.authMask {
            try easy.check(cc_easy_setopt_long(easy.handle, CURLOPT_PROXYAUTH, Int(bitPattern: mask)), "PROXYAUTH")
        }
        if let username = proxy.username { try easy.set(CURLOPT_PROXYUSERNAME, username, "PROXYUSERNAME") }
        if let password = proxy.password {
            try easy.set(CURLOPT_PROXYPASSWORD, secretCString: password, "PROXYPASSWORD")
        }
        if let noProxy = proxy.noProxy { try easy.set(CURLOPT_NOPROXY, noProxy, "NOPROXY") }
    }

    private func configureHeaders(_ easy: CurlEasy) throws(PAMError) {
        var lines = CurlHeaderList()
        defer { headerList = lines.list }
        var hasContentType = false
        for header in request.headers {
            try CurlHeaderList.checkName(header.name)
            if header.name.lowercased() == "content-type" { hasContentType = true }
            switch header.value {
            case .plain(let value):
                try lines.append(name: header.name, plain: value)
            case .secret(let value):
                try lines.append(name: header.name, secret: value)
            }
        }
        if request.body.count > 0 || [.post, .put, .patch].contains(request.method) {
            // No `Expect: 100-continue` round trip: it stalls on servers that ignore it.
            try lines.appendLine("Expect:")
            // The request says what it sends; libcurl's form-urlencoded default would be a guess.
            if !hasContentType { try lines.appendLine("Content-Type:") }
        }
        if let list = lines.list { try easy.check(cc_easy_setopt_slist(easy.handle, CURLOPT_HTTPHEADER, list), "HTTPHEADER") }
    }

    private func configureMethodAndBody(_ easy: CurlEasy) throws(PAMError) {
        let method = request.method
        let count = request.body.count
        switch method {
        case .get where count == 0:
            try easy.set(CURLOPT_HTTPGET, true, "HTTPGET")
            return
        case .delete where count == 0:
            try easy.set(CURLOPT_CUSTOMREQUEST, method.rawValue, "CUSTOMREQUEST")
            return
        case .put:
            try easy.set(CURLOPT_UPLOAD, true, "UPLOAD")
            try easy.set(CURLOPT_INFILESIZE_LARGE, size: count, "INFILESIZE_LARGE")
        default:
            // POST mode carries Content-Length (also 0) for POST, PATCH and any method with a body.
            try easy.set(CURLOPT_POST, true, "POST")
            try easy.set(CURLOPT_POSTFIELDSIZE_LARGE, size: count, "POSTFIELDSIZE_LARGE")
            if method != .post { try easy.set(CURLOPT_CUSTOMREQUEST, method.rawValue, "CUSTOMREQUEST") }
        }
        let context = Unmanaged.passUnretained(self).toOpaque()
        try easy.check(cc_easy_setopt_read_cb(easy.handle, CurlCallbacks.read), "READFUNCTION")
        try easy.set(CURLOPT_READDATA, pointer: context, "READDATA")
        try easy.check(cc_easy_setopt_seek_cb(easy.handle, CurlCallbacks.seek), "SEEKFUNCTION")
        try easy.set(CURLOPT_SEEKDATA, pointer: context, "SEEKDATA")
    }
}
