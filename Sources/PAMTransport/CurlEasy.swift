import CCurl
import PAMCore

/// Typed, checked setters for one easy handle. Every failure becomes a one-line configuration
/// error naming the option, never its value.
struct CurlEasy {
    let handle: UnsafeMutableRawPointer

    func set(_ option: CURLoption, _ value: Int, _ name: @autoclosure () -> String) throws(PAMError) {
        try check(cc_easy_setopt_long(handle, option, value), name())
    }

    func set(_ option: CURLoption, _ value: Bool, _ name: @autoclosure () -> String) throws(PAMError) {
        try check(cc_easy_setopt_long(handle, option, value ? 1 : 0), name())
    }

    func set(_ option: CURLoption, size value: Int, _ name: @autoclosure () -> String) throws(PAMError) {
        try check(cc_easy_setopt_off(handle, option, curl_off_t(value)), name())
    }

    /// libcurl copies string options, so the Swift string only has to live for the call.
    func set(_ option: CURLoption, _ value: String?, _ name: @autoclosure () -> String) throws(PAMError) {
        if let value {
            try check(cc_easy_setopt_str(handle, option, value), name())
        } else {
            try check(cc_easy_setopt_str(handle, option, nil), name())
        }
    }

    /// A NUL-terminated secret string option, passed from its wiping storage (libcurl copies it).
    func set(_ option: CURLoption, secretCString secret: SecretBytes, _ name: @autoclosure () -> String)
        throws(PAMError)
    {
        let code = secret.withUnsafeBytes { bytes in
            cc_easy_setopt_str(handle, option, bytes.baseAddress?.assumingMemoryBound(to: CChar.self))
        }
        try check(code, name())
    }

    /// A public blob option (a CA bundle); `CURL_BLOB_COPY` in the shim makes libcurl keep its own copy.
    func set(_ option: CURLoption, blob bytes: [UInt8], _ name: @autoclosure () -> String) throws(PAMError) {
        try check(bytes.withUnsafeBytes { blobCode(option, $0) }, name())
    }

    /// A secret blob option by reference (`CURL_BLOB_NOCOPY`): libcurl keeps no copy of its own
    /// (a COPY blob is a fresh unwiped copy per request), so the one copy is `secret`, which wipes
    /// itself. It must outlive the handle's use and never grow, which would move its storage: the
    /// settings' secrets are fixed for the engine's life and outlive every handle.
    func set(_ option: CURLoption, secretBlob secret: SecretBytes, _ name: @autoclosure () -> String)
        throws(PAMError)
    {
        let code = secret.withUnsafeBytes { bytes in
            var blob = curl_blob(
                data: UnsafeMutableRawPointer(mutating: bytes.baseAddress), len: bytes.count,
                flags: UInt32(CURL_BLOB_NOCOPY))
            // libcurl copies the struct itself during the call; only `data` must stay valid.
            return withUnsafeMutablePointer(to: &blob) { cc_easy_setopt_ptr(handle, option, UnsafeMutableRawPointer($0)) }
        }
        try check(code, name())
    }

    private func blobCode(_ option: CURLoption, _ bytes: UnsafeRawBufferPointer) -> CURLcode {
        cc_easy_setopt_blob(handle, option, UnsafeMutableRawPointer(mutating: bytes.baseAddress), bytes.count)
    }

    func set(_ option: CURLoption, pointer: UnsafeMutableRawPointer?, _ name: @autoclosure () -> String)
        throws(PAMError)
    {
        try check(cc_easy_setopt_ptr(handle, option, pointer), name())
    }

    func check(_ code: CURLcode, _ name: String) throws(PAMError) {
        guard code == CURLE_OK else {
            let reason = String(cString: curl_easy_strerror(code))
            throw PAMError(.configuration, "libcurl rejected option \(name): \(reason)")
        }
    }
}
