import PAMCore
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
        let first = try source.page(0, size: size)
        for total in [nil, count] {
            let all = try await PagedFetch.all(pageSize: size, concurrency: concurrency, firstPage: first, total: total) {
                try source.page($0, size: size)
            }
            #expect(all == Array(0..<count))
        }
    }

    @Test func withAKnownTotalNoPagePastItIsAskedFor() async throws {
        let source = Source(count: 40)
        _ = try await PagedFetch.all(pageSize: 10, concurrency: 8, firstPage: try source.page(0, size: 10), total: 40) {
            try source.page($0, size: 10)
        }
        #expect(source.asked.withLock { $0.sorted() } == [0, 10, 20, 30])
    }

    @Test func aFailingPageFailsTheWholeList() async throws {
        let source = Source(count: 1000, failingOffset: 130)
        await #expect { try await PagedFetch.all(pageSize: 10, concurrency: 4, firstPage: Array(0..<10), total: nil) { try source.page($0, size: 10) } } throws: {
            ($0 as? PAMError)?.message == "page 13 failed"
        }
    }
}
