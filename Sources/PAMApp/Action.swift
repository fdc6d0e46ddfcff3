import Foundation
import PAMCore
import PAMScreen

/// Everything that can change the state: input, time, and results of effects.
public enum Action: Sendable, Equatable {
    case key(KeyEvent)
    case command(Command)
    case tick(Date)
    case resized(Size)

    case systemsLoaded(requestID: Int, Result<[ManagedSystem], ActionError>)
    case accountsLoaded(requestID: Int, Result<[Account], ActionError>)
    /// One more page of a list still loading.
    case accountsPage(requestID: Int, [Account])
    /// The profile's requests waiting for approval, as the server lists them now.
    case pendingFound(profile: String, [AccessRequest])
    /// A pending request was withdrawn (or the withdrawal failed).
    case withdrawn(pendingID: String, Result<String, ActionError>)
    case foldersLoaded(requestID: Int, Result<[FolderTree.Node], ActionError>)
    case checkedOut(requestID: Int, Result<CheckoutOutcome, ActionError>)
    case checkedIn(leaseID: String, Result<Lease, ActionError>)
    case leasesLoaded(profile: String, Result<[Lease], ActionError>)
    /// The secret of a lease is in the store and may be revealed or copied.
    /// A secret is in the store under `key`; the success value names it for the audit log.
    case secretReady(key: String, purpose: SecretPurpose, Result<String, ActionError>)
    /// A copy is in the clipboard (or failed); `subject` names it for the audit log.
    case copied(key: String, subject: String, Result<ClipboardHold, ActionError>)
    case secretsLoaded(requestID: Int, Result<[StoredSecret], ActionError>)
    /// A target's fields as the server has them (`FieldsRead.key`), or why they could not be read.
    case fieldsRead(key: String, subject: String, Result<[SecretField], ActionError>)
    case clipboardCleared(verified: Bool)
    case exchange(HTTPExchange)
    /// A profile's server session after a call.
    case session(profile: String, SessionStatus)
    /// The text fields' history as on file, or why it could not be read or written.
    case historyLoaded(InputHistory)
    case historyFailed(String)
    /// Lines to show in a message overlay (the clipboard doctor's report).
    case report(title: String, lines: [String])
    /// A profile asks for a secret it has no source for (`DialogPrompter`); answered with
    /// `Effect.answerPrompt`, or withdrawn when the asker gave up.
    case secretAsked(id: Int, SecretQuestion)
    case secretWithdrawn(id: Int)
}

/// Why a secret is fetched.
/// Why a secret is fetched: to show it, or to copy it (and clear the clipboard after so long).
public enum SecretPurpose: Sendable, Equatable {
    case reveal
    case copy(clearAfterSeconds: Int)
}

/// An error as an action carries it: the one-line message and kind (never a secret).
public struct ActionError: Error, Sendable, Equatable {
    public var message: String
    public var kind: PAMError.Kind
    /// The parts of `message`, for the messages view: the profile and operation, and the rest.
    public var profile: String?
    public var operation: String?
    public var detail: String

    public init(_ error: any Error) {
        let pam = PAMError.wrap(error)
        message = pam.description
        kind = pam.kind
        profile = pam.profile
        operation = pam.operation
        detail = pam.message
    }

    public init(message: String, kind: PAMError.Kind) {
        self.message = message
        self.kind = kind
        detail = message
    }
}
