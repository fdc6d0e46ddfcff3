import Foundation
import PAMCore
import PAMScreen

/// The panes, in Tab order.
public enum Pane: String, Sendable, Equatable, Hashable, CaseIterable {
    case profiles, systems, accounts, folders, tasks, leases

    /// The capability a profile needs for the pane to appear (profiles and leases always do).
    var capability: Capabilities? { PaneCatalog.spec(self).capability }

    func title(_ state: AppState) -> String { PaneCatalog.spec(self).title(state) }
}

/// A profile as the UI knows it.
public struct ProfileSummary: Sendable, Equatable {
    public var name: String
    public var vendor: VendorID
    /// The vendor's display name, from its module.
    public var vendorName: String
    public var capabilities: Capabilities
    /// Shown in the header while this profile is selected, e.g. that TLS is not verified.
    public var warning: String?
    public var checkout: CheckoutPolicy

    public init(
        name: String, vendor: VendorID, vendorName: String? = nil, capabilities: Capabilities, warning: String? = nil,
        checkout: CheckoutPolicy = CheckoutPolicy()
    ) {
        self.name = name
        self.vendor = vendor
        self.vendorName = vendorName ?? vendor.rawValue
        self.capabilities = capabilities
        self.warning = warning
        self.checkout = checkout
    }
}

/// A profile's check-out defaults and rule, for the dialog (the config's profile and `[defaults]`).
public struct CheckoutPolicy: Sendable, Equatable {
    public var durationMinutes: Int?
    public var reason: String?
    /// The site's policy: no check-out without a reason.
    public var requireReason: Bool
    /// The vendor's own check-out options and the profile's values for them.
    public var options: [CheckoutOptionSpec]
    public var optionValues: [String: String]

    public init(
        durationMinutes: Int? = nil, reason: String? = nil, requireReason: Bool = false, options: [CheckoutOptionSpec] = [],
        optionValues: [String: String] = [:]
    ) {
        self.durationMinutes = durationMinutes
        self.reason = reason
        self.requireReason = requireReason
        self.options = options
        self.optionValues = optionValues
    }
}

/// What one profile's panes hold, kept while another profile is shown so switching back does
/// not load everything again.
public struct ProfileData: Sendable, Equatable {
    public var systems: LoadState<[ManagedSystem]>
    public var accounts: LoadState<[Account]>
    public var accountScope: ManagedSystem?
    public var folders: LoadState<[FolderTree.Node]>
    public var openFolder: FolderTree.Node?
    public var secretSearch: String?
    public var secrets: LoadState<[StoredSecret]>
    public var panes: [Pane: PaneState]

    /// True when nothing is still loading (a stashed load's answer would be dropped as stale).
    var isSettled: Bool {
        systems.pendingRequest == nil && accounts.pendingRequest == nil && folders.pendingRequest == nil
            && secrets.pendingRequest == nil
    }
}

/// Selection, scroll and filter of one pane.
public struct PaneState: Sendable, Equatable {
    public var selected = 0
    /// The filter being typed or kept; `filter` is its text.
    public var filterInput = TextField(history: InputHistory.filter)
    public var filter: String {
        get { filterInput.text }
        set { filterInput.setText(newValue) }
    }
    /// The column `o` sorts by and `O` reverses; nil keeps the server's order.
    public var sort: PaneSort?
    public init() {}
}

/// What is open on top of the panes.
public enum Overlay: Sendable, Equatable {
    case checkout(CheckoutForm)
    /// Check-in (or, for a pending request, withdrawal) confirmation; `confirm` is false (Cancel)
    /// until the user moves to it.
    case confirmCheckin(leaseID: String, confirm: Bool)
    /// Quitting with leases: 0 check in all, 1 keep them, 2 cancel (the default).
    case quit(choice: Int)
    case help(query: TextField, selected: Int)
    case palette(text: TextField, selected: Int)
    case auditLog(LogViewer)
    /// Every error, warning and notice of the session, newest first.
    case messages(LogViewer)
    case message(title: String, lines: [String])
    /// Which field of the target to copy; Enter copies the selected one.
    case fieldPicker(FieldChoice, selected: Int)
}

/// The target whose fields the picker offers, with what retrieving them needs.
public struct FieldChoice: Sendable, Equatable {
    public var profile: String
    public var target: CredentialTarget
    public var lease: Lease?

    public init(profile: String, target: CredentialTarget, lease: Lease?) {
        self.profile = profile
        self.target = target
        self.lease = lease
    }
}

/// A request of mine that waits for an approver: shown with the leases, never as one.
public struct PendingRequest: Sendable, Equatable, Identifiable {
    public var profile: String
    public var request: AccessRequest

    public init(profile: String, request: AccessRequest) {
        self.profile = profile
        self.request = request
    }

    public var id: String { "\(profile):\(request.id)" }
}

/// A timed message in the status line.
public struct Flash: Sendable, Equatable {
    public var text: String
    public var isError: Bool
    public var until: Date

    public init(text: String, isError: Bool, until: Date) {
        self.text = text
        self.isError = isError
        self.until = until
    }
}

/// The secret on screen: its store key (a lease's id, or a stored secret's field), until when.
/// The bytes stay in the effect runner's store.
public struct Reveal: Sendable, Equatable {
    public var key: String
    public var until: Date

    public init(key: String, until: Date) {
        self.key = key
        self.until = until
    }
}

/// Names one field of one target of one profile in the secret store.
public struct SecretKey: Sendable, Hashable {
    public var profile: String
    public var target: String
    public var field: String

    public init(profile: String, target: CredentialTarget, field: String) {
        self.profile = profile
        self.target = target.key
        self.field = field
    }

    /// The store's key.
    public var id: String { "\(profile):\(target):\(field)" }
}

/// The secret in the clipboard: when it clears.
public struct ClipboardHold: Sendable, Equatable {
    public var backend: String
    public var clearsAt: Date

    public init(backend: String, clearsAt: Date) {
        self.backend = backend
        self.clearsAt = clearsAt
    }
}

/// One line of the audit log: an API call or a user action, never a secret.
public struct AuditEntry: Sendable, Equatable {
    public var at: Date
    public var text: String
    /// A failed call or operation, drawn as an error.
    public var isError = false
}

/// Everything the UI shows. Changed only by `reduce`.
public struct AppState: Sendable, Equatable {
    public var now: Date
    public var size: Size
    public var profiles: [ProfileSummary]
    public var profileIndex = 0
    public var focus: Pane = .accounts
    public var panes: [Pane: PaneState] = [:]
    public var systems: LoadState<[ManagedSystem]> = .idle
    public var accounts: LoadState<[Account]> = .idle
    /// The system whose accounts are shown; nil shows all.
    public var accountScope: ManagedSystem?
    public var folders: LoadState<[FolderTree.Node]> = .idle
    /// The folder opened in the folders pane, which then lists its secrets.
    public var openFolder: FolderTree.Node?
    /// The text of `:search`, whose results the folders pane lists in place of a folder's.
    public var secretSearch: String?
    public var secrets: LoadState<[StoredSecret]> = .idle
    public var leases: [Lease] = []
    /// My requests waiting for approval, listed after the leases.
    public var pending: [PendingRequest] = []
    /// The accounts pane's filter results, refined as the query grows.
    public var accountFilter = FilterCache()
    /// The panes of profiles not shown now, by profile name.
    public var stashed: [String: ProfileData] = [:]
    /// Each profile's server session, as last reported.
    public var sessions: [String: SessionStatus] = [:]
    /// Leases whose check-in is in flight.
    public var checkingIn: Set<String> = []
    public var overlay: Overlay?
    /// Secrets asked for (a one-time code), oldest first: the first is drawn over everything
    /// and takes every key until answered.
    public var prompts: [SecretPrompt] = []
    public var filterEditing = false
    public var reveal: Reveal?
    /// The stored secrets opened with Enter: their fields with values, by `FieldsRead.key`.
    public var fieldReads: [String: FieldsRead] = [:]
    public var clipboard: ClipboardHold?
    public var flash: Flash?
    /// What the status line flashed, kept in full for the messages view.
    public var messages = MessageLog()
    public var audit: [AuditEntry] = []
    /// Recent values of the text fields, loaded and saved through effects.
    public var history = InputHistory()
    /// The minutes asked for by check-outs in flight, by request id (a reused lease says both).
    public var askedMinutes: [Int: Int] = [:]
    public var settings: Settings
    public var nextRequestID = 1
    public var quitting = false

    /// Options from the command line and config.
    public struct Settings: Sendable, Equatable {
        public var readonly = false
        public var revealSeconds = 15
        public var clipboardClearSeconds = 30
        public var mouse = false
        public var bell = false
        /// The theme in use and the themes `:theme` offers.
        public var theme = Theme.builtInDefault.name
        public var themes: [String] = []
        public var keymap = Keymap.standard
        public init() {}
    }

    public init(profiles: [ProfileSummary], now: Date, size: Size, settings: Settings = Settings()) {
        self.profiles = profiles
        self.now = now
        self.size = size
        self.settings = settings
    }

    /// The selected profile.
    public var profile: ProfileSummary? { profiles.indices.contains(profileIndex) ? profiles[profileIndex] : nil }

    /// The panes shown for the selected profile, by capability.
    public var visiblePanes: [Pane] {
        Pane.allCases.filter { pane in
            guard let capability = pane.capability else { return true }
            return profile?.capabilities.contains(capability) ?? false
        }
    }

    public func pane(_ pane: Pane) -> PaneState { panes[pane] ?? PaneState() }

    /// The shown profile's pane data.
    var profileData: ProfileData {
        get {
            ProfileData(
                systems: systems, accounts: accounts, accountScope: accountScope, folders: folders, openFolder: openFolder,
                secretSearch: secretSearch, secrets: secrets, panes: panes.filter { $0.key != .profiles && $0.key != .leases })
        }
        set {
            systems = newValue.systems
            accounts = newValue.accounts
            accountScope = newValue.accountScope
            folders = newValue.folders
            openFolder = newValue.openFolder
            secretSearch = newValue.secretSearch
            secrets = newValue.secrets
            for pane in [Pane.systems, .accounts, .folders, .tasks] { panes[pane] = newValue.panes[pane] }
        }
    }
}
