import PAMCore
import PAMScreen

/// Work `reduce` asks for; the effect runner performs it off the UI thread and answers with actions.
public indirect enum Effect: Sendable, Equatable {
    case loadSystems(profile: String, requestID: Int)
    case loadAccounts(profile: String, scope: AccountScope, requestID: Int)
    case loadFolders(profile: String, requestID: Int)
    case loadSecrets(profile: String, folderID: String, requestID: Int)
    /// The server's search of every folder (`:search TEXT`), into the secrets list.
    case searchSecrets(profile: String, text: String, requestID: Int)
    case checkOut(profile: String, CheckoutRequest, requestID: Int)
    case checkIn(Lease, reason: String?)
    /// Withdraw a request that waits for approval.
    case withdraw(PendingRequest)
    /// My active requests on the profile, as leases (from earlier runs or other tools).
    case loadLeases(profile: String)
    /// Fetch the lease's secret into the runner's store (unless it is there) to reveal it, or
    /// fetch and copy it in one go.
    case fetchSecret(Lease, purpose: SecretPurpose)
    /// Fetch one field of an account or stored secret into the store under `key`.
    case fetchField(profile: String, CredentialTarget, field: String, lease: Lease?, key: String, purpose: SecretPurpose)
    /// Read a target's fields with their plain values (a view the server audits); answers
    /// `.fieldsRead`.
    case readFields(profile: String, CredentialTarget, lease: Lease?)
    /// Copy a value that is no secret (a path, a host, a user name); answers `.copied`.
    case copyText(String, subject: String, clearAfterSeconds: Int)
    case clearClipboard
    /// Explain the clipboard backend in use.
    case clipboardDoctor
    /// Wipe a secret from the store (masked again, lease ended).
    case forgetSecret(key: String)
    case setMouse(Bool)
    /// Read the text fields' history file (answered by `.historyLoaded`).
    case loadHistory
    /// Write the text fields' history file.
    case saveHistory(InputHistory)
    /// Draw with another theme (the terminal loads it).
    case setTheme(String)
    /// Ring the terminal bell (a lease is running out).
    case bell
    case quit
    /// Runs `effect` now and again every `interval` until cancelled by id (TCA's
    /// `.cancellable(id:)`); a new subscription with the same id replaces the old one.
    case subscribe(id: String, every: Duration, Effect)
    case cancel(id: String)
    /// The secret dialog's answer to the `DialogPrompter` (run inline).
    case answerPrompt(PromptAnswer)

    /// The id of the subscription that keeps a profile's leases fresh.
    public static func leaseRefresh(_ profile: String) -> String { "leases:\(profile)" }

    /// The profile whose server the effect talks to.
    var profile: String? {
        switch self {
        case .loadSystems(let profile, _), .loadAccounts(let profile, _, _), .loadFolders(let profile, _), .checkOut(let profile, _, _),
             .loadLeases(let profile), .loadSecrets(let profile, _, _), .searchSecrets(let profile, _, _), .fetchField(let profile, _, _, _, _, _),
             .readFields(let profile, _, _):
            profile
        case .checkIn(let lease, _), .fetchSecret(let lease, _):
            lease.profile
        case .withdraw(let pending):
            pending.profile
        default:
            nil
        }
    }
}
