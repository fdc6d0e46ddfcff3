import PAMCore
import PAMScreen

/// Filtered account lists by query, for one source list. A frame asks for the filtered accounts
/// several times, typing extends the query one character at a time, and backspace returns to an
/// earlier query; with 100,000 rows a full scan per keystroke is what this avoids. Earlier queries
/// are kept as row indexes (4 bytes a row); only the current one as accounts. It is part of
/// `AppState` (the reducer keeps it up to date after every action) and, being derived data,
/// never makes two states unequal.
public struct FilterCache: Sendable, Equatable {
    public init() {}

    public static func == (lhs: FilterCache, rhs: FilterCache) -> Bool { true }

    /// The list the results came from; holding it keeps its storage (the identity) alive.
    private var source: [Account] = []
    private var indexes: [String: [Int32]] = [:]
    private var order: [String] = []
    private var current: (key: String, accounts: FilteredAccounts)?
    private static let capacity = 32

    /// The accounts of `all` that pass the pane's filter.
    mutating func filter(_ all: [Account], _ pane: PaneState) -> FilteredAccounts {
        if !sameStorage(all, source) {
            source = all
            indexes.removeAll()
            order.removeAll()
            current = nil
        }
        let key = (pane.filterInverted ? "!" : "") + pane.filter
        if let current, current.key == key { return current.accounts }
        let accounts = FilteredAccounts(source: all, indexes: indexes[key] ?? scan(pane, key: key))
        current = (key, accounts)
        return accounts
    }

    /// The result for `all` and the pane's query if it is the one held, without changing anything.
    func cached(_ all: [Account], _ pane: PaneState) -> FilteredAccounts? {
        guard let current, current.key == (pane.filterInverted ? "!" : "") + pane.filter, sameStorage(all, source) else { return nil }
        return current.accounts
    }

    /// Scans the rows the longest cached prefix of the query kept (a subsequence match is
    /// monotonic: whatever matches "adm" also matches "ad"), or every row.
    private mutating func scan(_ pane: PaneState, key: String) -> [Int32] {
        var base: [Int32]?
        if !pane.filterInverted {
            var prefix = pane.filter
            while base == nil && !prefix.isEmpty {
                prefix.removeLast()
                base = indexes[prefix]
            }
        }
        let matcher = FuzzyMatcher(pane.filter)
        let passes: (Int32) -> Bool = { index in
            let account = self.source[Int(index)]
            // Field by field, not through an array: no allocation per row.
            let found = matcher.contains(account.name) || matcher.contains(account.systemName)
                || account.domain.map(matcher.contains) == true
            return found != pane.filterInverted
        }
        let kept = (base ?? (0..<Int32(source.count)).map { $0 }).filter(passes)
        indexes[key] = kept
        order.append(key)
        if order.count > Self.capacity { indexes.removeValue(forKey: order.removeFirst()) }
        return kept
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
