/// Ends a check-out someone else holds, where the vendor has such a thing and my permissions
/// allow it (Secret Server's force check-in). The holder's lease ends; none of mine is involved.
public protocol ForcedRelease: CredentialCheckout {
    func forceCheckIn(_ account: Account, reason: String?) async throws
}
