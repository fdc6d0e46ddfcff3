import Foundation

/// The kinds of managed system in the demo world, with the numbers Password Safe uses for them.
enum BTSystemKind: Sendable {
    case windows, linux, sqlServer, oracle, postgres, ciscoIOS, paloAlto, activeDirectory

    var platformID: Int {
        switch self {
        case .windows: 1
        case .linux: 2
        case .sqlServer: 8
        case .oracle: 10
        case .postgres: 79
        case .ciscoIOS: 20
        case .paloAlto: 61
        case .activeDirectory: 25
        }
    }

    /// 1 asset, 2 database, 3 directory.
    var entityTypeID: Int {
        switch self {
        case .sqlServer, .oracle, .postgres: 2
        case .activeDirectory: 3
        default: 1
        }
    }

    var defaultPort: Int? {
        switch self {
        case .windows: nil
        case .linux, .ciscoIOS, .paloAlto: 22
        case .sqlServer: 1433
        case .oracle: 1521
        case .postgres: 5432
        case .activeDirectory: 636
        }
    }

    var isDatabase: Bool { entityTypeID == 2 }
}

/// A managed system. Its accounts are a contiguous range of the world's account array.
struct BTSystem: Sendable {
    var id: Int
    var name: String
    var kind: BTSystemKind
    var ipAddress: String
    var dnsName: String
    var description: String
    var instanceName: String = ""
    var forestName: String = ""
    var workgroupID = 1
    var releaseDuration = 120
    var maxReleaseDuration = 525_600
    var accounts: Range<Int> = 0..<0
}

/// A managed account.
struct BTAccount: Sendable {
    var id: Int
    var systemIndex: Int
    var name: String
    /// Set for directory (domain) accounts.
    var domainName: String?
    var description: String
    var apiEnabled = true
    /// Requests for it stay `Pending` until approved.
    var requiresApproval = false
    var hasSSHKey = false
    /// ChangePasswordAfterAnyReleaseFlag: the password changes when a release ends.
    var rotatesOnRelease = false
    var defaultReleaseDuration = 120
    var maximumReleaseDuration = 525_600
    /// Seconds before the world's start instant when the password last changed.
    var lastChangeAge: Int = 86_400
}

/// A Secrets Safe folder.
struct BTFolder: Sendable {
    var id: String
    var name: String
    var description: String
    var parentIndex: Int?
    /// Names from the root, e.g. `["team", "app"]`.
    var path: [String]
}

/// A Secrets Safe secret.
struct BTSecret: Sendable {
    enum Kind: String, Sendable { case credential = "Credential", text = "Text", file = "File" }

    var id: String
    var folderIndex: Int
    var title: String
    var description: String
    var kind: Kind
    var username: String?
    var password: String?
    var text: String?
    var fileName: String?
    var fileContents: [UInt8]?
    var notes: String
    var urls: [String] = []
    var ageSeconds: Int = 7 * 86_400
}
