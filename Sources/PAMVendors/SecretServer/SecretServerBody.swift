import PAMCore

/// Request bodies that hold secret values, composed as JSON in wiping memory.
enum SecretServerBody {
    /// One JSON object written by `body` into a writer with `room` bytes reserved (so growth
    /// leaves no copy), copied into `SecretBytes`, and the writer wiped.
    static func secret(room: Int, _ body: (inout JSONWriter) -> Void) -> SecretBytes {
        var writer = JSONWriter(capacity: room)
        writer.object(body)
        let bytes = SecretBytes(capacity: writer.bytes.count)
        writer.bytes.withUnsafeBytes { bytes.append($0) }
        writer.wipe()
        return bytes
    }
}
