import Foundation
import PAMCore
import PAMScreen

/// The one place state changes. Pure and synchronous: no I/O, no clock reads (time arrives as
/// `.tick`), and work to do is returned as effects.
public enum Reducer {
    /// How often an open profile's leases are listed again.
    public static let leaseRefreshInterval: Duration = .seconds(60)
    /// Loads what the first profile shows, and lists every other profile's leases too: the
    /// leases pane shows all of them, whichever profile is open.
    public static func start(_ state: inout AppState) -> [Effect] {
        let others = state.profiles.indices.filter { $0 != state.profileIndex && state.profiles[$0].capabilities.contains(.checkout) }
        return reloadProfile(&state) + [.loadHistory] + others.map { index in
            let name = state.profiles[index].name
            return .subscribe(id: Effect.leaseRefresh(name), every: leaseRefreshInterval, .loadLeases(profile: name))
        }
    }

    public static func reduce(_ state: inout AppState, _ action: Action) -> [Effect] {
        let effects = apply(&state, action)
        keepSorted(&state, after: action)
        rememberAskedMinutes(&state, effects)
        // Filter results are state: refined here, once per action, not per frame.
        let pane = state.pane(.accounts)
        if !pane.filter.isEmpty { _ = state.accountFilter.filter(state.accounts.value ?? [], pane) }
        return effects
    }

    private static func apply(_ state: inout AppState, _ action: Action) -> [Effect] {
        switch action {
        case .key(let key): return handleKey(&state, key)
        case .command(let command): return run(&state, command)
        case .tick(let now): return tick(&state, now)
        case .resized(let size):
            state.size = size
            return []
        case .systemsLoaded(let id, let result):
            if state.systems.pendingRequest == id { state.systems = loaded(result) }
            return []
        case .accountsLoaded(let id, let result):
            if state.accounts.pendingRequest == id { state.accounts = loaded(result) }
            return []
        case .pendingFound(let profile, let requests):
            state.pending = state.pending.filter { $0.profile != profile } + requests.map { PendingRequest(profile: profile, request: $0) }
            return []
        case .withdrawn(let id, let result):
            switch result {
            case .success(let path):
                state.pending.removeAll { $0.id == id }
                flash(&state, "withdrew the pending request for \(path)")
                audit(&state, "withdrew pending request \(id)")
            case .failure(let error):
                fail(&state, error, operation: "withdraw")
            }
            return []
        case .accountsPage(let id, let page):
            state.accounts.append(page, for: id)
            return []
        case .foldersLoaded(let id, let result):
            if state.folders.pendingRequest == id { state.folders = loaded(result) }
            return []
        case .checkedOut(let id, let result): return checkedOut(&state, result, requestID: id)
        case .checkedIn(let leaseID, let result): return checkedIn(&state, leaseID: leaseID, result)
        case .leasesLoaded(let profile, let result): return leasesLoaded(&state, profile: profile, result)
        case .secretReady(let key, let purpose, let result): return secretReady(&state, key, purpose, result)
        case .copied(let key, let subject, let result): return copied(&state, key: key, subject: subject, result)
        case .secretsLoaded(let id, let result):
            if state.secrets.pendingRequest == id { state.secrets = loaded(result) }
            return []
        case .fieldsRead(let key, let subject, let result): return fieldsRead(&state, key, subject: subject, result)
        case .clipboardCleared(let verified):
            state.clipboard = nil
            flash(&state, verified ? "clipboard cleared" : "clipboard overwritten (clearing cannot be verified)")
            audit(&state, "clipboard cleared")
            return []
        case .report(let title, let lines):
            state.overlay = .message(title: title, lines: lines)
            return []
        case .exchange(let exchange):
            // Status and time first, so a narrow log still shows them; the path is cut at the end.
            let time = String(format: "%4.0f ms", exchange.milliseconds)
            // The host and path can come from a server's redirect: no escapes into the log.
            let line = "\(exchange.outcome) \(time)  \(exchange.method.rawValue) \(exchange.host)\(exchange.target)"
            audit(&state, TerminalText.sanitized(line), at: exchange.startedAt, error: exchange.status.map { $0 >= 400 } ?? true)
            return []
        case .historyLoaded(let history):
            state.history.merge(older: history)
            return []
        case .historyFailed(let message):
            flash(&state, "input history: \(message)", error: true)
            return []
        case .session(let profile, let status):
            state.sessions[profile] = status
            return []
        case .secretAsked(let id, let question): return secretAsked(&state, id: id, question)
        case .secretWithdrawn(let id):
            state.prompts.removeAll { $0.id == id }
            return []
        }
    }

    static func loaded<Value>(_ result: Result<Value, ActionError>) -> LoadState<Value> {
        switch result {
        case .success(let value): .loaded(value)
        case .failure(let error): .failed(error.message)
        }
    }

    /// A status-line message shown for four seconds, and kept in the messages view.
    static func flash(_ state: inout AppState, _ text: String, error: Bool = false, operation: String = "ui") {
        notify(&state, error ? .error : .notice, text, operation: operation)
    }

    /// Work under way (`checking out DC01/admin…`): shown in the status line only, as its
    /// outcome is what the messages view keeps.
    static func progress(_ state: inout AppState, _ text: String) {
        state.flash = Flash(text: TerminalText.sanitized(text), isError: false, until: state.now.addingTimeInterval(4))
    }

    /// Keeps the last 500 audit lines.
    static func audit(_ state: inout AppState, _ text: String, at: Date? = nil, error: Bool = false) {
        state.audit.append(AuditEntry(at: at ?? state.now, text: text, isError: error))
        if state.audit.count > 500 { state.audit.removeFirst(state.audit.count - 500) }
    }

    static func nextRequest(_ state: inout AppState) -> Int {
        defer { state.nextRequestID += 1 }
        return state.nextRequestID
    }
}
