/// How well a filter term sits in one text, best last: a whole-text match beats a prefix, which
/// beats a word start, a plain substring, and a scattered subsequence.
public enum MatchTier: Int, Sendable, Comparable, CaseIterable {
    case subsequence = 0, substring, boundary, prefix, exact

    public static func < (lhs: MatchTier, rhs: MatchTier) -> Bool { lhs.rawValue < rhs.rawValue }
}
