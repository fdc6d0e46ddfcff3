import Foundation
import PAMCore

/// The simulator's notion of "now": sessions, tokens and requests expire by it.
public protocol SimulatorClock: Sendable {
    /// The current instant.
    func now() -> Date
}

/// The wall clock.
public struct SystemSimulatorClock: SimulatorClock {
    public init() {}

    /// The current wall-clock time.
    public func now() -> Date { Date() }
}

/// A clock that moves only when told to, for tests of expiry without sleeping.
public final class ManualSimulatorClock: SimulatorClock {
    private let current: Locked<Date>

    /// A clock standing at `start`.
    public init(_ start: Date) { current = Locked(start) }

    /// The instant the clock stands at.
    public func now() -> Date { current.withLock { $0 } }

    /// Moves the clock forward by `seconds`.
    public func advance(by seconds: TimeInterval) { current.withLock { $0 += seconds } }
}
