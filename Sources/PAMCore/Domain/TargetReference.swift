/// A reference as typed on the command line: `[PROFILE:]SYSTEM/ACCOUNT` for an account, or
/// `[PROFILE:]FOLDER/PATH/SECRET` for a stored secret. One parser reads both; what the path
/// means is up to the command.
public struct TargetReference: Sendable, Equatable, CustomStringConvertible {
    public var profile: String?
    /// The path after the profile, without leading or trailing `/`.
    public var path: String

    public init(profile: String?, path: String) {
        self.profile = profile
        self.path = path
    }

    /// Splits off a `PROFILE:` prefix: a colon before the first `/` or `\` (so a `DOMAIN\user:x`
    /// account or a secret title with a colon is not taken for a profile). A path that starts
    /// with `\` is a folder path as Windows-minded vendors write it (`\Folder\Sub\Secret`): its
    /// `\` separate the parts, and it is kept `/`-separated like any other.
    public init(parsing text: String) throws {
        var rest = Substring(text)
        var profile: String?
        let firstSeparator = rest.firstIndex { $0 == "/" || $0 == "\\" } ?? rest.endIndex
        if let colon = rest.firstIndex(of: ":"), colon < firstSeparator {
            profile = String(rest[..<colon])
            rest = rest[rest.index(after: colon)...]
            guard profile?.isEmpty == false else {
                throw PAMError(.usage, "'\(text)' has an empty profile before ':'")
            }
        }
        if rest.first == "\\" {
            rest = Substring(rest.split(separator: "\\", omittingEmptySubsequences: true).joined(separator: "/"))
        }
        let path = rest.trimmingSlashes
        guard !path.isEmpty else { throw PAMError(.usage, "'\(text)' names nothing after the profile") }
        self.init(profile: profile, path: path)
    }

    /// The path's parts, split on `/`.
    public var components: [String] { path.split(separator: "/", omittingEmptySubsequences: true).map(String.init) }

    /// `SYSTEM/ACCOUNT`: the first `/` separates them; the account may contain more.
    public func account() throws -> (system: String, account: String) {
        guard let slash = path.firstIndex(of: "/") else {
            throw PAMError(.usage, "'\(self)' is not an account: expected [PROFILE:]SYSTEM/ACCOUNT")
        }
        let system = String(path[..<slash])
        let account = String(path[path.index(after: slash)...])
        guard !system.isEmpty, !account.isEmpty else {
            throw PAMError(.usage, "'\(self)' is not an account: expected [PROFILE:]SYSTEM/ACCOUNT")
        }
        return (system, account)
    }

    /// `FOLDER/PATH/TITLE`: the folder path (nil for a bare title or id) and the title.
    public var secret: (folder: String?, title: String) {
        guard let slash = path.lastIndex(of: "/") else { return (nil, path) }
        return (String(path[..<slash]), String(path[path.index(after: slash)...]))
    }

    public var description: String { (profile.map { "\($0):" } ?? "") + path }
}

extension Substring {
    fileprivate var trimmingSlashes: String {
        var view = self
        while view.first == "/" { view = view.dropFirst() }
        while view.last == "/" { view = view.dropLast() }
        return String(view)
    }
}
