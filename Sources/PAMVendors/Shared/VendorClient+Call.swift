import PAMCore

extension VendorClient {
    /// Runs a vendor call, naming this profile and the operation in any error.
    func call<T>(_ operation: String, _ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch {
            throw PAMError.wrap(error, profile: profile, operation: operation)
        }
    }
}
