/// Recent values of each kind of text field (reasons, tickets, filters), newest first, for
/// Up/Down recall. A value, so the app keeps it in its state; `InputHistoryFile` persists it.
public struct InputHistory: Sendable, Equatable {
    /// Values kept per field kind.
    public static let limit = 50
    public static let filter = "filter"
    public static let reason = "reason"
    /// A vendor's free-text check-out option, e.g. `option.ticket`.
    public static func option(_ key: String) -> String { "option.\(key)" }

    /// Field kind to values, newest first.
    public private(set) var entries: [String: [String]]

    public init(entries: [String: [String]] = [:]) {
        self.entries = entries.mapValues { Array($0.prefix(Self.limit)) }
    }

    /// The values of a field kind, newest first; none for nil.
    public func values(_ key: String?) -> [String] { key.flatMap { entries[$0] } ?? [] }

    /// Puts the field's text first in its kind (an equal older value moves up, the oldest past
    /// `limit` goes). Nothing for a secret field, a field without history, or blank text.
    /// Returns whether anything changed.
    @discardableResult
    public mutating func record(_ field: TextField) -> Bool {
        guard !field.isSecret, let key = field.historyKey else { return false }
        return record(field.text, for: key)
    }

    @discardableResult
    mutating func record(_ text: String, for key: String) -> Bool {
        let value = text.trimmingWhitespace
        guard !value.isEmpty, !value.contains(where: \.isNewline), values(key).first != value else { return false }
        var list = values(key).filter { $0 != value }
        list.insert(value, at: 0)
        entries[key] = Array(list.prefix(Self.limit))
        return true
    }

    /// Adds what was on file behind what this session recorded already (the file loads while
    /// the user may already have typed).
    public mutating func merge(older: InputHistory) {
        for (key, values) in older.entries {
            let current = self.values(key)
            entries[key] = Array((current + values.filter { !current.contains($0) }).prefix(Self.limit))
        }
    }
}

extension String {
    var trimmingWhitespace: String {
        String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}
