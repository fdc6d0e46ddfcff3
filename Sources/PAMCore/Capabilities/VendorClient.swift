/// A signed-in connection to one profile's PAM product. What else it can do is told by the
/// capability protocols it adopts; the UI and CLI ask `capabilities`, never the vendor.
public protocol VendorClient: AnyObject, Sendable {
    /// The profile name this client was made for.
    var profile: String { get }
    var vendor: Vendor { get }
    /// Ends the server session. Safe to call more than once; never throws.
    func signOut() async
    /// The server session as last seen; asks the server nothing.
    func sessionStatus() async -> SessionStatus
}

/// Lists managed systems.
public protocol SystemBrowsing: VendorClient {
    func listSystems() async throws -> [ManagedSystem]
    func system(id: String) async throws -> ManagedSystem
}

/// Which accounts to list.
public enum AccountScope: Sendable, Equatable {
    case all
    case systemID(String)
    case systemName(String)
}

/// Lists managed accounts.
public protocol AccountBrowsing: VendorClient {
    func listAccounts(_ scope: AccountScope) async throws -> [Account]
    /// The one account at `system/account`; throws not found otherwise.
    func findAccount(systemName: String, accountName: String) async throws -> Account
}

/// Checks credentials out and in.
public protocol CredentialCheckout: VendorClient {
    /// Opens (or reuses) a request and returns its lease. The credential is fetched separately.
    func checkOut(_ request: CheckoutRequest) async throws -> Lease
    /// Fetches the credential a lease grants.
    func retrieve(_ lease: Lease, field: CredentialField) async throws -> SecretBytes
    /// Releases a request before it expires.
    func checkIn(requestID: String, reason: String?) async throws
    /// My active and pending requests.
    func listRequests() async throws -> [AccessRequest]
}

/// Browses a folder tree of stored secrets.
public protocol FolderBrowsing: VendorClient {
    func listFolders() async throws -> [Folder]
    /// Secrets in one folder, or all when `folderID` is nil.
    func listSecrets(folderID: String?) async throws -> [StoredSecret]
    /// The value of a credential or text secret.
    func secretValue(id: String) async throws -> SecretBytes
    /// The content of a file secret.
    func downloadFile(id: String) async throws -> SecretBytes
}

/// Starts automation tasks and follows their runs (Osirium PPA).
public protocol TaskRunning: VendorClient {
    func listTasks() async throws -> [AutomationTask]
    func startTask(id: String) async throws -> TaskRun
    func taskRun(id: String) async throws -> TaskRun
}

/// What a client can do, derived from the protocols it adopts.
public struct Capabilities: OptionSet, Sendable, Hashable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }

    public static let systems = Capabilities(rawValue: 1 << 0)
    public static let accounts = Capabilities(rawValue: 1 << 1)
    public static let checkout = Capabilities(rawValue: 1 << 2)
    public static let folders = Capabilities(rawValue: 1 << 3)
    public static let tasks = Capabilities(rawValue: 1 << 4)
}

extension Capabilities {
    /// The capabilities a client type offers, known before any client exists.
    public init(of type: any VendorClient.Type) {
        self = []
        if type is any SystemBrowsing.Type { insert(.systems) }
        if type is any AccountBrowsing.Type { insert(.accounts) }
        if type is any CredentialCheckout.Type { insert(.checkout) }
        if type is any FolderBrowsing.Type { insert(.folders) }
        if type is any TaskRunning.Type { insert(.tasks) }
    }
}

extension VendorClient {
    /// The capabilities this client offers.
    public var capabilities: Capabilities { Capabilities(of: Self.self) }
}
