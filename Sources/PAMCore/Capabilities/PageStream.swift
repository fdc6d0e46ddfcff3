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
/// Pages need no bound of their own: a list ends at its first short page, so a list of full
/// pages reaches `maxRows` after `maxRows / pageSize` of them.
public struct ListBounds: Sendable, Equatable {
    public var maxRows: Int
    /// The setting that raises the bound, named in the error so the operator knows what to change.
    public var setting: String?

    public init(maxRows: Int = ListBounds.defaultMaxRows, setting: String? = nil) {
        self.maxRows = maxRows
        self.setting = setting
    }

    public static let defaultMaxRows = 10_000_000
    public static let standard = ListBounds()

    /// The one-line refusal of a list past `maxRows`.
    public var exceededMessage: String {
        "the list is longer than \(maxRows) rows\(setting.map { " (\($0))" } ?? ""): stopped"
    }
}
