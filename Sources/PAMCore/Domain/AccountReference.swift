/// `PROFILE:SYSTEM/ACCOUNT` as typed on the command line; the profile may be left out.
public struct AccountReference: Sendable, Equatable, CustomStringConvertible {
    public var profile: String?
    public var systemName: String
    public var accountName: String

    public init(profile: String?, systemName: String, accountName: String) {
        self.profile = profile
        self.systemName = systemName
        self.accountName = accountName
    }

    /// Parses a reference with `TargetReference`, the parser secrets use too. The account may
    /// contain `\` (DOMAIN\user) but the system may not contain `/`.
    public init(parsing text: String) throws {
        let target: TargetReference
        do {
            target = try TargetReference(parsing: text)
        } catch {
            throw PAMError(.usage, "'\(text)' is not a reference: expected [PROFILE:]SYSTEM/ACCOUNT")
        }
        let parts = try target.account()
        self.init(profile: target.profile, systemName: parts.system, accountName: parts.account)
    }

    public var description: String {
        (profile.map { "\($0):" } ?? "") + "\(systemName)/\(accountName)"
    }
}
