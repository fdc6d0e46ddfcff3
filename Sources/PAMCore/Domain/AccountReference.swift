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

    /// Parses a reference. The account may contain `\` (DOMAIN\user) but the system may not
    /// contain `/`; the first `/` separates them.
    public init(parsing text: String) throws {
        var rest = Substring(text)
        var profile: String?
        if let colon = rest.firstIndex(of: ":"), let slash = rest.firstIndex(of: "/"), colon < slash {
            profile = String(rest[..<colon])
            rest = rest[rest.index(after: colon)...]
        }
        guard let slash = rest.firstIndex(of: "/") else {
            throw PAMError(.usage, "'\(text)' is not a reference: expected [PROFILE:]SYSTEM/ACCOUNT")
        }
        let system = String(rest[..<slash])
        let account = String(rest[rest.index(after: slash)...])
        guard !system.isEmpty, !account.isEmpty, profile?.isEmpty != true else {
            throw PAMError(.usage, "'\(text)' is not a reference: expected [PROFILE:]SYSTEM/ACCOUNT")
        }
        self.init(profile: profile, systemName: system, accountName: account)
    }

    public var description: String {
        (profile.map { "\($0):" } ?? "") + "\(systemName)/\(accountName)"
    }
}
