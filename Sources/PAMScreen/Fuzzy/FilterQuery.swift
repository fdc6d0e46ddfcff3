/// A pane filter: words split on spaces and `/`, every one of which must be found, each in any
/// column (so `/DC01/admin`, `dc01 admin` and `admin dc01` find the same row). Rows rank by the
/// sum of their words' best `MatchTier`s.
public struct FilterQuery: Sendable, Equatable {
    public let text: String
    /// The words that constrain anything (operator-only words are dropped).
    public let terms: [FilterTerm]

    public init(_ text: String) {
        self.text = text
        self.terms = text.split(whereSeparator: { $0 == " " || $0 == "/" }).compactMap(FilterTerm.init(parsing:))
    }

    /// True when the query keeps every row.
    public var isEmpty: Bool { terms.isEmpty }

    /// The highest rank a row can get.
    public var maximumRank: Int { terms.filter { !$0.negated }.count * MatchTier.exact.rawValue }

    /// The row's rank, or nil when it is filtered out. `column(i)` for `i` in `0..<columns` gives
    /// the row's texts (nil for an empty one): a closure, so scanning rows allocates nothing.
    public func rank(columns: Int, _ column: (Int) -> String?) -> Int? {
        rank(columns: columns) { term, index in column(index).flatMap(term.tier(in:)) }
    }

    /// `rank` over columns kept as UTF-8 bytes (nil for an empty one), as a long list keeps them
    /// to scan without touching a `String`; `text` gives the column for a non-ASCII word.
    public func rank(columns: Int, bytes: (Int) -> UnsafeBufferPointer<UInt8>?, text: (Int) -> String?) -> Int? {
        rank(columns: columns) { term, index in
            guard let needle = term.asciiNeedle else { return text(index).flatMap(term.tier(in:)) }
            guard let column = bytes(index) else { return nil }
            return needle.withUnsafeBufferPointer { FilterTerm.tier(needle: $0, in: column, kind: term.kind) }
        }
    }

    /// The sum of every word's best tier over the columns, nil when a word is missing or a
    /// negated one is there.
    private func rank(columns: Int, tier: (FilterTerm, Int) -> MatchTier?) -> Int? {
        var total = 0
        for term in terms {
            var best: MatchTier?
            for index in 0..<columns {
                guard let found = tier(term, index) else { continue }
                best = max(best ?? found, found)
                if found == .exact || term.negated { break }
            }
            if term.negated {
                if best != nil { return nil }
            } else {
                guard let best else { return nil }
                total += best.rawValue
            }
        }
        return total
    }

    /// `rank` over an array of texts.
    public func rank(_ columns: [String?]) -> Int? { rank(columns: columns.count) { columns[$0] } }

    /// True when every row `other` keeps is one this query keeps too, so `other` can be answered
    /// by rescanning this query's rows (typing extends a word or adds one; a negated word that
    /// grows keeps more rows, so it does not narrow).
    public func narrows(to other: FilterQuery) -> Bool {
        guard terms.count <= other.terms.count else { return false }
        for (mine, theirs) in zip(terms, other.terms) {
            guard mine.negated == theirs.negated, mine.kind == theirs.kind else { return false }
            if mine.negated {
                guard mine.needle == theirs.needle else { return false }
            } else {
                guard theirs.needle.starts(with: mine.needle) else { return false }
            }
        }
        return true
    }

    /// Character ranges of `text` that the query's words matched, for highlighting.
    public func highlights(_ text: String) -> [Range<Int>] {
        guard !terms.isEmpty else { return [] }
        var indexes = Set<Int>()
        for term in terms where !term.negated { indexes.formUnion(term.highlight(in: text)) }
        return TableRow.ranges(indexes.sorted())
    }

    /// The items that pass, best rank first and in input order within a rank; for short lists.
    public func ranked<Item>(_ items: [Item], columns: (Item) -> [String?]) -> [Item] {
        guard !isEmpty else { return items }
        let kept = items.compactMap { item in rank(columns(item)).map { (item, $0) } }
        return Self.byRank(kept.map(\.1), maximum: maximumRank).map { kept[$0].0 }
    }

    /// Positions of `ranks` ordered best first, stable within a rank: a counting sort, linear in
    /// the number of rows.
    public static func byRank(_ ranks: [Int], maximum: Int) -> [Int] {
        byRank(ranks, rows: Array(ranks.indices), maximum: maximum)
    }

    /// `rows` (one per rank) ordered best rank first, stable within a rank. Inlinable, so each
    /// caller gets it specialised (generic, it spent its time on type metadata).
    @inlinable
    public static func byRank<Rank: BinaryInteger, Row>(_ ranks: [Rank], rows: [Row], maximum: Int) -> [Row] {
        let top = max(0, maximum)
        var counts = [Int](repeating: 0, count: top + 2)
        for rank in ranks { counts[top - min(max(Int(rank), 0), top) + 1] += 1 }
        for bucket in 1..<counts.count { counts[bucket] += counts[bucket - 1] }
        var ordered = rows
        for position in ranks.indices {
            let bucket = top - min(max(Int(ranks[position]), 0), top)
            ordered[counts[bucket]] = rows[position]
            counts[bucket] += 1
        }
        return ordered
    }
}
