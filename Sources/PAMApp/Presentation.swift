import Foundation
import PAMCore
import PAMScreen

/// State turned into what panes list, with each pane's filter applied.
public enum Presentation {
    /// Whether any of `fields` passes the pane's fuzzy filter (`!` inverts).
    static func passes(_ fields: [String?], _ pane: PaneState) -> Bool {
        guard !pane.filter.isEmpty else { return true }
        let matcher = FuzzyMatcher(pane.filter)
        return fields.contains { field in field.map { matcher.accepts($0) } ?? false } != pane.filterInverted
    }

    /// Character ranges of `text` that match the pane's filter, for highlighting.
    public static func matches(_ text: String, _ pane: PaneState) -> [Range<Int>] {
        guard !pane.filter.isEmpty, !pane.filterInverted else { return [] }
        return FuzzyMatcher(pane.filter).match(text)?.ranges ?? []
    }

    public static func systems(_ state: AppState) -> [ManagedSystem] {
        let pane = state.pane(.systems)
        return (state.systems.value ?? []).filter { passes([$0.name, $0.platform, $0.address], pane) }
    }

    public static func accounts(_ state: AppState) -> [Account] {
        let pane = state.pane(.accounts)
        return (state.accounts.value ?? []).filter { passes([$0.name, $0.systemName, $0.domain], pane) }
    }

    public static func folders(_ state: AppState) -> [FolderTree.Node] {
        let pane = state.pane(.folders)
        return (state.folders.value ?? []).filter { passes([$0.path], pane) }
    }

    public static func leases(_ state: AppState) -> [Lease] {
        let pane = state.pane(.leases)
        return state.leases.filter { passes([$0.systemName, $0.accountName, $0.profile], pane) }
    }

    public static func profiles(_ state: AppState) -> [ProfileSummary] {
        let pane = state.pane(.profiles)
        return state.profiles.filter { passes([$0.name, $0.vendor.rawValue], pane) }
    }

    static func rowCount(_ state: AppState, _ pane: Pane) -> Int {
        switch pane {
        case .profiles: profiles(state).count
        case .systems: systems(state).count
        case .accounts: accounts(state).count
        case .folders: folders(state).count
        case .tasks: 0
        case .leases: leases(state).count
        }
    }

    static func selected<T>(_ items: [T], _ state: AppState, _ pane: Pane) -> T? {
        let index = state.pane(pane).selected
        return items.indices.contains(index) ? items[index] : nil
    }

    public static func selectedSystem(_ state: AppState) -> ManagedSystem? { selected(systems(state), state, .systems) }
    public static func selectedAccount(_ state: AppState) -> Account? { selected(accounts(state), state, .accounts) }
    public static func selectedLease(_ state: AppState) -> Lease? { selected(leases(state), state, .leases) }

    /// The lease the detail pane and the secret keys act on: the selected lease in the leases
    /// pane, else my lease on the selected account.
    public static func focusedLease(_ state: AppState) -> Lease? {
        if state.focus == .leases { return selectedLease(state) }
        guard state.focus == .accounts, let account = selectedAccount(state), let profile = state.profile else { return nil }
        return state.leases.first { $0.profile == profile.name && $0.accountID == account.id && $0.systemID == account.systemID }
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
