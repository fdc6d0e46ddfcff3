import Foundation
import PAMCore

extension Reducer {
    /// A lease that crosses 5 minutes, then 1 minute, left says so once in the status line and
    /// stays in the messages view.
    static func warnExpiring(_ state: inout AppState, since before: Date) {
        for lease in state.leases where lease.expiresAt > state.now {
            let now = Presentation.urgency(lease, now: state.now)
            guard now != .normal, now != Presentation.urgency(lease, now: before) else { continue }
            let left = now == .danger ? "under a minute" : "\(Int((lease.remaining(at: state.now) / 60).rounded(.up))) min"
            notify(&state, .warning, "lease on \(lease.systemName)/\(lease.accountName) expires in \(left)", operation: "lease", profile: lease.profile)
        }
    }

    /// Leases of `profile` the server no longer lists were checked in (or ended) elsewhere: they
    /// go, and say so. A lease younger than a refresh may not be listed yet and stays.
    static func dropVanished(_ state: inout AppState, profile: String, listed: [Lease]) -> [Effect] {
        let listedIDs = Set(listed.map(\.id))
        let vanished = state.leases.filter { lease in
            lease.profile == profile && !listedIDs.contains(lease.id) && !state.checkingIn.contains(lease.id)
                && lease.expiresAt > state.now && state.now.timeIntervalSince(lease.issuedAt) > Self.listingGrace
        }
        var effects: [Effect] = []
        for lease in vanished {
            state.leases.removeAll { $0.id == lease.id }
            if state.reveal?.key == lease.id { state.reveal = nil }
            effects.append(.forgetSecret(key: lease.id))
            notify(&state, .warning, "lease on \(lease.systemName)/\(lease.accountName) was checked in elsewhere (request \(lease.requestID))",
                   operation: "lease", profile: profile)
            audit(&state, "lease gone from the server: \(lease.profile):\(lease.systemName)/\(lease.accountName) (request \(lease.requestID))")
        }
        return effects
    }

    /// How long a new lease may be missing from the server's list (a listing already in flight).
    static let listingGrace: TimeInterval = 30

    /// `1 lease`, `2 leases`.
    static func count(_ number: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(number) \(number == 1 ? singular : plural ?? singular + "s")"
    }
}
