import PAMCore

extension CredentialCheckout {
    /// Checks out and returns the lease, failing the test's call when the request is pending.
    func grantedLease(_ request: CheckoutRequest) async throws -> Lease {
        switch try await checkOut(request) {
        case .granted(let lease, _): return lease
        case .pending(let pending): throw PAMError(.permission, "request \(pending.id) is pending approval")
        }
    }
}
