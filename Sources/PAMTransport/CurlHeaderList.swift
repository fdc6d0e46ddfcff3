import CCurl
import PAMCore

#if canImport(Glibc)
import Glibc
#endif

/// Builds a libcurl header list. libcurl copies each line into the list, so secret lines are
/// built in wiping memory and released right after the append; the list's own copies are zeroed
/// by `wipeAndFree` when the transfer is done.
struct CurlHeaderList {
    private(set) var list: UnsafeMutablePointer<curl_slist>?

    /// Header names are tokens; anything else could split or forge a header line.
    static func checkName(_ name: String) throws(PAMError) {
        let allowed = "!#$%&'*+-.^_`|~"
        let valid = !name.isEmpty && name.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
                || allowed.unicodeScalars.contains(scalar))
        }
        guard valid else { throw PAMError(.configuration, "invalid request header name \(name.debugDescription)") }
    }

    mutating func append(name: String, plain value: String) throws(PAMError) {
        guard !value.unicodeScalars.contains(where: { $0 == "\r" || $0 == "\n" || $0 == "\0" }) else {
            throw PAMError(.configuration, "request header \(name) has a line break in its value")
        }
        // `Name;` is libcurl's way to send a header with an empty value.
        try appendLine(value.isEmpty ? "\(name);" : "\(name): \(value)")
    }

    mutating func append(name: String, secret value: SecretBytes) throws(PAMError) {
        let line = SecretBytes(capacity: name.utf8.count + value.count + 3)
        defer { line.wipe() }
        var prefix = Array(name.utf8) + (value.isEmpty ? [UInt8(ascii: ";")] : Array(": ".utf8))
        prefix.withUnsafeBytes { line.append($0) }
        let clean = value.withUnsafeBytes { bytes in
            line.append(bytes)
            return !bytes.contains(where: { $0 == 0x0D || $0 == 0x0A || $0 == 0 })
        }
        guard clean else { throw PAMError(.configuration, "request header \(name) has a line break in its value") }
        prefix = [0]
        prefix.withUnsafeBytes { line.append($0) }
        let appended: UnsafeMutablePointer<curl_slist>? = line.withUnsafeBytes { bytes in
            guard let base = bytes.baseAddress else { return nil }
            return curl_slist_append(list, base.assumingMemoryBound(to: CChar.self))
        }
        try store(appended)
    }

    /// Zeroes every line, then frees the list: lines may be credentials (Authorization, API keys)
    /// and `curl_slist_free_all` does not wipe. Call only once libcurl no longer uses the list.
    static func wipeAndFree(_ list: UnsafeMutablePointer<curl_slist>) {
        wipe(list)
        curl_slist_free_all(list)
    }

    static func wipe(_ list: UnsafeMutablePointer<curl_slist>) {
        var node: UnsafeMutablePointer<curl_slist>? = list
        while let current = node {
            if let line = current.pointee.data { explicit_bzero(line, strlen(line)) }
            node = current.pointee.next
        }
    }

    mutating func appendLine(_ line: String) throws(PAMError) {
        try store(curl_slist_append(list, line))
    }

    private mutating func store(_ appended: UnsafeMutablePointer<curl_slist>?) throws(PAMError) {
        // On failure libcurl leaves the old list intact; the caller still owns and frees it.
        guard let appended else { throw PAMError(.transport, "out of memory building request headers") }
        list = appended
    }
}
