import PAMCore

extension SecretServerClient: ForcedRelease {
    /// `POST …/check-in` with `forceCheckIn`: ends whoever's check-out holds the secret (the
    /// server asks for the Force Check In permission and may rotate the password).
    public func forceCheckIn(_ account: Account, reason: String?) async throws {
        try await call("force check-in") {
            let body = SecretServerDTO.RestrictedArgs(comment: reason, forceCheckIn: true).body
            _ = try await explaining(id: account.id, subject: account.path) {
                try await session.send(.checkIn(secretID: account.id), body: body, subject: account.path)
            }
        }
    }
}
