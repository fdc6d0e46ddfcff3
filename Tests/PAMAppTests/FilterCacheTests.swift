@testable import PAMApp
import PAMCore
import PAMScreen
import Testing

@Suite struct FilterCacheTests {
    static let names = ["admin", "svc-backup", "root", "deploy", "sa", "app_rw", "helpdesk", "netadmin"]

    func accounts(_ count: Int, prefix: String = "srv") -> [Account] {
        (0..<count).map { index in
            Account(id: String(index), systemID: String(index / 7), systemName: "\(prefix)-\(index / 7)", name: "\(Self.names[index % 8])-\(index % 13)")
        }
    }

    /// What a filter must return, computed the slow way.
    func bruteForce(_ all: [Account], _ query: String, inverted: Bool) -> [Account] {
        let matcher = FuzzyMatcher(query)
        return all.filter { account in
            [account.name, account.systemName, account.domain].contains { $0.map(matcher.accepts) ?? false } != inverted
        }
    }

    @Test func typingBackspacingAndInvertingAlwaysMatchTheSlowWay() {
        var cache = FilterCache()
        let all = accounts(2000)
        let steps = ["a", "ad", "adm", "adm-", "adm-1", "adm-", "ad", "s", "sv", "svc-b", "srv-2", "x", "xq"]
        for inverted in [false, true] {
            for query in steps {
                var pane = PaneState()
                pane.filter = query
                pane.filterInverted = inverted
                #expect(Array(cache.filter(all, pane)) == bruteForce(all, query, inverted: inverted), "\(query) inverted: \(inverted)")
            }
        }
    }

    @Test func aNewListIsNeverAnsweredFromTheOldOne() {
        var cache = FilterCache()
        var pane = PaneState()
        pane.filter = "adm"
        let first = accounts(500)
        let second = accounts(500, prefix: "db")
        #expect(Array(cache.filter(first, pane)) == bruteForce(first, "adm", inverted: false))
        #expect(Array(cache.filter(second, pane)) == bruteForce(second, "adm", inverted: false))
        #expect(cache.filter(second, pane).allSatisfy { $0.systemName.hasPrefix("db-") })
    }
}
