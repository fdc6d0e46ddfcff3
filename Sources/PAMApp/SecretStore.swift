import PAMCore

/// Secrets of leases that are revealed or being copied, held in wiping memory outside
/// `AppState` (which is compared and copied freely). Wiped when the reducer says so.
public final class SecretStore: Sendable {
    private let secrets = Locked<[String: SecretBytes]>([:])

    public init() {}

    func store(_ secret: SecretBytes, for leaseID: String) {
        let previous = secrets.withLock { $0.updateValue(secret, forKey: leaseID) }
        previous?.wipe()
    }

    /// Wipes and drops the secret of a lease.
    public func forget(_ leaseID: String) {
        secrets.withLock { $0.removeValue(forKey: leaseID) }?.wipe()
    }

    /// Wipes everything (on quit).
    public func forgetAll() {
        let all = secrets.withLock { store in
            defer { store.removeAll() }
            return Array(store.values)
        }
        all.forEach { $0.wipe() }
    }

    /// Runs `body` with the secret of a lease, if it is held.
    public func withSecret<R>(_ leaseID: String, _ body: (SecretBytes) throws -> R) rethrows -> R? {
        guard let secret = secrets.withLock({ $0[leaseID] }) else { return nil }
        return try body(secret)
    }
}
