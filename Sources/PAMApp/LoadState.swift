/// A pane's data as it loads. Each request carries an id; results for another id are stale.
public enum LoadState<Value: Equatable & Sendable>: Equatable, Sendable {
    case idle
    case loading(requestID: Int)
    /// Pages have arrived and more are coming; the rows so far are shown.
    case partial(requestID: Int, Value)
    case loaded(Value)
    case failed(String)

    public var value: Value? {
        switch self {
        case .loaded(let value), .partial(_, let value): value
        default: nil
        }
    }

    /// The id of the request this state waits for.
    public var pendingRequest: Int? {
        switch self {
        case .loading(let id), .partial(let id, _): id
        default: nil
        }
    }
}

extension LoadState {
    /// Adds a page that arrived for request `id`; a page for another request is stale.
    mutating func append<Item>(_ page: [Item], for id: Int) where Value == [Item] {
        switch self {
        case .loading(id): self = .partial(requestID: id, page)
        case .partial(id, let sofar): self = .partial(requestID: id, sofar + page)
        default: break
        }
    }
}
