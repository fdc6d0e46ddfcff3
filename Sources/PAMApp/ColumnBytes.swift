import PAMCore

/// The filtered columns of a list of accounts (name, system, domain, platform) as one buffer of
/// UTF-8 bytes with each column's end, so scanning 100,000 rows touches no `String`.
struct ColumnBytes: Sendable {
    static let perRow = 4

    private var bytes: [UInt8] = []
    /// The end offset of column `c` of row `r` at `r * perRow + c`.
    private var ends: [Int32] = []

    init() {}

    init(_ accounts: [Account]) {
        bytes.reserveCapacity(accounts.count * 24)
        ends.reserveCapacity(accounts.count * Self.perRow)
        accounts.withUnsafeBufferPointer { rows in
            guard let first = rows.baseAddress else { return }
            for row in rows.indices {
                for column in 0..<Self.perRow { append(Self.column(column, of: first + row)) }
            }
        }
    }

    /// The searched columns in their order, read through a pointer (no account copied).
    @inline(__always)
    static func column(_ index: Int, of account: UnsafePointer<Account>) -> String? {
        switch index {
        case 0: account.pointee.name
        case 1: account.pointee.systemName
        case 2: account.pointee.domain
        default: account.pointee.platform
        }
    }

    var isEmpty: Bool { ends.isEmpty }

    private mutating func append(_ text: String?) {
        if let text { bytes.append(contentsOf: text.utf8) }
        ends.append(Int32(bytes.count))
    }

    /// Runs `body` with a function that gives the row's column bytes (nil when empty).
    func withRow<R>(_ row: Int, _ body: ((Int) -> UnsafeBufferPointer<UInt8>?) -> R) -> R {
        bytes.withUnsafeBufferPointer { all in
            ends.withUnsafeBufferPointer { ends in
                let base = row * Self.perRow
                return body { column in
                    let end = Int(ends[base + column])
                    let start = base + column == 0 ? 0 : Int(ends[base + column - 1])
                    guard end > start, let address = all.baseAddress else { return nil }
                    return UnsafeBufferPointer(start: address + start, count: end - start)
                }
            }
        }
    }
}
