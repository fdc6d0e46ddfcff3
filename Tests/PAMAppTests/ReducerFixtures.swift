import Foundation
import PAMApp
import PAMCore
import PAMScreen

let t0 = Date(timeIntervalSince1970: 1_800_000_000)

let dc01 = ManagedSystem(id: "123", name: "DC01", platform: "Windows")
let admin = Account(id: "50", systemID: "123", systemName: "DC01", name: "admin", defaultDurationMinutes: 120, maximumDurationMinutes: 240)
let breakglass = Account(id: "51", systemID: "123", systemName: "DC01", name: "breakglass")
let root = Account(id: "12", systemID: "5", systemName: "srv1", name: "root")

func lease(_ account: Account, id: String = "124", minutes: Double = 30) -> Lease {
    Lease(
        profile: "bt", vendor: "fake", requestID: id, accountID: account.id, systemID: account.systemID,
        systemName: account.systemName, accountName: account.name, reason: "r", issuedAt: t0, expiresAt: t0.addingTimeInterval(minutes * 60)
    )
}

/// A state with one profile of the fake vendor, its lists loaded, focus on accounts.
func loadedState(settings: AppState.Settings = AppState.Settings()) -> AppState {
    var state = AppState(
        profiles: [ProfileSummary(name: "bt", vendor: "fake", vendorName: "Fake PAM", capabilities: [.systems, .accounts, .checkout, .folders])],
        now: t0, size: Size(width: 120, height: 40), settings: settings
    )
    _ = Reducer.start(&state)
    _ = Reducer.reduce(&state, .systemsLoaded(requestID: 1, .success([dc01])))
    _ = Reducer.reduce(&state, .accountsLoaded(requestID: 2, .success([admin, breakglass, root])))
    _ = Reducer.reduce(&state, .foldersLoaded(requestID: 3, .success([])))
    return state
}

extension AppState {
    /// Sends keys one by one and returns every effect in order.
    mutating func press(_ keys: KeyEvent...) -> [Effect] {
        keys.flatMap { Reducer.reduce(&self, .key($0)) }
    }

    mutating func type(_ text: String) -> [Effect] {
        text.flatMap { Reducer.reduce(&self, .key(.character($0))) }
    }
}
