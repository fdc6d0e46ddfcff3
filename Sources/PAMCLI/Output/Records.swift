import Foundation
import PAMCore
import PAMVendors

/// A `--json` record: written with its keys in sorted order.
protocol JSONRecord {
    func write(to writer: inout JSONWriter)
}

/// The stable `--json` shapes (documented in the README). Optional fields are omitted when unknown.
enum Records {
    struct System {
        var profile, vendor, id, name: String
        var platform, address, description: String?
    }

    struct Account {
        var profile, vendor, id, systemId, systemName, name: String
        var domain, platform, description: String?
        var defaultDurationMinutes, maximumDurationMinutes: Int?
        var lastChange: String?
    }

    struct Request {
        var profile, vendor, requestId, systemId, systemName, accountId, accountName, state, status: String
        var actions: [String]
        var reason, expiresAt: String?
    }

    struct Folder {
        var profile, vendor, id, name, path: String
        var parentId: String?
        var depth: Int
    }

    struct Secret {
        var profile, vendor, id, title, kind: String
        var folderId, folderPath, username, fileName: String?
    }

    struct Metadata {
        var profile, vendor, id, field: String
        var fieldId, section, value: String?
    }

    struct Template {
        var profile, vendor, id, name: String
        var fields: [SecretField]
    }

    struct Lease {
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
            maximumDurationMinutes: account.maximumDurationMinutes, lastChange: account.lastChange.map { ISODateTime.format($0) }
        )
    }

    static func request(_ request: AccessRequest, client: any VendorClient) -> Request {
        Request(
            profile: client.profile, vendor: client.vendor.rawValue, requestId: request.id, systemId: request.systemID,
            systemName: request.systemName, accountId: request.accountID, accountName: request.accountName,
            state: request.state.rawValue, status: request.vendorState, actions: request.actions.map(\.rawValue).sorted(),
            reason: request.reason, expiresAt: request.expiresAt.map { ISODateTime.format($0) }
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

    static func metadata(_ entry: MetadataEntry, _ client: any VendorClient) -> Metadata {
        Metadata(
            profile: client.profile, vendor: client.vendor.rawValue, id: entry.id, field: entry.field, fieldId: entry.fieldID,
            section: entry.section, value: entry.value)
    }

    static func template(_ template: SecretTemplate, _ client: any VendorClient) -> Template {
        Template(profile: client.profile, vendor: client.vendor.rawValue, id: template.id, name: template.name, fields: template.fields)
    }

    static func lease(_ lease: PAMCore.Lease) -> Lease {
        Lease(
            profile: lease.profile, vendor: lease.vendor.rawValue, requestId: lease.requestID, systemId: lease.systemID,
            systemName: lease.systemName, accountId: lease.accountID, accountName: lease.accountName,
            issuedAt: ISODateTime.format(lease.issuedAt), expiresAt: ISODateTime.format(lease.expiresAt), reason: lease.reason
        )
    }

    /// A request on record in the lease journal and what its server says now.
    struct Known {
        var profile, vendor, systemName, accountName, state, status, startedAt: String
        var requestId, expiresAt, reason, error: String?
    }

    static func known(_ entry: KnownLease) -> Known {
        let record = entry.record
        var known = Known(
            profile: record.profile, vendor: record.vendor.rawValue, systemName: record.systemName,
            accountName: record.accountName, state: "unknown", status: "unknown", startedAt: ISODateTime.format(record.startedAt),
            requestId: record.requestID, expiresAt: record.expiresAt.map { ISODateTime.format($0) }, reason: record.reason)
        switch entry.standing {
        case .open(let request):
            known.state = request.state.rawValue
            known.status = request.state.label
            known.requestId = request.id
            known.expiresAt = request.expiresAt.map { ISODateTime.format($0) } ?? known.expiresAt
        case .closed:
            known.state = "closed"
            known.status = "closed"
        case .unknown(let error):
            known.error = error.message
        }
        return known
    }

    /// Prints one record as a JSON object.
    static func print(_ record: some JSONRecord) {
        var writer = JSONWriter()
        record.write(to: &writer)
        writer.flush { Console.writeAll($0, to: 1) }
        Console.write("\n", to: 1)
    }
}

/// Prints records to stdout as one JSON array, flushing every megabyte, so a listing of
/// 100,000 rows never exists twice in memory.
struct JSONArrayPrinter {
    private var writer = JSONWriter(capacity: 1 << 20)

    init() { writer.beginArray() }

    mutating func append(_ record: some JSONRecord) {
        record.write(to: &writer)
        if writer.bytes.count >= 1 << 20 { writer.flush { Console.writeAll($0, to: 1) } }
    }

    mutating func finish() {
        writer.endArray()
        writer.flush { Console.writeAll($0, to: 1) }
        Console.write("\n", to: 1)
    }
}

extension Records.System: JSONRecord {
    func write(to writer: inout JSONWriter) {
        writer.object { json in
            json.optionalField("address", address)
            json.optionalField("description", description)
            json.field("id", id)
            json.field("name", name)
            json.optionalField("platform", platform)
            json.field("profile", profile)
            json.field("vendor", vendor)
        }
    }
}

extension Records.Account: JSONRecord {
    func write(to writer: inout JSONWriter) {
        writer.object { json in
            json.optionalField("defaultDurationMinutes", defaultDurationMinutes)
            json.optionalField("description", description)
            json.optionalField("domain", domain)
            json.field("id", id)
            json.optionalField("lastChange", lastChange)
            json.optionalField("maximumDurationMinutes", maximumDurationMinutes)
            json.field("name", name)
            json.optionalField("platform", platform)
            json.field("profile", profile)
            json.field("systemId", systemId)
            json.field("systemName", systemName)
            json.field("vendor", vendor)
        }
    }
}

extension Records.Request: JSONRecord {
    func write(to writer: inout JSONWriter) {
        writer.object { json in
            json.field("accountId", accountId)
            json.field("accountName", accountName)
            json.field("actions") { array in array.array { for action in actions { $0.string(action) } } }
            json.optionalField("expiresAt", expiresAt)
            json.field("profile", profile)
            json.optionalField("reason", reason)
            json.field("requestId", requestId)
            json.field("state", state)
            json.field("status", status)
            json.field("systemId", systemId)
            json.field("systemName", systemName)
            json.field("vendor", vendor)
        }
    }
}

extension Records.Folder: JSONRecord {
    func write(to writer: inout JSONWriter) {
        writer.object { json in
            json.field("depth", depth)
            json.field("id", id)
            json.field("name", name)
            json.optionalField("parentId", parentId)
            json.field("path", path)
            json.field("profile", profile)
            json.field("vendor", vendor)
        }
    }
}

extension Records.Secret: JSONRecord {
    func write(to writer: inout JSONWriter) {
        writer.object { json in
            json.optionalField("fileName", fileName)
            json.optionalField("folderId", folderId)
            json.optionalField("folderPath", folderPath)
            json.field("id", id)
            json.field("kind", kind)
            json.field("profile", profile)
            json.field("title", title)
            json.optionalField("username", username)
            json.field("vendor", vendor)
        }
    }
}

extension Records.Metadata: JSONRecord {
    func write(to writer: inout JSONWriter) {
        writer.object { json in
            json.field("field", field)
            json.optionalField("fieldId", fieldId)
            json.field("id", id)
            json.field("profile", profile)
            json.optionalField("section", section)
            json.optionalField("value", value)
            json.field("vendor", vendor)
        }
    }
}

extension Records.Template: JSONRecord {
    func write(to writer: inout JSONWriter) {
        writer.object { json in
            json.field("fields") { array in
                array.array { array in
                    for field in fields {
                        array.object { json in
                            json.field("kind", field.kind.rawValue)
                            json.field("label", field.label)
                            json.field("secret", field.isSecret)
                            json.field("slug", field.slug)
                        }
                    }
                }
            }
            json.field("id", id)
            json.field("name", name)
            json.field("profile", profile)
            json.field("vendor", vendor)
        }
    }
}

extension Records.Lease: JSONRecord {
    func write(to writer: inout JSONWriter) {
        writer.object { json in
            json.field("accountId", accountId)
            json.field("accountName", accountName)
            json.field("expiresAt", expiresAt)
            json.field("issuedAt", issuedAt)
            json.field("profile", profile)
            json.optionalField("reason", reason)
            json.field("requestId", requestId)
            json.field("systemId", systemId)
            json.field("systemName", systemName)
            json.field("vendor", vendor)
        }
    }
}

extension Records.Known: JSONRecord {
    func write(to writer: inout JSONWriter) {
        writer.object { json in
            json.field("accountName", accountName)
            json.optionalField("error", error)
            json.optionalField("expiresAt", expiresAt)
            json.field("profile", profile)
            json.optionalField("reason", reason)
            json.field("requestId", requestId)
            json.field("startedAt", startedAt)
            json.field("state", state)
            json.field("status", status)
            json.field("systemName", systemName)
            json.field("vendor", vendor)
        }
    }
}
