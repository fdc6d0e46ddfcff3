/// BeyondTrust wire types, exactly as on the wire (PascalCase, with its mixed `Id`/`ID` suffixes).
public enum BeyondTrustDTO {
    /// `GET ManagedSystems` item.
    public struct ManagedSystem: Codable, Sendable, Equatable {
        public var ManagedSystemID: Int
        public var SystemName: String
        public var PlatformID: Int?
        public var EntityTypeID: Int?
        public var HostName: String?
        public var IPAddress: String?
        public var DnsName: String?
        public var Port: Int?
        public var Description: String?
        public var ReleaseDuration: Int?
        public var MaxReleaseDuration: Int?
    }

    /// `GET ManagedAccounts` item (requestor view: `SystemId`/`AccountId`).
    public struct ManagedAccount: Codable, Sendable, Equatable {
        public var PlatformID: Int?
        public var SystemId: Int
        public var SystemName: String?
        public var DomainName: String?
        public var AccountId: Int
        public var AccountName: String
        public var AccountDescription: String?
        public var DefaultReleaseDuration: Int?
        public var MaximumReleaseDuration: Int?
        public var LastChangeDate: String?
        public var NextChangeDate: String?
        public var IsChanging: Bool?
    }

    /// `POST Requests` body.
    public struct RequestBody: Codable, Sendable, Equatable {
        public var SystemID: Int
        public var AccountID: Int
        public var DurationMinutes: Int
        public var Reason: String?
        public var AccessType: String?
        public var ConflictOption: String?
    }

    /// `GET Requests` item.
    public struct Request: Codable, Sendable, Equatable {
        public var RequestID: Int
        public var SystemID: Int
        public var SystemName: String?
        public var AccountID: Int
        public var AccountName: String?
        public var DomainName: String?
        public var RequestReleaseDate: String?
        public var ApprovedDate: String?
        public var ExpiresDate: String?
        public var Status: String?
        public var AccessType: String?
        public var Reason: String?
    }

    /// `PUT Requests/{id}/Checkin` body.
    public struct CheckinBody: Codable, Sendable, Equatable {
        public var Reason: String?
    }

    /// `POST Auth/connect/token` answer.
    public struct Token: Decodable, Sendable {
        public var access_token: String
        public var expires_in: Int?
        public var token_type: String?
    }

    /// `GET Secrets-Safe/Folders` item.
    public struct Folder: Codable, Sendable, Equatable {
        public var Id: String
        public var Name: String
        public var Description: String?
        public var ParentId: String?
    }

    /// `GET Secrets-Safe/Secrets` item, without its value fields.
    public struct Secret: Codable, Sendable, Equatable {
        public var Id: String
        public var Title: String
        public var Description: String?
        public var Username: String?
        public var SecretType: String?
        public var FolderId: String?
        public var FolderPath: String?
        public var FileName: String?
        public var ModifiedOn: String?
    }
}
