/// Fetches every page of a limit/offset list, several pages at a time, keeping page order.
public enum PagedFetch {
    /// With `total` known, all pages go out at once (bounded by `concurrency`); without it, pages
    /// go out in waves until one comes back short.
    public static func all<Item: Sendable>(
        pageSize: Int, concurrency: Int, firstPage: [Item], total: Int?,
        fetch: @escaping @Sendable (_ offset: Int) async throws -> [Item]
    ) async throws -> [Item] {
        guard firstPage.count >= pageSize else { return firstPage }
        var pages: [[Item]] = [firstPage]
        var nextOffset = pageSize
        let width = max(1, concurrency)
        while true {
            var offsets: [Int] = []
            while offsets.count < width, total.map({ nextOffset < $0 }) ?? true {
                offsets.append(nextOffset)
                nextOffset += pageSize
            }
            if offsets.isEmpty { break }
            let wave = try await fetchWave(offsets, fetch: fetch)
            pages.append(contentsOf: wave)
            let shortPage = wave.contains { $0.count < pageSize }
            if shortPage && total == nil { break }
        }
        return pages.flatMap { $0 }
    }

    private static func fetchWave<Item: Sendable>(
        _ offsets: [Int], fetch: @escaping @Sendable (Int) async throws -> [Item]
    ) async throws -> [[Item]] {
        try await withThrowingTaskGroup(of: (Int, [Item]).self) { group in
            for (position, offset) in offsets.enumerated() {
                group.addTask { (position, try await fetch(offset)) }
            }
            var results = [[Item]](repeating: [], count: offsets.count)
            for try await (position, items) in group { results[position] = items }
            // Pages after a short one belong to nobody; dropping them keeps no duplicates.
            if let short = results.firstIndex(where: { $0.isEmpty }) { results.removeSubrange((short + 1)...) }
            return results
        }
    }
}
