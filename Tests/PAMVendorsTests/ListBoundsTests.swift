import PAMCore
import PAMTestSupport
@testable import PAMVendors
import Testing

/// The profile's list bound reaches every paged list of the client, and a page that hangs cannot
/// make the pages after it pile up.
@Suite struct ListBoundsTests {
    @Test func theClientsBoundStopsSystemsAndAccounts() async throws {
        try await withBeyondTrust(pageSize: 3) { bt in
            let systems = try await bt.client.listSystems().count
            let accounts = try await bt.client.listAccounts(.all).count
            #expect(systems > 1 && accounts > 1)

            // The profile's bound reaches the client through its configuration, as the module sets it.
            func bounded(_ bounds: ListBounds) -> BeyondTrustClient {
                var configuration = bt.client.configuration
                configuration.listBounds = bounds
                return BeyondTrustClient(profile: "bt", configuration: configuration, transport: bt.transport)
            }
            let belowSystems = bounded(ListBounds(maxRows: systems - 1, setting: "max_list_rows"))
            await #expect { try await belowSystems.listSystems() } throws: {
                ($0 as? PAMError)?.description == "bt: list systems: the list is longer than \(systems - 1) rows (max_list_rows): stopped"
            }
            let belowAccounts = bounded(ListBounds(maxRows: accounts - 1, setting: "max_list_rows"))
            await #expect { try await belowAccounts.listAccounts(.all) } throws: {
                ($0 as? PAMError)?.message == "the list is longer than \(accounts - 1) rows (max_list_rows): stopped"
            }
            let atAccounts = bounded(ListBounds(maxRows: accounts))
            #expect(try await atAccounts.listAccounts(.all).count == accounts, "a list exactly at the bound is whole")
        }
    }

    @Test func aHangingPageHoldsBackTheWindowInsteadOfFetchingOn() async throws {
        let asked = Locked<Set<Int>>([]), answered = Locked<Set<Int>>([])
        let seenWhileHanging = Locked<Set<Int>>([])
        let all = try await PagedFetch.all(pageSize: 10, concurrency: 4, operation: "t") { offset in
            asked.withLock { _ = $0.insert(offset) }
            // Page 10 answers once the rest of its window (20, 30, 40) has: with the window counted
            // from the first page not handed over, nothing past 40 may have been asked by then.
            if offset == 10 {
                try await waitUntil { answered.withLock { $0.isSuperset(of: [20, 30, 40]) } }
                seenWhileHanging.withLock { $0 = asked.withLock { $0 } }
            }
            answered.withLock { _ = $0.insert(offset) }
            return PagedFetch.Page(offset < 100 ? Array(offset..<offset + 10) : [])
        }
        #expect(all == Array(0..<100))
        #expect(seenWhileHanging.withLock { $0 } == [0, 10, 20, 30, 40])
    }

    @Test func endlessDistinctPagesStopAtTheBoundWithFewPagesAsked() async throws {
        let asked = Locked(0)
        await #expect { try await PagedFetch.all(
            pageSize: 100, concurrency: 8, bounds: ListBounds(maxRows: 1000, setting: "max_list_rows"), operation: "list accounts"
        ) { offset in
            asked.withLock { $0 += 1 }
            return PagedFetch.Page(Array(offset..<offset + 100))
        } } throws: {
            ($0 as? PAMError)?.message == "the list is longer than 1000 rows (max_list_rows): stopped"
        }
        // The first page, the 10 that fit, the one that overflows, and at most a window beyond.
        #expect(asked.withLock { $0 } <= 1 + 10 + 8)
    }
}
