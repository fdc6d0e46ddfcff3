import Foundation

/// What to say when a check-out hands back a request I already held: one sentence for the CLI
/// and the UI, so both read the same.
public enum ReuseNotice {
    /// `reusing your open request 124 (expires in 29 min; asked for 120 min — use --conflict renew
    /// for a new one)`; the advice names the option whose `renewChoice` asks for a new request.
    public static func sentence(
        requestID: String, expiresAt: Date, now: Date, askedMinutes: Int?, options: [CheckoutOptionSpec]
    ) -> String {
        let left = Int((expiresAt.timeIntervalSince(now) / 60).rounded(.down))
        var details = left < 1 ? "expires in under a minute" : "expires in \(left) min"
        if let askedMinutes { details += "; asked for \(askedMinutes) min" }
        if let advice = renewAdvice(options) { details += " — use \(advice) for a new one" }
        return "reusing your open request \(requestID) (\(details))"
    }

    /// `--conflict renew`, from the first option that has a renew choice.
    public static func renewAdvice(_ options: [CheckoutOptionSpec]) -> String? {
        guard let option = options.first(where: { $0.renewChoice != nil }), let choice = option.renewChoice else { return nil }
        return "\(option.flag) \(choice)"
    }
}
