/// A check-out and the credential fetched under it. A failed fetch does not hide the check-out:
/// the caller still learns which request the server holds, and can release or report it.
public struct CheckoutRetrieval: Sendable {
    public var outcome: CheckoutOutcome
    /// The credential, the error that fetching it met, or nil when nothing was fetched (pending).
    public var credential: Result<SecretBytes, PAMError>?

    public init(_ outcome: CheckoutOutcome, credential: Result<SecretBytes, PAMError>?) {
        self.outcome = outcome
        self.credential = credential
    }
}

extension Result where Failure == PAMError {
    /// The value of `body`, or its error as a `PAMError`.
    public static func catching(_ body: () async throws -> Success) async -> Result<Success, PAMError> {
        do { return .success(try await body()) } catch { return .failure(PAMError.wrap(error)) }
    }
}
