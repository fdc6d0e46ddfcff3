import PAMScreen
import Testing

@Suite struct FilterQueryTests {
    /// A row as the accounts pane filters it: account, system, domain, platform.
    func rank(_ query: String, _ columns: String?...) -> Int? { FilterQuery(query).rank(columns) }

    @Test func termsSplitOnSpacesAndSlashesAndEachMayMatchAnyColumn() {
        let row: [String?] = ["admin", "DC01", "corp", "Windows"]
        for query in ["/DC01/admin", "/dc01 admin", "/admin dc01", "admin/dc01", "dc01  admin", "win adm"] {
            #expect(FilterQuery(query).rank(row) != nil, "\(query)")
        }
        #expect(FilterQuery("/DC01/admin").terms.map(\.text) == ["DC01", "admin"])
        #expect(FilterQuery("dc01 root").rank(row) == nil, "every term must match")
    }

    @Test func exactBeatsPrefixBeatsWordStartBeatsSubstringBeatsSubsequence() {
        let term = FilterTerm("adm")
        #expect(term.tier(in: "ADM") == .exact)
        #expect(term.tier(in: "admin") == .prefix)
        #expect(term.tier(in: "svc-admin") == .boundary)
        #expect(term.tier(in: "netAdmin") == .boundary, "a camelCase hump is a word start")
        #expect(term.tier(in: "badmin") == .substring)
        #expect(term.tier(in: "a-d-m") == .subsequence)
        #expect(term.tier(in: "mad") == nil)
        #expect(MatchTier.exact > .prefix && MatchTier.prefix > .boundary && MatchTier.boundary > .substring && MatchTier.substring > .subsequence)
    }

    @Test func rankedListsPutBetterMatchesFirstAndKeepInputOrderWithinARank() {
        let names = ["a-d-m-x", "badmin", "svc-admin", "admin", "adm", "admin2"]
        let ranked = FilterQuery("adm").ranked(names) { [$0] }
        #expect(ranked == ["adm", "admin", "admin2", "svc-admin", "badmin", "a-d-m-x"])
    }

    @Test func quotedTermsMatchExactlyAndCaretTermsArePrefixes() {
        #expect(rank("'dmi", "admin") != nil)
        #expect(rank("'amn", "admin") == nil, "a quoted term has no gaps")
        #expect(rank("^adm", "admin") != nil)
        #expect(rank("^dmi", "admin") == nil)
        #expect(rank("^dc", "admin", "DC01") != nil, "a prefix of any column")
    }

    @Test func aBangNegatesOnlyItsTerm() {
        #expect(rank("admin !dc02", "admin", "DC01") != nil)
        #expect(rank("admin !dc01", "admin", "DC01") == nil)
        #expect(rank("!dc01", "root", "srv1") != nil)
        #expect(rank("!^srv", "root", "srv1") == nil)
        #expect(rank("!^rv", "root", "srv1") != nil)
        // Negation is exact, as in fzf: "dc1" is a subsequence of "DC01" but not in it.
        #expect(rank("!dc1", "admin", "DC01") != nil)
    }

    @Test func operatorsAloneMatchEverything() {
        for query in ["", " ", "/", "!", "'", "^", "!^", "/ !"] {
            #expect(FilterQuery(query).isEmpty, "\(query)")
            #expect(FilterQuery(query).rank(["anything"]) == 0)
        }
    }

    @Test func narrowingIsOnlyClaimedWhenItHolds() {
        #expect(FilterQuery("ad").narrows(to: FilterQuery("adm")))
        #expect(FilterQuery("adm").narrows(to: FilterQuery("adm dc")))
        #expect(FilterQuery("adm !").narrows(to: FilterQuery("adm !x")))
        #expect(FilterQuery("'ad").narrows(to: FilterQuery("'adm")))
        #expect(!FilterQuery("!ad").narrows(to: FilterQuery("!adm")), "a longer negation keeps more rows")
        #expect(!FilterQuery("adm").narrows(to: FilterQuery("ad")))
        #expect(!FilterQuery("ad").narrows(to: FilterQuery("'adm")))
    }

    @Test func highlightsCoverEveryPositiveTermAndNoNegatedOne() {
        #expect(FilterQuery("dc01 admin").highlights("DC01") == [0..<4])
        #expect(FilterQuery("min !root").highlights("admin") == [2..<5])
        #expect(FilterQuery("adm").highlights("svc-admin") == [4..<7], "the word start, not the first letters")
        #expect(FilterQuery("a-d").highlights("admin-d") == [0..<1, 5..<7])
        #expect(FilterQuery("!admin").highlights("admin").isEmpty)
    }

    @Test func nonASCIITermsAndTextsRankByCharacters() {
        #expect(FilterTerm("ré").tier(in: "Résumé") == .prefix)
        #expect(FilterTerm("日本").tier(in: "東京日本橋") == .substring)
        #expect(FilterTerm("sum").tier(in: "Résumé") == .substring)
        #expect(FilterQuery("日本").highlights("東京日本橋") == [2..<4])
    }
}
