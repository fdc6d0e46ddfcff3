import PAMCore

extension BeyondTrustDTO.ManagedSystem: JSONScannable {
    private struct Keys {
        let id = JSONKey("ManagedSystemID"), name = JSONKey("SystemName"), platform = JSONKey("PlatformID")
        let entityType = JSONKey("EntityTypeID"), hostName = JSONKey("HostName"), ip = JSONKey("IPAddress")
        let dnsName = JSONKey("DnsName"), dnsNameUpper = JSONKey("DNSName"), port = JSONKey("Port")
        let description = JSONKey("Description"), release = JSONKey("ReleaseDuration")
        let maxRelease = JSONKey("MaxReleaseDuration")
        static let shared = Keys()
    }

    public init(scanning scanner: inout JSONScanner) throws {
        var id: Int?, name: String?
        self.init(ManagedSystemID: 0, SystemName: "")
        let key = Keys.shared
        try JSONScanner.readObject(&scanner) { member, scanner in
            switch member {
            case key.id: id = try scanner.int()
            case key.name: name = try scanner.string()
            case key.platform: PlatformID = try scanner.int()
            case key.entityType: EntityTypeID = try scanner.int()
            case key.hostName: HostName = try scanner.string()
            case key.ip: IPAddress = try scanner.string()
            case key.dnsName, key.dnsNameUpper: DnsName = try scanner.string()
            case key.port: Port = try scanner.int()
            case key.description: Description = try scanner.string()
            case key.release: ReleaseDuration = try scanner.int()
            case key.maxRelease: MaxReleaseDuration = try scanner.int()
            default: return false
            }
            return true
        }
        guard let id else { throw WireList.missing("ManagedSystemID") }
        guard let name else { throw WireList.missing("SystemName") }
        (ManagedSystemID, SystemName) = (id, name)
    }
}

extension BeyondTrustDTO.ManagedAccount: JSONScannable {
    private struct Keys {
        let platform = JSONKey("PlatformID"), systemID = JSONKey("SystemId"), systemName = JSONKey("SystemName")
        let domain = JSONKey("DomainName"), accountID = JSONKey("AccountId"), accountName = JSONKey("AccountName")
        let description = JSONKey("AccountDescription"), defaultRelease = JSONKey("DefaultReleaseDuration")
        let maxRelease = JSONKey("MaximumReleaseDuration"), lastChange = JSONKey("LastChangeDate")
        let nextChange = JSONKey("NextChangeDate"), changing = JSONKey("IsChanging")
        static let shared = Keys()
    }

    public init(scanning scanner: inout JSONScanner) throws {
        var systemID: Int?, accountID: Int?, accountName: String?
        self.init(SystemId: 0, AccountId: 0, AccountName: "")
        let key = Keys.shared
        try JSONScanner.readObject(&scanner) { member, scanner in
            switch member {
            case key.platform: PlatformID = try scanner.int()
            case key.systemID: systemID = try scanner.int()
            case key.systemName: SystemName = try scanner.string()
            case key.domain: DomainName = try scanner.string()
            case key.accountID: accountID = try scanner.int()
            case key.accountName: accountName = try scanner.string()
            case key.description: AccountDescription = try scanner.string()
            case key.defaultRelease: DefaultReleaseDuration = try scanner.int()
            case key.maxRelease: MaximumReleaseDuration = try scanner.int()
            case key.lastChange: LastChangeDate = try scanner.string()
            case key.nextChange: NextChangeDate = try scanner.string()
            case key.changing: IsChanging = try scanner.bool()
            default: return false
            }
            return true
        }
        guard let systemID else { throw WireList.missing("SystemId") }
        guard let accountID else { throw WireList.missing("AccountId") }
        guard let accountName else { throw WireList.missing("AccountName") }
        (SystemId, AccountId, AccountName) = (systemID, accountID, accountName)
    }
}

extension BeyondTrustDTO.Folder: JSONScannable {
    private struct Keys {
        let id = JSONKey("Id"), name = JSONKey("Name"), description = JSONKey("Description"), parent = JSONKey("ParentId")
        static let shared = Keys()
    }

    public init(scanning scanner: inout JSONScanner) throws {
        var id: String?, name: String?
        self.init(Id: "", Name: "")
        let key = Keys.shared
        try JSONScanner.readObject(&scanner) { member, scanner in
            switch member {
            case key.id: id = try scanner.string()
            case key.name: name = try scanner.string()
            case key.description: Description = try scanner.string()
            case key.parent: ParentId = try scanner.string()
            default: return false
            }
            return true
        }
        guard let id else { throw WireList.missing("Id") }
        guard let name else { throw WireList.missing("Name") }
        (Id, Name) = (id, name)
    }
}

extension BeyondTrustDTO.Secret: JSONScannable {
    private struct Keys {
        let id = JSONKey("Id"), title = JSONKey("Title"), description = JSONKey("Description")
        let username = JSONKey("Username"), type = JSONKey("SecretType"), folderID = JSONKey("FolderId")
        let folderPath = JSONKey("FolderPath"), fileName = JSONKey("FileName"), modified = JSONKey("ModifiedOn")
        static let shared = Keys()
    }

    /// Reads the metadata; value fields (Password, Text) are skipped without being decoded.
    public init(scanning scanner: inout JSONScanner) throws {
        var id: String?, title: String?
        self.init(Id: "", Title: "")
        let key = Keys.shared
        try JSONScanner.readObject(&scanner) { member, scanner in
            switch member {
            case key.id: id = try scanner.string()
            case key.title: title = try scanner.string()
            case key.description: Description = try scanner.string()
            case key.username: Username = try scanner.string()
            case key.type: SecretType = try scanner.string()
            case key.folderID: FolderId = try scanner.string()
            case key.folderPath: FolderPath = try scanner.string()
            case key.fileName: FileName = try scanner.string()
            case key.modified: ModifiedOn = try scanner.string()
            default: return false
            }
            return true
        }
        guard let id else { throw WireList.missing("Id") }
        guard let title else { throw WireList.missing("Title") }
        (Id, Title) = (id, title)
    }
}
