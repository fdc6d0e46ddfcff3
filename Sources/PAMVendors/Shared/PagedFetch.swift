/// Fetches every page of a limit/offset list with a window of pages in flight, keeping page order.
public enum PagedFetch {
    /// Keeps `concurrency` pages in flight: each finished full page starts the next one, so the
    /// window never drains between rounds. With `total` known no page past it is asked for;
    /// without it, pages stop being started once one comes back short.
    public static func all<Item: Sendable>(
        pageSize: Int, concurrency: Int, firstPage: [Item], total: Int?,
        fetch: @escaping @Sendable (_ offset: Int) async throws -> [Item]
    ) async throws -> [Item] {
        guard firstPage.count >= pageSize, pageSize > 0 else { return firstPage }
        let pages = try await withThrowingTaskGroup(of: (Int, [Item]).self) { group in
            var nextOffset = pageSize
            var endSeen = false
            func startNext() {
                guard !endSeen, total.map({ nextOffset < $0 }) ?? true else { return }
                let offset = nextOffset
                nextOffset += pageSize
                group.addTask { (offset, try await fetch(offset)) }
            }
            for _ in 0..<max(1, concurrency) { startNext() }
            var pages: [Int: [Item]] = [0: firstPage]
            for try await (offset, items) in group {
                pages[offset] = items
                if items.count < pageSize { endSeen = true } else { startNext() }
            }
            return pages
        }
        // Pages after the first short one belong to nobody; dropping them keeps no duplicates.
        var result: [Item] = []
        var offset = 0
        while let items = pages[offset] {
            result.append(contentsOf: items)
            if items.count < pageSize { break }
            offset += pageSize
        }
        return result
    }
}
