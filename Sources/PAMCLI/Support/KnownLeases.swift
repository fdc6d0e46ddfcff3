import PAMCore

/// A request the lease journal knows of, with what its server says of it now.
struct KnownLease {
    var record: LeaseRecord
    var standing: LeaseKeeper.Standing
    /// The profile's client; nil when the profile is gone from the config.
    var client: (any CredentialCheckout)?
}

enum KnownLeases {
    /// The journal's open records (of `profile`, or all), each checked against its server with one
    /// request listing per profile. Closed ones are dropped (and closed in the journal); several
    /// records of one request (a reused lease) are shown once.
    static func verify(in workspace: Workspace, profile: String?) async throws -> [KnownLease] {
        let open = try workspace.keeper.journal?.openRecords() ?? []
        let chosen = open.filter { profile == nil || $0.profile == profile }
        var profiles: [String] = []
        for record in chosen where !profiles.contains(record.profile) { profiles.append(record.profile) }
        var known: [KnownLease] = []
        for name in profiles {
            let records = chosen.filter { $0.profile == name }
            guard let client = (try? workspace.client(name)) as? any CredentialCheckout else {
                let gone = PAMError(.configuration, "profile \(name) is not in the config, or has no check-out")
                known += records.map { KnownLease(record: $0, standing: .unknown(gone), client: nil) }
                continue
            }
            var seen: Set<String> = []
            for (record, standing) in await workspace.keeper.verify(records, with: client) {
                if case .closed = standing { continue }
                if case .open(let request) = standing, !seen.insert(request.id).inserted { continue }
                known.append(KnownLease(record: record, standing: standing, client: client))
            }
        }
        return known
    }
}
