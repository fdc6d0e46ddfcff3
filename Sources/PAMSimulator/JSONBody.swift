import Foundation

/// Any JSON value, as a request body arrives.
enum JSONValue: Sendable, Equatable, Decodable {
    case null, bool(Bool), number(Double), string(String), array([JSONValue]), object([String: JSONValue])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    /// Parses `bytes`; nil when they are not JSON.
    static func parse(_ bytes: [UInt8]) -> JSONValue? {
        try? JSONDecoder().decode(JSONValue.self, from: Data(bytes))
    }
}

/// A JSON object whose keys match case-insensitively, the way ASP.NET model binding reads bodies.
struct JSONBody: Sendable {
    private var fields: [String: JSONValue] = [:]

    /// An empty body (also what an empty request body binds to).
    init() {}

    init(_ object: [String: JSONValue]) {
        for (key, value) in object { fields[key.lowercased()] = value }
    }

    /// Binds `bytes`: empty → empty object; an object → its fields; anything else → nil.
    static func bind(_ bytes: [UInt8]) -> JSONBody? {
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0a || $0 == 0x0d || $0 == 0x09 }) { return JSONBody() }
        guard case .object(let object)? = JSONValue.parse(bytes) else { return nil }
        return JSONBody(object)
    }

    subscript(key: String) -> JSONValue? {
        fields[key.lowercased()]
    }

    /// True when the key is present with a non-null value.
    func has(_ key: String) -> Bool {
        if case .some(.null) = self[key] { return false }
        return self[key] != nil
    }

    /// An integer, from a JSON number or a numeric string; nil when absent, null or not integral.
    func int(_ key: String) -> Int? {
        switch self[key] {
        case .number(let value) where value == value.rounded() && abs(value) < 1e15: Int(value)
        case .string(let text): Int(text.trimmingCharacters(in: .whitespaces))
        default: nil
        }
    }

    func string(_ key: String) -> String? {
        switch self[key] {
        case .string(let text): text
        case .number(let value): value == value.rounded() ? String(Int(value)) : String(value)
        case .bool(let value): value ? "true" : "false"
        default: nil
        }
    }

    func bool(_ key: String) -> Bool? {
        switch self[key] {
        case .bool(let value): value
        case .string(let text): Bool(text.lowercased())
        case .number(let value): value != 0
        default: nil
        }
    }
}
