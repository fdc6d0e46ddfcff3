/// The known names closest to a misspelt one, for "did you mean" hints in config, theme,
/// command-line and not-found errors.
public enum Suggestion {
    /// A candidate equal ignoring case (and, with `ignoringSeparators`, `_` and `-`), else the
    /// closest within `maxDistance` edits; nil when none is close.
    public static func closest(
        to word: String, in candidates: some Collection<String>, maxDistance: Int = 2, ignoringSeparators: Bool = false
    ) -> String? {
        func normalized(_ text: String) -> String {
            let lower = text.lowercased()
            return ignoringSeparators ? lower.filter { $0 != "_" && $0 != "-" } : lower
        }
        let target = normalized(word)
        let sorted = candidates.sorted()
        if let same = sorted.first(where: { normalized($0) == target }) { return same }
        var best: (word: String, distance: Int)?
        for candidate in sorted {
            let found = distance(target, normalized(candidate))
            if found <= maxDistance, found < (best?.distance ?? Int.max) { best = (candidate, found) }
        }
        return best?.word
    }

    /// Up to `limit` candidates nearest to `word`, nearest first (ties by name): those equal
    /// ignoring case, then those within `maxDistance` edits (default: a third of the word's
    /// length, at least 2), ignoring case.
    public static func nearest(
        to word: String, in candidates: some Collection<String>, limit: Int = 3, maxDistance: Int? = nil
    ) -> [String] {
        let target = word.lowercased()
        let bound = maxDistance ?? max(2, target.count / 3)
        let scored = Set(candidates).compactMap { candidate -> (String, Int)? in
            let found = distance(target, candidate.lowercased())
            return found <= bound ? (candidate, found) : nil
        }
        return scored.sorted { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }.prefix(max(0, limit)).map(\.0)
    }

    /// Levenshtein distance.
    public static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
            }
            previous = current
        }
        return previous[b.count]
    }
}
