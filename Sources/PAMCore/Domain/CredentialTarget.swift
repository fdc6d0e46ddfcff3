/// Something whose credential fields can be retrieved: an account on a system, or a stored
/// secret in a folder.
public enum CredentialTarget: Sendable, Equatable, Hashable {
    case account(Account)
    case secret(StoredSecret)

    /// Unique within a profile: `account:ID` or `secret:ID`.
    public var key: String {
        switch self {
        case .account(let account): "account:\(account.id)"
        case .secret(let secret): "secret:\(secret.id)"
        }
    }

    /// The vendor's id of the account or the secret.
    public var objectID: String {
        switch self {
        case .account(let account): account.id
        case .secret(let secret): secret.id
        }
    }

    /// `SYSTEM/ACCOUNT` or `FOLDER/PATH/TITLE`, as operators type it.
    public var path: String {
        switch self {
        case .account(let account): account.path
        case .secret(let secret): secret.path
        }
    }

    public var fields: [SecretField] {
        switch self {
        case .account(let account): account.fields
        case .secret(let secret): secret.fields
        }
    }
}

/// Which fields to retrieve.
public enum FieldSelection: Sendable, Equatable {
    /// One field by slug or kind (see `[SecretField].field(named:)`).
    case one(String)
    case all
}

/// What a retrieval may need besides the target: the lease where the vendor has leases, a reason
/// where it asks for one without a lease (Axidian), a comment and ticket for restricted secrets.
public struct RetrievalContext: Sendable, Equatable {
    public var lease: Lease?
    public var reason: String?
    public var ticket: String?
    /// The vendor's check-out options as given (`CheckoutOptionSpec` keys), for reads that take
    /// the same (a ticket).
    public var options: [String: String]

    public init(lease: Lease? = nil, reason: String? = nil, ticket: String? = nil, options: [String: String] = [:]) {
        self.lease = lease
        self.reason = reason
        self.ticket = ticket
        self.options = options
    }
}

/// A retrieved field. Secret values are `SecretBytes`; the caller wipes them when done.
public struct FieldValue: Sendable {
    public var field: SecretField
    public var value: SecretBytes

    public init(field: SecretField, value: SecretBytes) {
        self.field = field
        self.value = value
    }
}
