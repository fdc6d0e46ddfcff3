/// The known name closest to a misspelt one, for "did you mean" hints.
enum ThemeSuggestion {
    /// A candidate equal ignoring case, `_` and `-`, else the closest within an edit distance of 3.
    static func closest(to word: String, in candidates: [String]) -> String? {
        func normalized(_ text: String) -> String { text.lowercased().filter { $0 != "_" && $0 != "-" } }
        let target = normalized(word)
        if let same = candidates.first(where: { normalized($0) == target }) { return same }
        var best: (word: String, distance: Int)?
        for candidate in candidates.sorted() {
            let found = distance(target, normalized(candidate))
            if found <= 3, found < (best?.distance ?? Int.max) { best = (candidate, found) }
        }
        return best?.word
    }

    /// Levenshtein distance.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
