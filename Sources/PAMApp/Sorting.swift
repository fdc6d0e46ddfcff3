import Foundation
import PAMCore

/// The column a pane is sorted by (an index into its columns) and which way.
public struct PaneSort: Sendable, Equatable {
    public var column: Int
    public var descending: Bool

    public init(column: Int, descending: Bool = false) {
        self.column = column
        self.descending = descending
    }
}

extension PaneState {
    /// A fresh pane (selection and filter reset) that keeps the sort the user chose.
    init(keepingSortOf old: PaneState) {
        self.init()
        sort = old.sort
    }
}

/// Sorting keeps a pane's loaded rows in its sort order in the state itself, sorted once when
/// they land or the sort changes: the filter, the views and row indexes then need no permutation.
enum Sorting {
    /// The titles of the columns `o` cycles through; the same order as the pane's columns.
    /// Empty where the order means something (profiles, the folder tree).
    static func columns(_ pane: Pane, _ state: AppState) -> [String] {
        switch pane {
        case .systems: ["SYSTEM", "PLATFORM"]
        case .accounts: ["ACCOUNT", "SYSTEM", "DOMAIN"]
        case .folders: state.openFolder == nil ? [] : ["SECRET", "KIND"]
        case .leases: ["LEASE", "LEFT"]
        case .profiles, .tasks: []
        }
    }

    /// `o`: the next column (after the last, the server's order again); `O`: the other way.
    static func next(_ sort: PaneSort?, columns: Int, reverse: Bool) -> PaneSort? {
        guard columns > 0 else { return nil }
        if reverse {
            var sort = sort ?? PaneSort(column: 0)
            sort.descending.toggle()
            return sort
        }
        guard let sort else { return PaneSort(column: 0) }
        return sort.column + 1 < columns ? PaneSort(column: sort.column + 1) : nil
    }

    /// Sorts the pane's rows in the state by its sort (stable: equal keys keep the server's order).
    static func apply(_ state: inout AppState, _ pane: Pane) {
        guard let sort = state.pane(pane).sort else { return }
        switch pane {
        case .systems:
            state.systems = sorted(state.systems, sort) { [$0.name, $0.platform ?? ""] }
        case .accounts:
            state.accounts = sorted(state.accounts, sort) { [$0.name, $0.systemName, $0.domain ?? ""] }
        case .folders where state.openFolder != nil:
            state.secrets = sorted(state.secrets, sort) { [$0.title, $0.kind.rawValue] }
        case .leases:
            let column = sort.column
            state.leases = ordered(state.leases, descending: sort.descending) { lease, other in
                column == 1 ? compare(lease.expiresAt, other.expiresAt)
                    : compare("\(lease.systemName)/\(lease.accountName)".lowercased(), "\(other.systemName)/\(other.accountName)".lowercased())
            }
        default:
            break
        }
    }

    private static func sorted<Item>(_ load: LoadState<[Item]>, _ sort: PaneSort, keys: (Item) -> [String]) -> LoadState<[Item]> {
        guard case .loaded(let items) = load else { return load }
        // Lower-cased once per row, not once per comparison: 100,000 rows sort in well under a second.
        let keyed = items.map { keys($0)[safe: sort.column]?.lowercased() ?? "" }
        let order = items.indices.sorted { a, b in
            keyed[a] == keyed[b] ? a < b : (keyed[a] < keyed[b]) != sort.descending
        }
        return .loaded(order.map { items[$0] })
    }

    private static func ordered<Item>(_ items: [Item], descending: Bool, by compare: (Item, Item) -> ComparisonResult) -> [Item] {
        items.indices.sorted { a, b in
            let result = compare(items[a], items[b])
            return result == .orderedSame ? a < b : (result == .orderedAscending) != descending
        }.map { items[$0] }
    }

    private static func compare<Value: Comparable>(_ a: Value, _ b: Value) -> ComparisonResult {
        a == b ? .orderedSame : a < b ? .orderedAscending : .orderedDescending
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}

extension Reducer {
    /// `o` and `O` on the focused pane; the selected row stays selected.
    static func sort(_ state: inout AppState, reverse: Bool) -> [Effect] {
        let pane = state.focus
        let columns = Sorting.columns(pane, state)
        guard !columns.isEmpty else {
            flash(&state, "the \(pane.rawValue) pane keeps its own order", operation: "sort")
            return []
        }
        let selected = selectedRowID(state, pane)
        let sort = Sorting.next(state.pane(pane).sort, columns: columns.count, reverse: reverse)
        state.panes[pane, default: PaneState()].sort = sort
        if sort == nil {
            // Back to the server's order: only a reload has it.
            flash(&state, "\(pane.rawValue) in the server's order (R reloads it)", operation: "sort")
        } else if let sort {
            Sorting.apply(&state, pane)
            flash(&state, "\(pane.rawValue) by \(columns[sort.column].lowercased()) \(sort.descending ? "descending" : "ascending")", operation: "sort")
        }
        if let selected, let index = rowIDs(state, pane).firstIndex(of: selected) { state.panes[pane]?.selected = index }
        return []
    }

    /// Keeps a pane sorted when new rows land for it.
    static func keepSorted(_ state: inout AppState, after action: Action) {
        switch action {
        case .systemsLoaded: Sorting.apply(&state, .systems)
        case .accountsLoaded: Sorting.apply(&state, .accounts)
        case .secretsLoaded: Sorting.apply(&state, .folders)
        case .checkedOut, .leasesLoaded: Sorting.apply(&state, .leases)
        default: break
        }
    }

    /// Remembers the minutes each check-out asked for, so a reused lease can say both.
    static func rememberAskedMinutes(_ state: inout AppState, _ effects: [Effect]) {
        for case .checkOut(_, let request, let id) in effects { state.askedMinutes[id] = request.durationMinutes }
    }

    private static func selectedRowID(_ state: AppState, _ pane: Pane) -> String? {
        rowIDs(state, pane)[safe: state.pane(pane).selected]
    }

    /// The ids of the pane's rows as shown (filtered), for keeping the selection.
    private static func rowIDs(_ state: AppState, _ pane: Pane) -> [String] {
        switch pane {
        case .systems: Presentation.systems(state).map(\.id)
        case .accounts: Presentation.accounts(state).map { "\($0.systemID)/\($0.id)" }
        case .folders: Presentation.secrets(state).map(\.id)
        case .leases: Presentation.leases(state).map(\.id)
        case .profiles, .tasks: []
        }
    }
}
