/// RFC 3986 percent-encoding for query values, form fields and path segments.
public enum PercentEncoding {
    /// Percent-encodes everything but unreserved characters.
    public static func encode(_ text: String) -> String {
        var result = ""
        forEachEncodedByte(of: Array(text.utf8)) { result.unicodeScalars.append(Unicode.Scalar($0)) }
        return result
    }

    /// Calls `emit` with each byte of the encoded form of `bytes`.
    public static func forEachEncodedByte<Bytes: Sequence<UInt8>>(of bytes: Bytes, _ emit: (UInt8) -> Void) {
        let digits = Array("0123456789ABCDEF".utf8)
        for byte in bytes {
            if isUnreserved(byte) {
                emit(byte)
            } else {
                emit(UInt8(ascii: "%"))
                emit(digits[Int(byte >> 4)])
                emit(digits[Int(byte & 0x0F)])
            }
        }
    }

    static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case 48...57, 65...90, 97...122, UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"): true
        default: false
        }
    }
}
