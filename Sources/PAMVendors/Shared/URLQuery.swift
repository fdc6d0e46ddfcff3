import PAMCore

/// Builds request URLs with percent-encoded query values.
public enum URLQuery {
    /// `base/path?name=value&…`, skipping nil values.
    public static func url(_ base: String, _ path: String, _ query: [(String, String?)] = []) -> String {
        let trimmedBase = base.hasSuffix("/") ? String(base.dropLast()) : base
        let trimmedPath = path.hasPrefix("/") ? String(path.dropFirst()) : path
        let pairs = query.compactMap { name, value in
            value.map { "\(PercentEncoding.encode(name))=\(PercentEncoding.encode($0))" }
        }
        return "\(trimmedBase)/\(trimmedPath)" + (pairs.isEmpty ? "" : "?" + pairs.joined(separator: "&"))
    }

    /// Percent-encodes a path segment (an id or a name inside the path).
    public static func segment(_ text: String) -> String { PercentEncoding.encode(text) }
}
