/// A list as it arrives: an async sequence of pages in list order. Vendors hand every list over
/// this way, so the CLI writes rows and the UI shows them as pages land, and a list that never
/// ends is cut off with an error instead of filling memory.
public struct PageStream<Item: Sendable>: AsyncSequence, Sendable {
    public typealias Element = [Item]
    private let pages: AsyncThrowingStream<[Item], any Error>

    public init(_ pages: AsyncThrowingStream<[Item], any Error>) {
        self.pages = pages
    }

    /// One page that is the whole list.
    public static func single(_ items: [Item]) -> PageStream<Item> {
        PageStream(AsyncThrowingStream { continuation in
            continuation.yield(items)
            continuation.finish()
        })
    }

    /// A list fetched at once by `body`, handed over as one page.
    public static func once(_ body: @escaping @Sendable () async throws -> [Item]) -> PageStream<Item> {
        PageStream(AsyncThrowingStream { continuation in
            let task = Task {
                do {
                    continuation.yield(try await body())
                    continuation.finish()
                } catch {
                    continuation.finish(throwing: error)
                }
            }
            continuation.onTermination = { _ in task.cancel() }
        })
    }

    public func makeAsyncIterator() -> AsyncThrowingStream<[Item], any Error>.AsyncIterator {
        pages.makeAsyncIterator()
    }

    /// Every item, once the last page is in.
    public func collect() async throws -> [Item] {
        var all: [Item] = []
        for try await page in self { all.append(contentsOf: page) }
        return all
    }
}

/// How far a paged list may go before it is refused (a server that always answers full pages).
public struct ListBounds: Sendable, Equatable {
    public var maxRows: Int

    public init(maxRows: Int = 10_000_000) {
        self.maxRows = maxRows
    }

    public static let standard = ListBounds()
}
