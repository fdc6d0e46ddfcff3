import Foundation
import PAMCore
import PAMScreen

/// State turned into what panes list, with each pane's filter applied.
public enum Presentation {
    /// The items whose fields pass the pane's filter (`FilterQuery`), best ranked first.
    static func filtered<Item>(_ items: [Item], _ pane: PaneState, fields: (Item) -> [String?]) -> [Item] {
        guard !pane.filter.isEmpty else { return items }
        return FilterQuery(pane.filter).ranked(items, columns: fields)
    }

    /// Character ranges of `text` that match the pane's filter, for highlighting.
    public static func matches(_ text: String, _ pane: PaneState) -> [Range<Int>] {
        guard !pane.filter.isEmpty else { return [] }
        return FilterQuery(pane.filter).highlights(text)
    }

    public static func systems(_ state: AppState) -> [ManagedSystem] {
        let pane = state.pane(.systems)
        return filtered(state.systems.value ?? [], pane) { [$0.name, $0.platform, $0.address] }
    }

    public static func accounts(_ state: AppState) -> FilteredAccounts {
        let pane = state.pane(.accounts)
        let all = state.accounts.value ?? []
        guard !pane.filter.isEmpty else { return FilteredAccounts(source: all, indexes: nil) }
        if let cached = state.accountFilter.cached(all, pane) { return cached }
        // A state the reducer has not seen (built by hand): filter it once, uncached.
        var once = FilterCache()
        return once.filter(all, pane)
    }

    public static func folders(_ state: AppState) -> [FolderTree.Node] {
        let pane = state.pane(.folders)
        return filtered(state.folders.value ?? [], pane) { [$0.path] }
    }

    /// The secrets of the folder open in the folders pane.
    public static func secrets(_ state: AppState) -> [StoredSecret] {
        let pane = state.pane(.folders)
        return filtered(state.secrets.value ?? [], pane) { [$0.title, $0.username, $0.kind.rawValue, $0.folderPath] }
    }

    /// The stored secret selected in an open folder, when the folders pane has focus.
    public static func selectedSecret(_ state: AppState) -> StoredSecret? {
        guard state.focus == .folders, state.openFolder != nil, var secret = selected(secrets(state), state, .folders) else { return nil }
        // Once opened, its fields are the ones read, with their values.
        if case .read(let fields)? = fieldsRead(of: secret, state) { secret.fields = fields }
        return secret
    }

    /// The read of a stored secret's fields, if one was asked for.
    public static func fieldsRead(of secret: StoredSecret, _ state: AppState) -> FieldsRead? {
        state.profile.flatMap { state.fieldReads[FieldsRead.key(profile: $0.name, .secret(secret))] }
    }

    /// True when Enter reads the secret's fields before revealing: the profile can read them and
    /// the listing left a plain field without its value.
    public static func opensByReading(_ secret: StoredSecret, _ state: AppState) -> Bool {
        state.profile?.capabilities.contains(.fields) == true && secret.fields.contains { !$0.isSecret && $0.plainValue == nil }
    }

    /// The field `r` and `y` act on: the password, else the first secret field.
    public static func mainField(_ secret: StoredSecret) -> SecretField? {
        secret.fields.first { $0.kind == .password } ?? secret.fields.first(where: \.isSecret)
    }

    /// The store key of what the secret keys act on now: the selected secret's main field, or
    /// the focused lease.
    public static func focusedSecretKey(_ state: AppState) -> String? {
        if let secret = selectedSecret(state), let profile = state.profile, let field = mainField(secret) {
            return SecretKey(profile: profile.name, target: .secret(secret), field: field.slug).id
        }
        return focusedLease(state)?.id
    }

    /// True when `key` is a field of what the secret keys act on now: its main one, or any
    /// other the field picker revealed.
    public static func isFocused(_ key: String, _ state: AppState) -> Bool {
        if key == focusedSecretKey(state) { return true }
        guard let choice = FieldChoice.focused(state) else { return false }
        return key.hasPrefix(SecretKey(profile: choice.profile, target: choice.target, field: "").id)
    }

    public static func leases(_ state: AppState) -> [Lease] {
        let pane = state.pane(.leases)
        return filtered(state.leases, pane) { [$0.systemName, $0.accountName, $0.profile] }
    }

    public static func profiles(_ state: AppState) -> [ProfileSummary] {
        let pane = state.pane(.profiles)
        return filtered(state.profiles, pane) { [$0.name, $0.vendor.rawValue] }
    }

    static func rowCount(_ state: AppState, _ pane: Pane) -> Int { PaneCatalog.spec(pane).rowCount(state) }

    static func selected<Items: RandomAccessCollection>(_ items: Items, _ state: AppState, _ pane: Pane) -> Items.Element? where Items.Index == Int {
        let index = state.pane(pane).selected
        return items.indices.contains(index) ? items[index] : nil
    }

    public static func selectedSystem(_ state: AppState) -> ManagedSystem? { selected(systems(state), state, .systems) }
    public static func selectedAccount(_ state: AppState) -> Account? { selected(accounts(state), state, .accounts) }
    public static func selectedLease(_ state: AppState) -> Lease? { selected(leases(state), state, .leases) }

    /// My pending requests, listed in the leases pane after the leases.
    public static func pending(_ state: AppState) -> [PendingRequest] {
        filtered(state.pending, state.pane(.leases)) { [$0.request.systemName, $0.request.accountName, $0.profile] }
    }

    /// The pending request selected in the leases pane.
    public static func selectedPending(_ state: AppState) -> PendingRequest? {
        guard state.focus == .leases else { return nil }
        let index = state.pane(.leases).selected - leases(state).count
        let pending = pending(state)
        return pending.indices.contains(index) ? pending[index] : nil
    }

    /// The lease the detail pane and the secret keys act on: the selected lease in the leases
    /// pane, else my lease on the selected account.
    public static func focusedLease(_ state: AppState) -> Lease? {
        if state.focus == .leases { return selectedLease(state) }
        if let secret = selectedSecret(state) { return lease(of: secret, state) }
        guard state.focus == .accounts, let account = selectedAccount(state), let profile = state.profile else { return nil }
        return state.leases.first { $0.profile == profile.name && $0.accountID == account.id && $0.systemID == account.systemID }
    }

    /// My lease on a stored secret of the shown profile (its lock: the secret's id stands for it).
    public static func lease(of secret: StoredSecret, _ state: AppState) -> Lease? {
        guard let profile = state.profile, secret.access.leaseRequired else { return nil }
        return state.leases.first { $0.profile == profile.name && $0.accountID == secret.id }
    }

    /// Who else holds a stored secret's lock: nil when nobody does or it is my lease.
    public static func otherHolder(of secret: StoredSecret, _ state: AppState) -> String? {
        lease(of: secret, state) == nil ? secret.access.heldBy : nil
    }

    /// The loaded account a lease is for, when the accounts list holds it.
    public static func account(of lease: Lease, _ state: AppState) -> Account? {
        state.accounts.value?.first { $0.id == lease.accountID && $0.systemID == lease.systemID }
    }

    /// `m:ss` or `h:mm:ss` left on a lease at `now`.
    public static func countdown(_ lease: Lease, now: Date) -> String {
        Countdown.format(seconds: Int(lease.remaining(at: now).rounded(.up)))
    }

    /// How urgent a lease is: under five minutes is a warning, under one minute danger.
    public static func urgency(_ lease: Lease, now: Date) -> Urgency {
        let remaining = lease.remaining(at: now)
        return remaining < 60 ? .danger : remaining < 300 ? .warning : .normal
    }

    public enum Urgency: Sendable, Equatable { case normal, warning, danger }
}
