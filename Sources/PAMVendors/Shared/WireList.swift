import PAMCore

/// A wire type that reads itself from a `JSONScanner`: used for list items, where
/// `JSONDecoder` was the slowest part of listing 100,000 accounts.
public protocol JSONScannable {
    init(scanning scanner: inout JSONScanner) throws
}

/// Decodes list responses in every shape vendors use.
public enum WireList {
    /// Items of a bare array, of a `{"TotalCount": n, "Data": [...]}` or
    /// `{"total": n, "records": [...]}` envelope, or of a single object (as BeyondTrust answers
    /// a systemName + accountName query).
    public static func decode<Item: JSONScannable>(
        _ type: Item.Type, from body: SecretBytes, operation: String
    ) throws -> (items: [Item], total: Int?) {
        do {
            return try body.withUnsafeBytes { bytes in
                var scanner = JSONScanner(bytes)
                let result = try decodeValue(Item.self, &scanner)
                guard scanner.atEnd() else { throw PAMError(.malformed, "trailing data") }
                return result
            }
        } catch let error as PAMError where error.kind == .malformed {
            throw PAMError(.malformed, "unexpected response to \(operation): \(error.message)", operation: operation)
        }
    }

    private static let totalCountKey = JSONKey("TotalCount")
    private static let dataKey = JSONKey("Data")
    private static let totalKey = JSONKey("total")
    private static let recordsKey = JSONKey("records")

    private static func decodeValue<Item: JSONScannable>(_ type: Item.Type, _ scanner: inout JSONScanner) throws -> ([Item], Int?) {
        if scanner.peek() == UInt8(ascii: "[") { return (try array(Item.self, &scanner), nil) }
        var probe = scanner
        var total: Int?
        var items: [Item]?
        try JSONScanner.readObject(&probe) { member, scanner in
            switch member {
            case totalCountKey, totalKey: total = try scanner.int()
            case dataKey, recordsKey: items = try array(Item.self, &scanner)
            default: return false
            }
            return true
        }
        if let items {
            scanner = probe
            return (items, total)
        }
        return ([try Item(scanning: &scanner)], nil)
    }

    private static func array<Item: JSONScannable>(_ type: Item.Type, _ scanner: inout JSONScanner) throws -> [Item] {
        try scanner.beginArray()
        var items: [Item] = []
        var first = true
        while try scanner.nextElement(first: &first) {
            do {
                items.append(try Item(scanning: &scanner))
            } catch let error as PAMError {
                throw PAMError(.malformed, "item [\(items.count)]: \(error.message)")
            }
        }
        return items
    }

    /// The error for a required field that was absent or null.
    public static func missing(_ field: String) -> PAMError {
        PAMError(.malformed, "missing \(field)")
    }
}
