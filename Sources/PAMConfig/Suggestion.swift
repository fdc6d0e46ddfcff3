/// Finds the known word closest to a misspelt one.
enum Suggestion {
    /// The closest candidate within an edit distance of 2, if any.
    static func closest(to word: String, in candidates: Set<String>) -> String? {
        var best: (word: String, distance: Int)?
        for candidate in candidates.sorted() {
            let found = distance(word, candidate)
            if found <= 2 && found < (best?.distance ?? Int.max) { best = (candidate, found) }
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
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
            }
            previous = current
        }
        return previous[b.count]
    }
}
