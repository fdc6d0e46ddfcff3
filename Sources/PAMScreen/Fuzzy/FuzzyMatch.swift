/// A query found in a string: how well, and at which character indexes.
public struct FuzzyMatch: Sendable, Equatable, Hashable {
    /// Higher is better; only comparable between matches of the same query.
    public var score: Int
    /// Character (grapheme) indexes of the matched query characters, ascending.
    public var indexes: [Int]

    public init(score: Int, indexes: [Int]) {
        self.score = score
        self.indexes = indexes
    }

    /// `indexes` merged into ranges, ready for `TableRow.matches`.
    public var ranges: [Range<Int>] { TableRow.ranges(indexes) }
}

/// One candidate kept by `FuzzyMatcher.rank`.
public struct FuzzyResult: Sendable, Equatable, Hashable {
    /// The candidate's position in the input.
    public var index: Int
    public var match: FuzzyMatch

    public init(index: Int, match: FuzzyMatch) {
        self.index = index
        self.match = match
    }
}
