import PAMCore
import PAMScreen

/// Filtered account lists by query, for one source list. A frame asks for the filtered accounts
/// several times, typing extends the query one character at a time, and backspace returns to an
/// earlier query; with 100,000 rows a full scan per keystroke is what this avoids. Earlier queries
/// are kept as row indexes in list order with each row's rank (5 bytes a row); only the current
/// one as ranked accounts. It is part of `AppState` (the reducer keeps it up to date after every
/// action) and, being derived data, never makes two states unequal.
public struct FilterCache: Sendable, Equatable {
    public init() {}

    public static func == (lhs: FilterCache, rhs: FilterCache) -> Bool { true }

    /// The rows a query kept, in list order, and the rank of each.
    private struct Entry {
        var rows: [Int32]
        var ranks: [UInt8]
    }

    /// The list the results came from; holding it keeps its storage (the identity) alive.
    private var source: [Account] = []
    /// The searched columns of every row of `source` as UTF-8 bytes, built once per list, so a
    /// scan reads bytes instead of retaining and releasing four strings a row.
    private var columns = ColumnBytes()
    private var entries: [String: Entry] = [:]
    private var order: [String] = []
    private var current: (key: String, accounts: FilteredAccounts)?
    private static let capacity = 32

    /// The accounts of `all` that pass the pane's filter, best ranked first.
    mutating func filter(_ all: [Account], _ pane: PaneState) -> FilteredAccounts {
        if !sameStorage(all, source) {
            source = all
            columns = ColumnBytes()
            entries.removeAll()
            order.removeAll()
            current = nil
        }
        let key = pane.filter
        if let current, current.key == key { return current.accounts }
        let query = FilterQuery(key)
        guard !query.isEmpty else { return FilteredAccounts(source: all, indexes: nil) }
        let entry = entries[key] ?? scan(query, key: key)
        let accounts = FilteredAccounts(source: all, indexes: Self.ranked(entry, maximum: query.maximumRank))
        current = (key, accounts)
        return accounts
    }

    /// The result for `all` and the pane's query if it is the one held, without changing anything.
    func cached(_ all: [Account], _ pane: PaneState) -> FilteredAccounts? {
        guard let current, current.key == pane.filter, sameStorage(all, source) else { return nil }
        return current.accounts
    }

    /// Scans the rows of the longest cached prefix of the query that narrows to it (whatever
    /// matches `adm` also matches `ad`), or every row.
    private mutating func scan(_ query: FilterQuery, key: String) -> Entry {
        var base: [Int32]?
        var prefix = key
        while base == nil && !prefix.isEmpty {
            prefix.removeLast()
            if let entry = entries[prefix], FilterQuery(prefix).narrows(to: query) { base = entry.rows }
        }
        var kept = Entry(rows: [], ranks: [])
        // Room for every candidate up front: growing by doubling would copy the rows again and again.
        let candidates = base?.count ?? source.count
        kept.rows.reserveCapacity(candidates)
        kept.ranks.reserveCapacity(candidates)
        if columns.isEmpty && !source.isEmpty { columns = ColumnBytes(source) }
        let columns = self.columns
        source.withUnsafeBufferPointer { accounts in
            guard let first = accounts.baseAddress else { return }
            func visit(_ index: Int32) {
                let row = Int(index)
                let rank = columns.withRow(row) { bytes in
                    query.rank(columns: ColumnBytes.perRow, bytes: bytes) { column in ColumnBytes.column(column, of: first + row) }
                }
                guard let rank else { return }
                kept.rows.append(index)
                kept.ranks.append(UInt8(clamping: rank))
            }
            if let base {
                for index in base { visit(index) }
            } else {
                for index in 0..<Int32(accounts.count) { visit(index) }
            }
        }
        entries[key] = kept
        order.append(key)
        if order.count > Self.capacity { entries.removeValue(forKey: order.removeFirst()) }
        return kept
    }

    /// The kept rows best rank first, list order within a rank.
    private static func ranked(_ entry: Entry, maximum: Int) -> [Int32] {
        FilterQuery.byRank(entry.ranks, rows: entry.rows, maximum: min(255, maximum))
    }

    private func sameStorage(_ a: [Account], _ b: [Account]) -> Bool {
        a.count == b.count && a.withUnsafeBufferPointer { x in b.withUnsafeBufferPointer { y in x.baseAddress == y.baseAddress } }
    }
}

/// Accounts that passed a filter: the source list and the kept row numbers, without copying rows.
public struct FilteredAccounts: RandomAccessCollection, Sendable {
    let source: [Account]
    /// nil when nothing is filtered out.
    let indexes: [Int32]?

    public var startIndex: Int { 0 }
    public var endIndex: Int { indexes?.count ?? source.count }
    public subscript(position: Int) -> Account { indexes.map { source[Int($0[position])] } ?? source[position] }
}
