import PAMCore
import PAMTestSupport
import PAMVendors
import Testing

@Suite struct PagedFetchTests {
    /// A list of `count` numbers served in pages, recording the offsets asked for.
    final class Source: Sendable {
        let count: Int
        let failingOffset: Int?
        let asked = Locked<[Int]>([])
        init(count: Int, failingOffset: Int? = nil) {
            self.count = count
            self.failingOffset = failingOffset
        }

        func page(_ offset: Int, size: Int) throws -> [Int] {
            asked.withLock { $0.append(offset) }
            if offset == failingOffset { throw PAMError(.server, "page \(offset / size) failed") }
            return offset >= count ? [] : Array(offset..<min(offset + size, count))
        }
    }

    @Test(arguments: [(0, 1), (7, 4), (40, 10), (43, 10), (100, 7), (1000, 10)])
    func returnsEveryItemOnceInOrder(count: Int, concurrency: Int) async throws {
        let source = Source(count: count)
        let size = 10
        for total in [nil, count] {
            let all = try await PagedFetch.all(pageSize: size, concurrency: concurrency, operation: "t") {
                PagedFetch.Page(try source.page($0, size: size), total: total)
            }
            #expect(all == Array(0..<count))
        }
    }

    @Test func withAKnownTotalNoPagePastItIsAskedFor() async throws {
        let source = Source(count: 40)
        _ = try await PagedFetch.all(pageSize: 10, concurrency: 8, operation: "t") { PagedFetch.Page(try source.page($0, size: 10), total: 40) }
        #expect(source.asked.withLock { $0.sorted() } == [0, 10, 20, 30])
    }

    @Test func aFailingPageFailsTheWholeList() async throws {
        let source = Source(count: 1000, failingOffset: 130)
        await #expect { try await PagedFetch.all(pageSize: 10, concurrency: 4, operation: "t") { PagedFetch.Page(try source.page($0, size: 10)) } } throws: {
            ($0 as? PAMError)?.message == "page 13 failed"
        }
    }

    @Test func pagesArriveInListOrderWhileLaterOnesAreStillInFlight() async throws {
        let source = Source(count: 95)
        let answered = Locked<Set<Int>>([])
        var offsets: [Int] = []
        for try await page in PagedFetch.stream(pageSize: 10, concurrency: 4, operation: "t", fetch: { offset in
            // Page 10 answers only after page 40 (in the same window) has: order must be restored.
            if offset == 10 { try await waitUntil { answered.withLock { $0.contains(40) } } }
            let items = try source.page(offset, size: 10)
            answered.withLock { _ = $0.insert(offset) }
            return PagedFetch.Page(items)
        }) {
            offsets.append(try #require(page.first))
        }
        #expect(offsets == Array(stride(from: 0, to: 95, by: 10)))
    }

    @Test func aServerThatRepeatsItsPageIsStoppedWithAnError() async throws {
        let asked = Locked(0)
        await #expect { try await PagedFetch.all(pageSize: 10, concurrency: 2, operation: "list accounts") { _ in
            asked.withLock { $0 += 1 }
            return PagedFetch.Page(Array(0..<10))
        } } throws: {
            ($0 as? PAMError)?.message.contains("the same page twice") == true
        }
        #expect(asked.withLock { $0 } < 10)
    }

    @Test func aListPastTheRowBoundIsStopped() async throws {
        let source = Source(count: 1_000_000)
        await #expect { try await PagedFetch.all(pageSize: 10, concurrency: 2, bounds: ListBounds(maxRows: 55), operation: "list accounts") {
            PagedFetch.Page(try source.page($0, size: 10))
        } } throws: {
            ($0 as? PAMError)?.message == "the list is longer than 55 rows: stopped"
        }
        #expect(source.asked.withLock { $0.count } < 12)
    }
}
