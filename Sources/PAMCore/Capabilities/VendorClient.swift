import Foundation

/// A signed-in connection to one profile's PAM product. What else it can do is told by the
/// capability protocols it adopts, narrowed per profile by `capabilities`; the UI and CLI ask
/// `capabilities`, never the vendor.
public protocol VendorClient: AnyObject, Sendable {
    /// The profile name this client was made for.
    var profile: String { get }
    var vendor: VendorID { get }
    /// What this profile's client can do. Two profiles of one vendor may differ (a Safeguard
    /// A2A profile retrieves but cannot browse); the default is what the type adopts.
    var capabilities: Capabilities { get }
    /// Ends the server session. Safe to call more than once; never throws.
    func signOut() async
    /// The server session as last seen; asks the server nothing.
    func sessionStatus() async -> SessionStatus
}

extension VendorClient {
    public var capabilities: Capabilities { Capabilities(of: Self.self) }
}

/// Lists managed systems.
public protocol SystemBrowsing: VendorClient {
    /// Every system, page by page as the server answers.
    func systemPages() -> PageStream<ManagedSystem>
    func system(id: String) async throws -> ManagedSystem
}

extension SystemBrowsing {
    /// Every system, once the last page is in.
    public func listSystems() async throws -> [ManagedSystem] { try await systemPages().collect() }
}

/// Which accounts to list.
public enum AccountScope: Sendable, Equatable {
    case all
    case systemID(String)
    case systemName(String)
}

/// Finds the one check-out subject a `SYSTEM/ACCOUNT` reference names. A vendor whose stored
/// secrets stand for accounts (their own check-out lock) reads it as `FOLDER/PATH/SECRET`: the
/// system is the first folder, the account the rest of the path.
public protocol AccountLookup: VendorClient {
    /// The one account at `system/account`; throws not found otherwise.
    func findAccount(systemName: String, accountName: String) async throws -> Account
}

/// Lists managed accounts.
public protocol AccountBrowsing: AccountLookup {
    /// The accounts in `scope`, page by page as the server answers.
    func accountPages(_ scope: AccountScope) -> PageStream<Account>
}

extension AccountBrowsing {
    /// The accounts in `scope`, once the last page is in.
    public func listAccounts(_ scope: AccountScope) async throws -> [Account] { try await accountPages(scope).collect() }
}

/// Checks credentials out and in.
public protocol CredentialCheckout: VendorClient {
    /// Opens (or reuses) a request: a lease when access is granted, the pending request when it
    /// waits for approval. The credential is fetched separately.
    func checkOut(_ request: CheckoutRequest) async throws -> CheckoutOutcome
    /// Fetches the credential a lease grants.
    func retrieve(_ lease: Lease, field: CredentialField) async throws -> SecretBytes
    /// Checks out and fetches the credential in the fewest calls the vendor allows: the
    /// credential too when granted, nothing more when the request waits for approval. Throws
    /// only when the check-out itself failed; a failed fetch is in the result.
    func checkOutAndRetrieve(_ request: CheckoutRequest, field: CredentialField) async throws -> CheckoutRetrieval
    /// Ends a request the way its state allows: checks in, cancels or acknowledges it.
    func release(requestID: String, action: RequestAction, reason: String?) async throws
    /// My open requests (checked out, approved and pending).
    func listRequests() async throws -> [AccessRequest]
}

extension CredentialCheckout {
    /// By default: check out (learning the request's state), then retrieve if granted.
    public func checkOutAndRetrieve(_ request: CheckoutRequest, field: CredentialField) async throws -> CheckoutRetrieval {
        let outcome = try await checkOut(request)
        guard let lease = outcome.lease else { return CheckoutRetrieval(outcome, credential: nil) }
        return CheckoutRetrieval(outcome, credential: await Result.catching { try await retrieve(lease, field: field) })
    }

    /// Releases a checked-out request.
    public func checkIn(requestID: String, reason: String?) async throws {
        try await release(requestID: requestID, action: .checkIn, reason: reason)
    }
}

/// Retrieves any field of an account or a stored secret. Where the vendor has leases the
/// context carries one; where it has none it may carry a reason (Axidian) instead.
public protocol FieldRetrieval: VendorClient {
    func retrieve(_ target: CredentialTarget, fields: FieldSelection, context: RetrievalContext) async throws -> [FieldValue]
    /// The target's fields as the server has them now: plain values filled in, file names
    /// known, secret values left out. A vendor whose listing already carries them asks nothing.
    func describe(_ target: CredentialTarget, context: RetrievalContext) async throws -> [SecretField]
}

extension FieldRetrieval {
    public func describe(_ target: CredentialTarget, context: RetrievalContext) async throws -> [SecretField] { target.fields }
}

/// Browses a folder tree of stored secrets.
public protocol FolderBrowsing: VendorClient {
    func listFolders() async throws -> [Folder]
    /// Secrets in one folder, or all when `folderID` is nil, page by page.
    func secretPages(folderID: String?) -> PageStream<StoredSecret>
    /// The value of a credential or text secret.
    func secretValue(id: String) async throws -> SecretBytes
    /// The content of a file secret.
    func downloadFile(id: String) async throws -> SecretBytes
}

extension FolderBrowsing {
    /// Secrets in one folder, or all when `folderID` is nil, once the last page is in.
    public func listSecrets(folderID: String?) async throws -> [StoredSecret] { try await secretPages(folderID: folderID).collect() }
}

/// Starts automation tasks and follows their runs (Osirium PPA). Definitions and runs are
/// separate: a definition can be started many times, each start is a run.
public protocol TaskRunning: VendorClient {
    /// The task definitions (Osirium images) I may start.
    func listTasks() async throws -> [AutomationTask]
    /// Runs, of one task or all; newest first.
    func listRuns(taskID: String?) async throws -> [TaskRun]
    /// Starts a run now, or at `startAt` (a delayed run), with an optional JSON payload.
    func startTask(id: String, payload: SecretBytes?, startAt: Date?) async throws -> TaskRun
    func taskRun(id: String) async throws -> TaskRun
    func cancelRun(id: String) async throws
    /// The output of a finished run.
    func runResult(id: String) async throws -> TaskResult
}

extension TaskRunning {
    /// The run's state each time it changes, polling every `interval` until it is final or the
    /// consuming task is cancelled.
    public func observeRun(id: String, every interval: Duration) -> AsyncThrowingStream<TaskRun, any Error> {
        AsyncThrowingStream { continuation in
            let poller = Task {
                var last: TaskRun?
                do {
                    while !Task.isCancelled {
                        let run = try await taskRun(id: id)
                        if run != last { continuation.yield(run) }
                        last = run
                        if run.state.isFinal { break }
                        try await Task.sleep(for: interval)
                    }
                    continuation.finish()
                } catch {
                    continuation.finish(throwing: error)
                }
            }
            continuation.onTermination = { _ in poller.cancel() }
        }
    }
}

/// What a client can do.
public struct Capabilities: OptionSet, Sendable, Hashable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }

    public static let systems = Capabilities(rawValue: 1 << 0)
    public static let accounts = Capabilities(rawValue: 1 << 1)
    public static let checkout = Capabilities(rawValue: 1 << 2)
    public static let folders = Capabilities(rawValue: 1 << 3)
    public static let tasks = Capabilities(rawValue: 1 << 4)
    /// Any field of a target, not only the password.
    public static let fields = Capabilities(rawValue: 1 << 5)
    /// The templates stored secrets are made from.
    public static let templates = Capabilities(rawValue: 1 << 6)
    /// Checking in someone else's check-out.
    public static let forcedRelease = Capabilities(rawValue: 1 << 7)
    /// Creating, changing and deleting stored secrets.
    public static let secretWriting = Capabilities(rawValue: 1 << 8)
    /// Creating, renaming, moving and deleting folders.
    public static let folderEditing = Capabilities(rawValue: 1 << 9)
    /// Folders' and secrets' metadata.
    public static let metadata = Capabilities(rawValue: 1 << 10)
}

extension Capabilities {
    /// The capabilities a client type adopts, known before any client exists.
    public init(of type: any VendorClient.Type) {
        self = []
        if type is any SystemBrowsing.Type { insert(.systems) }
        if type is any AccountBrowsing.Type { insert(.accounts) }
        if type is any CredentialCheckout.Type { insert(.checkout) }
        if type is any FolderBrowsing.Type { insert(.folders) }
        if type is any TaskRunning.Type { insert(.tasks) }
        if type is any FieldRetrieval.Type { insert(.fields) }
        if type is any TemplateBrowsing.Type { insert(.templates) }
        if type is any ForcedRelease.Type { insert(.forcedRelease) }
        if type is any SecretWriting.Type { insert(.secretWriting) }
        if type is any FolderEditing.Type { insert(.folderEditing) }
        if type is any MetadataEditing.Type { insert(.metadata) }
    }
}
