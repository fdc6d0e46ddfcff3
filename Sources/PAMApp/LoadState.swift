/// A pane's data as it loads. Each request carries an id; results for another id are stale.
public enum LoadState<Value: Equatable & Sendable>: Equatable, Sendable {
    case idle
    case loading(requestID: Int)
    case loaded(Value)
    case failed(String)

    public var value: Value? {
        if case .loaded(let value) = self { return value }
        return nil
    }

    /// The id of the request this state waits for.
    public var pendingRequest: Int? {
        if case .loading(let id) = self { return id }
        return nil
    }
}
