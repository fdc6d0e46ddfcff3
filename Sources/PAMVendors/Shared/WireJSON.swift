import Foundation
import PAMCore

/// Decodes and encodes wire DTOs, turning failures into one-line malformed-response errors.
public enum WireJSON {
    /// Decodes a response body. The body must not hold a credential (it passes through `Data`).
    public static func decode<T: Decodable>(_ type: T.Type, from body: SecretBytes, operation: String) throws -> T {
        let data = body.withUnsafeBytes { Data($0) }
        do {
            return try JSONDecoder().decode(type, from: data)
        } catch let error as DecodingError {
            throw PAMError(.malformed, "unexpected response to \(operation): \(summary(of: error))", operation: operation)
        }
    }

    /// Encodes a request body.
    public static func encode<T: Encodable>(_ value: T) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? Array(encoder.encode(value))) ?? Array("{}".utf8)
    }

    /// A short description of a decoding error that names the field but never a value.
    static func summary(of error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            let keys = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }
            return keys.isEmpty ? "the body" : keys.joined(separator: ".")
        }
        switch error {
        case .typeMismatch(let type, let context): return "\(path(context)) is not a \(type)"
        case .valueNotFound(let type, let context): return "\(path(context)) is null, expected \(type)"
        case .keyNotFound(let key, let context): return "missing \(key.stringValue) in \(path(context))"
        case .dataCorrupted(let context): return "\(path(context)) is not valid JSON"
        @unknown default: return "cannot decode"
        }
    }
}
