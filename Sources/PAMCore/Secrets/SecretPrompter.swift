/// A secret the program cannot find on its own and must ask the person at the keyboard for: a
/// one-time code at sign-in, a DoubleLock password. Vendor-neutral, so every vendor with an
/// interactive second factor asks the same way (a dialog in the UI, the terminal in the CLI).
public struct SecretQuestion: Sendable, Equatable {
    /// The profile asking.
    public var profile: String
    /// What to type, short enough for a field label: `One-time code`.
    public var label: String
    /// Why it is asked, one sentence: `Secret Server asks flex_otp for a second factor`.
    public var why: String
    /// The profile's secret key that would answer it without asking (`otp`: `otp_command`,
    /// `otp_env`), for the error when there is no one to ask.
    public var key: String

    public init(profile: String, label: String, why: String, key: String) {
        self.profile = profile
        self.label = label
        self.why = why
        self.key = key
    }

    /// The config keys that spare the question: `otp_command or otp_env`.
    public var sources: String { "\(key)_command or \(key)_env" }

    /// The error when nobody can be asked: one line naming the keys to set.
    public func unanswerable(_ reason: String) -> PAMError {
        PAMError(.configuration, "\(label) needed and \(reason): set \(sources) in the profile", profile: profile)
    }
}

/// Asks for a secret and waits for the answer without holding a thread. Throws a `.cancelled`
/// `PAMError` when the person declines (Esc, end of input), or another `PAMError` when nobody can
/// be asked (no terminal). The caller owns the answer and wipes it after use.
public protocol SecretPrompter: Sendable {
    func secret(_ question: SecretQuestion) async throws -> SecretBytes
}
