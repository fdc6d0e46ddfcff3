import Foundation
import PAMCore
import PAMVendors

/// The stable `--json` shapes (documented in the README). Optional fields are omitted when unknown.
enum Records {
    struct System: Encodable {
        var profile, vendor, id, name: String
        var platform, address, description: String?
    }

    struct Account: Encodable {
        var profile, vendor, id, systemId, systemName, name: String
        var domain, platform, description: String?
        var defaultDurationMinutes, maximumDurationMinutes: Int?
        var lastChange: String?
    }

    struct Request: Encodable {
        var profile, vendor, requestId, systemId, systemName, accountId, accountName, status: String
        var reason, expiresAt: String?
    }

    struct Folder: Encodable {
        var profile, vendor, id, name, path: String
        var parentId: String?
        var depth: Int
    }

    struct Secret: Encodable {
        var profile, vendor, id, title, kind: String
        var folderId, folderPath, username, fileName: String?
    }

    struct Lease: Encodable {
        var profile, vendor, requestId, systemId, systemName, accountId, accountName, issuedAt, expiresAt: String
        var reason: String?
    }

    static func system(_ system: ManagedSystem, _ client: any VendorClient) -> System {
        System(
            profile: client.profile, vendor: client.vendor.rawValue, id: system.id, name: system.name,
            platform: system.platform, address: system.address, description: system.description
        )
    }

    static func account(_ account: PAMCore.Account, _ client: any VendorClient) -> Account {
        Account(
            profile: client.profile, vendor: client.vendor.rawValue, id: account.id, systemId: account.systemID,
            systemName: account.systemName, name: account.name, domain: account.domain, platform: account.platform,
            description: account.description, defaultDurationMinutes: account.defaultDurationMinutes,
            maximumDurationMinutes: account.maximumDurationMinutes, lastChange: account.lastChange.map(WireDate.format)
        )
    }

    static func request(_ request: AccessRequest, _ client: any VendorClient) -> Request {
        Request(
            profile: client.profile, vendor: client.vendor.rawValue, requestId: request.id, systemId: request.systemID,
            systemName: request.systemName, accountId: request.accountID, accountName: request.accountName,
            status: request.status, reason: request.reason, expiresAt: request.expiresAt.map(WireDate.format)
        )
    }

    static func folder(_ node: FolderTree.Node, _ client: any VendorClient) -> Folder {
        Folder(
            profile: client.profile, vendor: client.vendor.rawValue, id: node.folder.id, name: node.folder.name,
            path: node.path, parentId: node.folder.parentID, depth: node.depth
        )
    }

    static func secret(_ secret: StoredSecret, _ client: any VendorClient) -> Secret {
        Secret(
            profile: client.profile, vendor: client.vendor.rawValue, id: secret.id, title: secret.title,
            kind: secret.kind.rawValue, folderId: secret.folderID, folderPath: secret.folderPath,
            username: secret.username, fileName: secret.fileName
        )
    }

    static func lease(_ lease: PAMCore.Lease) -> Lease {
        Lease(
            profile: lease.profile, vendor: lease.vendor.rawValue, requestId: lease.requestID, systemId: lease.systemID,
            systemName: lease.systemName, accountId: lease.accountID, accountName: lease.accountName,
            issuedAt: WireDate.format(lease.issuedAt), expiresAt: WireDate.format(lease.expiresAt), reason: lease.reason
        )
    }

    /// Prints records as one JSON document with sorted keys.
    static func print<T: Encodable>(_ value: T) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(value)
        data.withUnsafeBytes { Console.writeAll($0, to: 1) }
        Console.write("\n", to: 1)
    }
}
