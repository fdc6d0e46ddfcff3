import PAMCore
import PAMScreen

/// Every pane of the UI, in Tab order. The rows of each come from `Presentation`; the detail
/// fields from `DetailView`.
enum PaneCatalog {
    static func spec(_ pane: Pane) -> PaneSpec { specs[pane] ?? tasks }

    private static let specs: [Pane: PaneSpec] = Dictionary(uniqueKeysWithValues: [profiles, systems, accounts, folders, tasks, leases].map { ($0.pane, $0) })

    static let profiles = PaneSpec(
        pane: .profiles, capability: nil, slot: .side, title: { _ in "Profiles" },
        rowCount: { Presentation.profiles($0).count },
        rows: { state, cells in
            let profiles = Presentation.profiles(state)
            // Names first everywhere: a narrow pane gives up the second column before the name.
            return PaneView.Content(
                columns: [TableColumn("PROFILE", width: .fit(min: 8)), TableColumn("VENDOR", width: .flexible(min: 0))],
                rows: profiles.map { cells.row([$0.name, $0.vendor.rawValue]) }, message: .empty("no profiles"), badge: nil)
        },
        detail: { view, state, _, _ in view.profileItems(state) },
        // Into what the profile lists: its accounts, else its folders or tasks.
        open: { state in Reducer.focus(&state, [.accounts, .folders, .tasks].first { state.visiblePanes.contains($0) } ?? .leases) }
    )

    static let systems = PaneSpec(
        pane: .systems, capability: .systems, slot: .side, title: { _ in "Systems" },
        rowCount: { Presentation.systems($0).count },
        rows: { state, cells in
            let systems = Presentation.systems(state)
            return PaneView.Content(
                columns: [TableColumn("SYSTEM", width: .fit(min: 8)), TableColumn("PLATFORM", width: .flexible(min: 0))],
                count: systems.count, message: cells.message(state.systems, "no systems"), badge: cells.badge(state.systems, systems.count)
            ) { cells.row([systems[$0].name, systems[$0].platform ?? ""]) }
        },
        detail: { view, state, _, _ in view.systemItems(state) },
        open: { Reducer.openSystem(&$0) }
    )

    static let accounts = PaneSpec(
        pane: .accounts, capability: .accounts, slot: .main,
        title: { state in state.accountScope.map { "Accounts on \($0.name)" } ?? "Accounts" },
        rowCount: { Presentation.accounts($0).count },
        rows: { state, cells in
            let accounts = Presentation.accounts(state)
            let leased = Set(state.leases.map { "\($0.profile):\($0.systemID)/\($0.accountID)" })
            let profile = state.profile?.name ?? ""
            return PaneView.Content(
                // The account and its system matter most: a narrow pane drops the domain first.
                columns: [TableColumn("ACCOUNT", width: .fit(min: 10)), TableColumn("SYSTEM", width: .fit(min: 8)),
                          TableColumn("DOMAIN", width: .flexible(min: 0))],
                count: accounts.count, message: cells.message(state.accounts, "no accounts"), badge: cells.badge(state.accounts, accounts.count)
            ) { index in
                let account = accounts[index]
                return cells.row([account.name, account.systemName, account.domain ?? ""],
                                 role: leased.contains("\(profile):\(account.systemID)/\(account.id)") ? .ok : nil)
            }
        },
        detail: { view, state, width, secret in view.leaseItems(state, width: width, secret: secret) },
        open: { Reducer.beginCheckout(&$0) }
    )

    /// The folder tree; an opened folder lists its secrets in the same pane.
    static let folders = PaneSpec(
        pane: .folders, capability: .folders, slot: .side, title: { $0.openFolder?.path ?? "Folders" },
        rowCount: { $0.openFolder == nil ? Presentation.folders($0).count : Presentation.secrets($0).count },
        rows: { state, cells in
            if state.openFolder != nil {
                let secrets = Presentation.secrets(state)
                return PaneView.Content(
                    columns: [TableColumn("SECRET", width: .fit(min: 10)), TableColumn("KIND", width: .flexible(min: 0))],
                    rows: secrets.map { cells.row([$0.title, $0.kind.rawValue]) },
                    message: cells.message(state.secrets, "no secrets"), badge: cells.badge(state.secrets, secrets.count))
            }
            let folders = Presentation.folders(state)
            return PaneView.Content(
                columns: [TableColumn("FOLDER")], rows: folders.map { TableRow([$0.folder.name], indent: $0.depth, disclosure: .leaf) },
                message: cells.message(state.folders, "no folders"), badge: cells.badge(state.folders, folders.count))
        },
        detail: { view, state, width, secret in view.folderItems(state, width: width, secret: secret) },
        open: { state in
            state.openFolder == nil ? Reducer.openFolder(&state) : Reducer.openSecret(&state)
        }
    )

    static let tasks = PaneSpec(
        pane: .tasks, capability: .tasks, slot: .side, title: { _ in "Tasks" }, rowCount: { _ in 0 },
        rows: { _, _ in PaneView.Content(columns: [TableColumn("TASK")], rows: [], message: .empty("no tasks"), badge: nil) },
        detail: { _, _, _, _ in [] },
        open: { _ in [] }
    )

    static let leases = PaneSpec(
        pane: .leases, capability: nil, slot: .aside, title: { _ in "Leases" },
        rowCount: { Presentation.leases($0).count + Presentation.pending($0).count },
        rows: { state, cells in
            let leases = Presentation.leases(state)
            let waiting = Presentation.pending(state).map { cells.row(["\($0.request.systemName)/\($0.request.accountName)", "pending"], role: .muted) }
            return PaneView.Content(
                columns: [TableColumn("LEASE"), TableColumn("LEFT", width: .fixed(8), alignment: .right)],
                rows: leases.map { lease in
                    let role: StyleRole? = switch Presentation.urgency(lease, now: state.now) {
                    case .danger: .leaseCritical
                    case .warning: .leaseExpiring
                    case .normal: nil
                    }
                    let checkingIn = state.checkingIn.contains(lease.id)
                    return cells.row(["\(lease.systemName)/\(lease.accountName)", checkingIn ? "…" : Presentation.countdown(lease, now: state.now)], role: role)
                } + waiting,
                message: .empty("no leases"), badge: leases.isEmpty ? nil : String(leases.count))
        },
        detail: { view, state, width, secret in
            Presentation.selectedPending(state).map { view.pendingItems($0, state) } ?? view.leaseItems(state, width: width, secret: secret)
        },
        open: { _ in [] }
    )
}
