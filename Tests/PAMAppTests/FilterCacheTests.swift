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

    /// What a filter must return, computed the slow way: every row ranked, best first, list
    /// order within a rank.
    func bruteForce(_ all: [Account], _ query: String) -> [Account] {
        FilterQuery(query).ranked(all) { [$0.name, $0.systemName, $0.domain, $0.platform] }
    }

    @Test func typingBackspacingAndNegatingAlwaysMatchTheSlowWay() {
        var cache = FilterCache()
        let all = accounts(2000)
        let steps = [
            "a", "ad", "adm", "adm-", "adm-1", "adm-", "ad", "s", "sv", "svc-b", "srv-2", "x", "xq",
            "srv", "srv ", "srv !", "srv !a", "srv !ad", "srv !adm", "srv !ad", "'", "'sv", "'svc", "^", "^r", "^ro",
            "/", "/srv-1", "/srv-1/", "/srv-1/adm", "adm srv-1", "!", "!r", "!ro",
        ]
        for query in steps {
            var pane = PaneState()
            pane.filter = query
            #expect(Array(cache.filter(all, pane)) == bruteForce(all, query), "\(query)")
        }
    }

    @Test func aNewListIsNeverAnsweredFromTheOldOne() {
        var cache = FilterCache()
        var pane = PaneState()
        pane.filter = "adm"
        let first = accounts(500)
        let second = accounts(500, prefix: "db")
        #expect(Array(cache.filter(first, pane)) == bruteForce(first, "adm"))
        #expect(Array(cache.filter(second, pane)) == bruteForce(second, "adm"))
        #expect(cache.filter(second, pane).allSatisfy { $0.systemName.hasPrefix("db-") })
    }
}
