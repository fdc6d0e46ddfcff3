/// A vendor-specific check-out option, described as data so the config, the CLI and the
/// check-out dialog can offer it without knowing the vendor (BeyondTrust's `conflict`).
public struct CheckoutOptionSpec: Sendable, Equatable, Hashable {
    /// The config key and, with `_` as `-`, the CLI flag (`access_type` → `--access-type`).
    public var key: String
    /// Short label for the dialog.
    public var label: String
    /// One line for `--help` and the config example.
    public var help: String
    /// The accepted values; nil for free text.
    public var choices: [String]?
    /// What the vendor does when the option is not given.
    public var defaultValue: String?
    /// The choice that asks for a new request when I already hold one (BeyondTrust's `renew`), so
    /// a reused request can say how to get a new one without naming the vendor.
    public var renewChoice: String?
    /// When the dialog offers it for a stored secret's lock (an account's dialog shows all).
    public var relevance: Relevance

    /// What makes an option worth asking about.
    public enum Relevance: Sendable, Equatable, Hashable {
        case always
        /// Goes with a comment (a ticket): asked only when the secret requires one.
        case commentRequired
        /// Takes over another user's lock.
        case heldByOther
        /// Acts on a lock I hold already (extending it).
        case heldByMe
    }

    public init(
        key: String, label: String, help: String, choices: [String]? = nil, defaultValue: String? = nil, renewChoice: String? = nil,
        relevance: Relevance = .always
    ) {
        self.relevance = relevance
        self.key = key
        self.label = label
        self.help = help
        self.choices = choices
        self.defaultValue = defaultValue
        self.renewChoice = renewChoice
    }

    /// The CLI flag, e.g. `--access-type`.
    public var flag: String { "--" + key.replacingOccurrences(of: "_", with: "-") }

    /// Why `value` is not accepted, or nil when it is.
    public func problem(with value: String) -> String? {
        guard let choices, !choices.contains(value) else { return nil }
        return "'\(value)' is not one of: \(choices.joined(separator: ", "))"
    }
}
