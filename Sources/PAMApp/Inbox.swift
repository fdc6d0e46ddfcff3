import PAMCore

/// Actions posted by effects from any thread, drained by the UI loop, which `wake` interrupts.
public final class Inbox: Sendable {
    private let queue = Locked<[Action]>([])
    private let wake: @Sendable () -> Void

    /// `wake` is called after each post (the curses loop writes to its wake pipe).
    public init(wake: @escaping @Sendable () -> Void = {}) { self.wake = wake }

    public func post(_ action: Action) {
        queue.withLock { $0.append(action) }
        wake()
    }

    /// Everything posted so far, in order.
    public func drain() -> [Action] {
        queue.withLock { queue in
            defer { queue.removeAll() }
            return queue
        }
    }
}
