import Foundation
import PAMCore
import PAMScreen

/// The header's pieces, left to right: profile, session and its time left, warnings, leases,
/// clipboard. A narrow header drops the least important whole pieces rather than cutting words.
enum HeaderView {
    struct Segment: Equatable {
        var text: String
        var role: StyleRole
        /// Lower keeps its place first when the header is narrow.
        var priority: Int
    }

    /// The segments that fit in `width`, most important first, drawn in their order.
    static func segments(_ state: AppState, width: Int) -> [Segment] {
        let all = segments(state)
        var left = width
        var kept = Set<Int>()
        for index in all.indices.sorted(by: { all[$0].priority < all[$1].priority }) {
            let needed = TextWidth.of(all[index].text)
            if needed <= left {
                kept.insert(index)
                left -= needed
            }
        }
        return all.indices.filter(kept.contains).map { all[$0] }
    }

    static func segments(_ state: AppState) -> [Segment] {
        var pieces = [Segment(text: " pamtui", role: .title, priority: 0)]
        if let profile = state.profile {
            pieces.append(Segment(text: "  \(profile.name)", role: .title, priority: 0))
            pieces.append(Segment(text: " · \(profile.vendorName)", role: .title, priority: 5))
            pieces.append(Segment(text: "  " + sessionLabel(state.sessions[profile.name], now: state.now), role: .title, priority: 2))
            if let warning = profile.warning { pieces.append(Segment(text: "  \(warning) ", role: .warningBanner, priority: 1)) }
        }
        if !state.leases.isEmpty { pieces.append(Segment(text: "  leases: \(state.leases.count)", role: .title, priority: 3)) }
        if let hold = state.clipboard {
            let seconds = max(0, Int(hold.clearsAt.timeIntervalSince(state.now).rounded(.up)))
            pieces.append(Segment(text: "  clipboard clears in \(seconds) s", role: .title, priority: 3))
        }
        if state.settings.readonly { pieces.append(Segment(text: "  [READ-ONLY]", role: .title, priority: 1)) }
        return pieces
    }

    /// "session 19 min left", counted in whole minutes so the header needs a tick only each minute.
    static func sessionLabel(_ status: SessionStatus?, now: Date) -> String {
        switch status?.state {
        case nil, .signedOut?: return "not signed in"
        case .failed?: return "sign-in failed"
        case .signedIn?:
            guard let expiresAt = status?.expiresAt else { return "signed in" }
            let seconds = expiresAt.timeIntervalSince(now)
            guard seconds > 0 else { return "session idle-expired (signs in again when needed)" }
            return "session \(Int((seconds / 60).rounded(.up))) min left"
        }
    }
}
