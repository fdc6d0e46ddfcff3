import PAMCore

/// Fetches every page of a limit/offset list with a window of pages in flight, handing pages
/// over in list order as they complete.
public enum PagedFetch {
    /// One page as fetched, with the list's total when the server tells it.
    public struct Page<Item: Sendable>: Sendable {
        public var items: [Item]
        public var total: Int?

        public init(_ items: [Item], total: Int? = nil) {
            self.items = items
            self.total = total
        }
    }

    /// Keeps up to `concurrency` pages in flight once the first is in: each page handed over
    /// starts the next one, so the window never drains between rounds. The window counts from
    /// the first page not yet handed over, so a page that hangs cannot make later ones pile up
    /// (at most `concurrency` pages are held). With a total (from the first page) no page past
    /// it is asked for; without it, pages stop being started once one comes back short. The list
    /// ends with an error past `bounds.maxRows`, or when a page repeats the one before it (a
    /// server that ignores the offset); those errors name `profile` and `operation`.
    public static func stream<Item: Sendable & Equatable>(
        pageSize: Int, concurrency: Int, bounds: ListBounds = .standard, profile: String? = nil, operation: String,
        fetch: @escaping @Sendable (_ offset: Int) async throws -> Page<Item>
    ) -> PageStream<Item> {
        PageStream(AsyncThrowingStream { continuation in
            let producer = Task {
                do {
                    try await produce(
                        pageSize: pageSize, concurrency: concurrency, bounds: bounds, profile: profile, operation: operation,
                        fetch: fetch, yield: { continuation.yield($0) })
                    continuation.finish()
                } catch {
                    continuation.finish(throwing: error)
                }
            }
            continuation.onTermination = { _ in producer.cancel() }
        })
    }

    /// Every page, collected (for callers that need the whole list).
    public static func all<Item: Sendable & Equatable>(
        pageSize: Int, concurrency: Int, bounds: ListBounds = .standard, profile: String? = nil, operation: String,
        fetch: @escaping @Sendable (_ offset: Int) async throws -> Page<Item>
    ) async throws -> [Item] {
        try await stream(
            pageSize: pageSize, concurrency: concurrency, bounds: bounds, profile: profile, operation: operation, fetch: fetch
        ).collect()
    }

    private static func produce<Item: Sendable & Equatable>(
        pageSize: Int, concurrency: Int, bounds: ListBounds, profile: String?, operation: String,
        fetch: @escaping @Sendable (Int) async throws -> Page<Item>, yield: ([Item]) -> Void
    ) async throws {
        let firstPage = try await fetch(0)
        let first = firstPage.items, total = firstPage.total
        if first.count > bounds.maxRows {
            throw PAMError(.malformed, bounds.exceededMessage, profile: profile, operation: operation)
        }
        yield(first)
        guard first.count >= pageSize, pageSize > 0 else { return }
        try await withThrowingTaskGroup(of: (Int, [Item]).self) { group in
            var nextOffset = pageSize
            var endSeen = false
            var handOver = pageSize
            let window = max(1, concurrency) * pageSize
            func fillWindow() {
                while !endSeen, nextOffset < handOver + window, total.map({ nextOffset < $0 }) ?? true {
                    let offset = nextOffset
                    nextOffset += pageSize
                    group.addTask { (offset, try await fetch(offset).items) }
                }
            }
            fillWindow()
            // Pages come back in any order; they are handed over in list order.
            var waiting: [Int: [Item]] = [:]
            var previous = first
            var rows = first.count
            for try await (offset, items) in group {
                waiting[offset] = items
                if items.count < pageSize { endSeen = true }
                while let page = waiting.removeValue(forKey: handOver) {
                    if !page.isEmpty && page == previous {
                        throw PAMError(
                            .malformed, "the server sent the same page twice (offset \(handOver)): it ignores paging",
                            profile: profile, operation: operation)
                    }
                    rows += page.count
                    if rows > bounds.maxRows {
                        throw PAMError(.malformed, bounds.exceededMessage, profile: profile, operation: operation)
                    }
                    yield(page)
                    previous = page
                    // Pages after the first short one belong to nobody; dropping them keeps no duplicates.
                    if page.count < pageSize {
                        group.cancelAll()
                        return
                    }
                    handOver += pageSize
                }
                fillWindow()
            }
        }
    }
}
