import CCurl
import PAMCore

/// Process-wide libcurl initialisation, run once before the first transport starts.
enum CurlGlobal {
    /// `CURLOPT_CAINFO_BLOB` and `curl_multi_poll`/`wakeup` need 7.77, `curl_url_strerror` 7.80.
    static let minimumVersion: UInt32 = 0x07_50_00

    // A `let` global runs once, thread-safely, which is what curl_global_init requires.
    private static let initResult: Int32 = Int32(bitPattern: curl_global_init(cc_global_all()).rawValue)

    /// Initialises libcurl and checks that it is new enough and built with TLS.
    static func ensureReady() throws(PAMError) {
        guard initResult == 0 else {
            throw PAMError(.configuration, "libcurl failed to initialise (code \(initResult))")
        }
        guard let info = curl_version_info(cc_version_now())?.pointee else {
            throw PAMError(.configuration, "libcurl reported no version information")
        }
        guard info.version_num >= minimumVersion else {
            let found = info.version.map { String(cString: $0) } ?? "unknown"
            throw PAMError(.configuration, "libcurl \(found) is too old: pamtui needs 7.80 or later")
        }
        guard info.features & Int32(CURL_VERSION_SSL) != 0 else {
            throw PAMError(.configuration, "libcurl was built without TLS support")
        }
    }
}
