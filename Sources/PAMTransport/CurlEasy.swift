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

    /// A blob option; `CURL_BLOB_COPY` in the shim makes libcurl keep its own copy.
    func set(_ option: CURLoption, blob bytes: [UInt8], _ name: @autoclosure () -> String) throws(PAMError) {
        try check(bytes.withUnsafeBytes { blobCode(option, $0) }, name())
    }

    /// A secret blob option, passed straight from its wiping storage (libcurl keeps a copy).
    func set(_ option: CURLoption, secretBlob secret: SecretBytes, _ name: @autoclosure () -> String)
        throws(PAMError)
    {
        try check(secret.withUnsafeBytes { blobCode(option, $0) }, name())
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
