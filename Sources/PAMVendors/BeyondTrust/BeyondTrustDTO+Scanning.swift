import PAMCore

extension BeyondTrustDTO.ManagedSystem: JSONScannable {
    private enum Key {
        static let id = JSONKey("ManagedSystemID"), name = JSONKey("SystemName"), platform = JSONKey("PlatformID")
        static let entityType = JSONKey("EntityTypeID"), hostName = JSONKey("HostName"), ip = JSONKey("IPAddress")
        static let dnsName = JSONKey("DnsName"), dnsNameUpper = JSONKey("DNSName"), port = JSONKey("Port")
        static let description = JSONKey("Description"), release = JSONKey("ReleaseDuration")
        static let maxRelease = JSONKey("MaxReleaseDuration")
    }

    public init(scanning scanner: inout JSONScanner) throws {
        var id: Int?, name: String?
        self.init(ManagedSystemID: 0, SystemName: "")
        try scanner.beginObject()
        var first = true
        while let key = try scanner.nextKey(first: &first) {
            switch key {
            case Key.id: id = try scanner.int()
            case Key.name: name = try scanner.string()
            case Key.platform: PlatformID = try scanner.int()
            case Key.entityType: EntityTypeID = try scanner.int()
            case Key.hostName: HostName = try scanner.string()
            case Key.ip: IPAddress = try scanner.string()
            case Key.dnsName, Key.dnsNameUpper: DnsName = try scanner.string()
            case Key.port: Port = try scanner.int()
            case Key.description: Description = try scanner.string()
            case Key.release: ReleaseDuration = try scanner.int()
            case Key.maxRelease: MaxReleaseDuration = try scanner.int()
            default: try scanner.skipValue()
            }
        }
        guard let id else { throw WireList.missing("ManagedSystemID") }
        guard let name else { throw WireList.missing("SystemName") }
        (ManagedSystemID, SystemName) = (id, name)
    }
}

extension BeyondTrustDTO.ManagedAccount: JSONScannable {
    private enum Key {
        static let platform = JSONKey("PlatformID"), systemID = JSONKey("SystemId"), systemName = JSONKey("SystemName")
        static let domain = JSONKey("DomainName"), accountID = JSONKey("AccountId"), accountName = JSONKey("AccountName")
        static let description = JSONKey("AccountDescription"), defaultRelease = JSONKey("DefaultReleaseDuration")
        static let maxRelease = JSONKey("MaximumReleaseDuration"), lastChange = JSONKey("LastChangeDate")
        static let nextChange = JSONKey("NextChangeDate"), changing = JSONKey("IsChanging")
    }

    public init(scanning scanner: inout JSONScanner) throws {
        var systemID: Int?, accountID: Int?, accountName: String?
        self.init(SystemId: 0, AccountId: 0, AccountName: "")
        try scanner.beginObject()
        var first = true
        while let key = try scanner.nextKey(first: &first) {
            switch key {
            case Key.platform: PlatformID = try scanner.int()
            case Key.systemID: systemID = try scanner.int()
            case Key.systemName: SystemName = try scanner.string()
            case Key.domain: DomainName = try scanner.string()
            case Key.accountID: accountID = try scanner.int()
            case Key.accountName: accountName = try scanner.string()
            case Key.description: AccountDescription = try scanner.string()
            case Key.defaultRelease: DefaultReleaseDuration = try scanner.int()
            case Key.maxRelease: MaximumReleaseDuration = try scanner.int()
            case Key.lastChange: LastChangeDate = try scanner.string()
            case Key.nextChange: NextChangeDate = try scanner.string()
            case Key.changing: IsChanging = try scanner.bool()
            default: try scanner.skipValue()
            }
        }
        guard let systemID else { throw WireList.missing("SystemId") }
        guard let accountID else { throw WireList.missing("AccountId") }
        guard let accountName else { throw WireList.missing("AccountName") }
        (SystemId, AccountId, AccountName) = (systemID, accountID, accountName)
    }
}

extension BeyondTrustDTO.Folder: JSONScannable {
    private enum Key {
        static let id = JSONKey("Id"), name = JSONKey("Name"), description = JSONKey("Description"), parent = JSONKey("ParentId")
    }

    public init(scanning scanner: inout JSONScanner) throws {
        var id: String?, name: String?
        self.init(Id: "", Name: "")
        try scanner.beginObject()
        var first = true
        while let key = try scanner.nextKey(first: &first) {
            switch key {
            case Key.id: id = try scanner.string()
            case Key.name: name = try scanner.string()
            case Key.description: Description = try scanner.string()
            case Key.parent: ParentId = try scanner.string()
            default: try scanner.skipValue()
            }
        }
        guard let id else { throw WireList.missing("Id") }
        guard let name else { throw WireList.missing("Name") }
        (Id, Name) = (id, name)
    }
}

extension BeyondTrustDTO.Secret: JSONScannable {
    private enum Key {
        static let id = JSONKey("Id"), title = JSONKey("Title"), description = JSONKey("Description")
        static let username = JSONKey("Username"), type = JSONKey("SecretType"), folderID = JSONKey("FolderId")
        static let folderPath = JSONKey("FolderPath"), fileName = JSONKey("FileName"), modified = JSONKey("ModifiedOn")
    }

    /// Reads the metadata; value fields (Password, Text) are skipped without being decoded.
    public init(scanning scanner: inout JSONScanner) throws {
        var id: String?, title: String?
        self.init(Id: "", Title: "")
        try scanner.beginObject()
        var first = true
        while let key = try scanner.nextKey(first: &first) {
            switch key {
            case Key.id: id = try scanner.string()
            case Key.title: title = try scanner.string()
            case Key.description: Description = try scanner.string()
            case Key.username: Username = try scanner.string()
            case Key.type: SecretType = try scanner.string()
            case Key.folderID: FolderId = try scanner.string()
            case Key.folderPath: FolderPath = try scanner.string()
            case Key.fileName: FileName = try scanner.string()
            case Key.modified: ModifiedOn = try scanner.string()
            default: try scanner.skipValue()
            }
        }
        guard let id else { throw WireList.missing("Id") }
        guard let title else { throw WireList.missing("Title") }
        (Id, Title) = (id, title)
    }
}
