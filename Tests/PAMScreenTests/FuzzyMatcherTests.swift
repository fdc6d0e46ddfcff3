import PAMScreen
import Testing

@Suite struct FuzzyMatcherTests {
    @Test func subsequenceCaseInsensitive() throws {
        let match = try #require(FuzzyMatcher("acc").match("Account"))
        #expect(match.indexes == [0, 1, 2])
        #expect(FuzzyMatcher("ACT").match("account")?.indexes == [0, 1, 6])
        #expect(FuzzyMatcher("xyz").match("account") == nil)
        #expect(FuzzyMatcher("aa").match("a") == nil)
    }

    @Test func emptyQueryMatchesEverything() {
        #expect(FuzzyMatcher("").match("anything") == FuzzyMatch(score: 0, indexes: []))
    }

    @Test func prefersWordStartsOverTheFirstOccurrence() {
        #expect(FuzzyMatcher("ab").match("xaxb-ab")?.indexes == [5, 6])
        #expect(FuzzyMatcher("pb").match("prod-db-backup")?.indexes == [0, 8])
        #expect(FuzzyMatcher("sa").match("serviceAccount")?.indexes == [0, 7])
    }

    @Test func prefersConsecutiveRuns() throws {
        let consecutive = try #require(FuzzyMatcher("web").match("aweb"))
        let scattered = try #require(FuzzyMatcher("web").match("wxexb"))
        #expect(consecutive.indexes == [1, 2, 3])
        #expect(consecutive.score > scattered.score)
    }

    @Test func ranksBestFirstThenShorterThenInputOrder() {
        let candidates = ["myweb", "webserver01", "web01", "w-e-b", "nothing", "web01"]
        let ranked = FuzzyMatcher("web").rank(candidates)
        #expect(ranked.map(\.index) == [2, 5, 1, 3, 0])
        #expect(ranked.first?.match.ranges == [0..<3])
    }

    @Test func nonASCIIIndexesAreCharacterIndexes() {
        #expect(FuzzyMatcher("res").match("Résumé-res")?.indexes == [7, 8, 9])
        #expect(FuzzyMatcher("é").match("CAFÉ")?.indexes == [3])
        #expect(FuzzyMatcher("日本").match("東京日本橋")?.indexes == [2, 3])
        #expect(FuzzyMatcher("ok").match("🔑 ok")?.indexes == [2, 3])
        #expect(FuzzyMatcher("db").match("e\u{301}-db")?.indexes == [2, 3])
    }

    /// `contains` (used to filter) agrees with `match` (used to highlight) on every kind of text.
    @Test func containsAgreesWithMatch() {
        let candidates = ["Account", "a", "xaxb-ab", "Résumé-res", "CAFÉ", "東京日本橋", "🔑 ok", "e\u{301}-db", "line\r\nbreak", ""]
        for query in ["acc", "ACT", "aa", "ab", "res", "é", "日本", "ok", "db", "e", "kb", "xyz", ""] {
            let matcher = FuzzyMatcher(query)
            for candidate in candidates {
                #expect(matcher.contains(candidate) == (matcher.match(candidate) != nil), "\(query) in \(candidate)")
            }
        }
    }

    @Test func longCandidatesStillMatch() {
        let long = String(repeating: "x", count: 70_000) + "needle"
        #expect(FuzzyMatcher("needle").match(long)?.indexes == Array(70_000..<70_006))
    }

    /// The filter over 100,000 names keeps exactly what a plain subsequence test keeps.
    @Test func hundredThousandCandidates() {
        let names = (0..<100_000).map { "host-\($0 % 977)-\(["db", "web", "app", "fw"][$0 % 4]).example.com" }
        let query = "h9web"
        let ranked = FuzzyMatcher(query).rank(names)
        let expected = names.indices.filter { isSubsequence(query, of: names[$0]) }
        #expect(ranked.count == expected.count)
        #expect(Set(ranked.map(\.index)) == Set(expected))
        for result in ranked.prefix(50) {
            let characters = Array(names[result.index].lowercased())
            #expect(String(result.match.indexes.map { characters[$0] }) == query)
        }
    }

    private func isSubsequence(_ query: String, of text: String) -> Bool {
        var remaining = Substring(query.lowercased())
        for character in text.lowercased() where character == remaining.first { remaining = remaining.dropFirst() }
        return remaining.isEmpty
    }
}
