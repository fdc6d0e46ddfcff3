import Foundation
import PAMCore
import PAMScreen

/// One pane: a framed table of its filtered rows, with loading and error states.
struct PaneView {
    var glyphs: Glyphs

    func render(_ pane: Pane, _ state: AppState, into grid: inout CellGrid, in rect: Rect) {
        let focused = state.focus == pane
        let paneState = state.pane(pane)
        let number = Pane.allCases.firstIndex(of: pane).map { $0 + 1 } ?? 0
        var title = "\(number) \(pane.title(state))"
        if !paneState.filter.isEmpty { title += "  \(paneState.filterInverted ? "!" : "/")\(paneState.filter)" }
        let content = rows(pane, state)
        let frame = Frame(title: title, badge: content.badge, focused: focused, glyphs: glyphs)
        let inner = frame.render(into: &grid, in: rect)
        // Rows are built lazily: only the ones on screen, even with 100,000 in the list.
        let table = Table(
            columns: content.columns, count: content.count, selected: content.count == 0 ? nil : paneState.selected,
            offset: Self.offset(selected: paneState.selected, inner: inner), focused: focused, message: content.message,
            glyphs: glyphs, row: content.row
        )
        _ = table.render(into: &grid, in: inner)
    }

    /// The first row shown: the table scrolls just enough to keep the selection in view.
    static func offset(selected: Int, inner: Rect) -> Int { max(0, selected - inner.height + 2) }

    /// The row index drawn at line `y` of a pane framed in `rect`; nil on the frame, the column
    /// header, or below the last row.
    static func row(atY y: Int, of pane: Pane, _ state: AppState, in rect: Rect) -> Int? {
        let inner = rect.inset(by: 1)
        let bodyTop = inner.y + 1
        guard y >= bodyTop, y < inner.maxY else { return nil }
        let count = Presentation.rowCount(state, pane)
        let selected = state.pane(pane).selected
        let range = Table.visibleRange(selected: selected, count: count, height: inner.height - 1,
                                       previousOffset: offset(selected: selected, inner: inner))
        let index = range.lowerBound + (y - bodyTop)
        return range.contains(index) ? index : nil
    }

    struct Content {
        var columns: [TableColumn]
        var count: Int
        var row: (Int) -> TableRow
        var message: TableMessage?
        var badge: String?

        init(columns: [TableColumn], rows: [TableRow], message: TableMessage?, badge: String?) {
            self.init(columns: columns, count: rows.count, message: message, badge: badge) { rows[$0] }
        }

        init(columns: [TableColumn], count: Int, message: TableMessage?, badge: String?, row: @escaping (Int) -> TableRow) {
            self.columns = columns
            self.count = count
            self.row = row
            self.message = message
            self.badge = badge
        }
    }

    private func rows(_ pane: Pane, _ state: AppState) -> Content {
        let filter = state.pane(pane)
        func highlight(_ cells: [String]) -> [Int: [Range<Int>]] {
            var matches: [Int: [Range<Int>]] = [:]
            for (index, cell) in cells.enumerated() {
                let ranges = Presentation.matches(cell, filter)
                if !ranges.isEmpty { matches[index] = ranges }
            }
            return matches
        }
        func row(_ cells: [String], role: StyleRole? = nil) -> TableRow { TableRow(cells, role: role, matches: highlight(cells)) }
        switch pane {
        case .profiles:
            let profiles = Presentation.profiles(state)
            // Names first everywhere: a narrow pane gives up the second column before the name.
            return Content(columns: [TableColumn("PROFILE", width: .fit(min: 8)), TableColumn("VENDOR", width: .flexible(min: 0))],
                           rows: profiles.map { row([$0.name, $0.vendor.rawValue]) }, message: .empty("no profiles"), badge: nil)
        case .systems:
            let systems = Presentation.systems(state)
            return Content(columns: [TableColumn("SYSTEM", width: .fit(min: 8)), TableColumn("PLATFORM", width: .flexible(min: 0))],
                           count: systems.count, message: message(state.systems, "no systems"),
                           badge: badge(state.systems, systems.count)) { row([systems[$0].name, systems[$0].platform ?? ""]) }
        case .accounts:
            let accounts = Presentation.accounts(state)
            let leased = Set(state.leases.map { "\($0.profile):\($0.systemID)/\($0.accountID)" })
            let profile = state.profile?.name ?? ""
            return Content(
                // The account and its system matter most: a narrow pane drops the domain first.
                columns: [TableColumn("ACCOUNT", width: .fit(min: 10)), TableColumn("SYSTEM", width: .fit(min: 8)),
                          TableColumn("DOMAIN", width: .flexible(min: 0))],
                count: accounts.count, message: message(state.accounts, "no accounts"), badge: badge(state.accounts, accounts.count)
            ) { index in
                let account = accounts[index]
                return row([account.name, account.systemName, account.domain ?? ""],
                           role: leased.contains("\(profile):\(account.systemID)/\(account.id)") ? .ok : nil)
            }
        case .folders where state.openFolder != nil:
            let secrets = Presentation.secrets(state)
            return Content(columns: [TableColumn("SECRET", width: .fit(min: 10)), TableColumn("KIND", width: .flexible(min: 0))],
                           rows: secrets.map { TableRow([$0.title, $0.kind.rawValue]) },
                           message: message(state.secrets, "no secrets"), badge: badge(state.secrets, secrets.count))
        case .folders:
            let folders = Presentation.folders(state)
            return Content(columns: [TableColumn("FOLDER")],
                           rows: folders.map { TableRow([$0.folder.name], indent: $0.depth, disclosure: .leaf) },
                           message: message(state.folders, "no folders"), badge: badge(state.folders, folders.count))
        case .tasks:
            return Content(columns: [TableColumn("TASK")], rows: [], message: .empty("no tasks"), badge: nil)
        case .leases:
            let leases = Presentation.leases(state)
            return Content(
                columns: [TableColumn("LEASE"), TableColumn("LEFT", width: .fixed(8), alignment: .right)],
                rows: leases.map { lease in
                    let role: StyleRole? = switch Presentation.urgency(lease, now: state.now) {
                    case .danger: .leaseCritical
                    case .warning: .leaseExpiring
                    case .normal: nil
                    }
                    let checkingIn = state.checkingIn.contains(lease.id)
                    return row(["\(lease.systemName)/\(lease.accountName)", checkingIn ? "…" : Presentation.countdown(lease, now: state.now)], role: role)
                },
                message: .empty("no leases"), badge: leases.isEmpty ? nil : String(leases.count)
            )
        }
    }

    private func message<T>(_ load: LoadState<T>, _ empty: String) -> TableMessage {
        switch load {
        case .loading, .partial: TableMessage("loading…")
        case .failed(let error): .error(error)
        case .idle, .loaded: .empty(empty)
        }
    }

    private func badge<T>(_ load: LoadState<T>, _ count: Int) -> String? {
        switch load {
        case .loading: "loading…"
        case .partial: "\(count)…"
        case .failed: "error"
        case .loaded: String(count)
        case .idle: nil
        }
    }
}

extension Pane {
    func title(_ state: AppState) -> String {
        switch self {
        case .profiles: "Profiles"
        case .systems: "Systems"
        case .accounts: state.accountScope.map { "Accounts on \($0.name)" } ?? "Accounts"
        case .folders: state.openFolder?.path ?? "Folders"
        case .tasks: "Tasks"
        case .leases: "Leases"
        }
    }
}
