import PAMCore

/// Fans out exchange records to several observers (trace + in-app audit log later).
public final class ExchangeFanout: HTTPExchangeObserver {
    private let observers: [any HTTPExchangeObserver]

    /// Records go to each observer in order.
    public init(_ observers: [any HTTPExchangeObserver]) {
        self.observers = observers
    }

    /// Passes the record to every observer.
    public func record(_ exchange: HTTPExchange) {
        for observer in observers { observer.record(exchange) }
    }
}
