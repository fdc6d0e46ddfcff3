import Foundation
import PAMApp
import PAMCore
import PAMScreen
import Testing

/// The leases pane lists the leases of every profile, not only the one shown: each profile
/// that can check out has its lease list subscribed from the start.
@Suite struct LeasesOfEveryProfileTests {
    @Test func startSubscribesEachProfilesLeasesAndTheirLeasesShowTogether() {
        var state = AppState(
            profiles: [
                ProfileSummary(name: "bt", vendor: "fake", capabilities: [.systems, .accounts, .checkout]),
                ProfileSummary(name: "ss", vendor: "other", capabilities: [.folders, .checkout]),
                ProfileSummary(name: "ro", vendor: "other", capabilities: [.folders]),
            ],
            now: t0, size: Size(width: 120, height: 40))
        let effects = Reducer.start(&state)
        let subscribed = effects.compactMap { effect -> String? in
            if case .subscribe(let id, _, .loadLeases(let profile)) = effect, id == Effect.leaseRefresh(profile) { return profile }
            return nil
        }
        #expect(subscribed.sorted() == ["bt", "ss"], "a profile that cannot check out has no leases to list")
        #expect(state.profile?.name == "bt", "the first profile is shown")

        var held = lease(admin)
        held.profile = "ss"
        held.systemName = "Restricted"
        held.accountName = "Backup vault"
        _ = Reducer.reduce(&state, .leasesLoaded(profile: "ss", .success([held])))
        _ = Reducer.reduce(&state, .leasesLoaded(profile: "bt", .success([lease(root, id: "7")])))
        #expect(Set(Presentation.leases(state).map(\.profile)) == ["bt", "ss"])
        #expect(AppView().render(state).text.contains("Restricted/Backup vault"))
    }
}
