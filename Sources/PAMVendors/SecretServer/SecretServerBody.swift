import Foundation
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

    /// A file as `PUT secrets/{id}/fields/{slug}` takes it: one `multipart/form-data` part named
    /// `file`. Returns the body and its Content-Type (with the boundary).
    static func fileUpload(_ content: SecretBytes, fileName: String) -> (body: SecretBytes, contentType: String) {
        let boundary = "pamtui-" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        // A name with quotes or line breaks would end the header early.
        let name = String(fileName.map { "\"\\\r\n".contains($0) ? "_" : $0 })
        let body = SecretBytes(capacity: content.count + 256)
        body.append("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(name)\"\r\n")
        body.append("Content-Type: application/octet-stream\r\n\r\n")
        body.append(content)
        body.append("\r\n--\(boundary)--\r\n")
        return (body, "multipart/form-data; boundary=\(boundary)")
    }
}
