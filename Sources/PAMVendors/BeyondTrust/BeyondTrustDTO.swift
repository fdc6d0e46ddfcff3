/// BeyondTrust wire types, exactly as on the wire (PascalCase, with its mixed `Id`/`ID` suffixes).
public enum BeyondTrustDTO {
    /// `GET ManagedSystems` item.
    public struct ManagedSystem: Sendable, Equatable {
        public var ManagedSystemID: Int
        public var SystemName: String
        public var PlatformID: Int? = nil
        public var EntityTypeID: Int? = nil
        public var HostName: String? = nil
        public var IPAddress: String? = nil
        public var DnsName: String? = nil
        public var Port: Int? = nil
        public var Description: String? = nil
        public var ReleaseDuration: Int? = nil
        public var MaxReleaseDuration: Int? = nil
    }

    /// `GET ManagedAccounts` item (requestor view: `SystemId`/`AccountId`).
    public struct ManagedAccount: Sendable, Equatable {
        public var PlatformID: Int? = nil
        public var SystemId: Int
        public var SystemName: String? = nil
        public var DomainName: String? = nil
        public var AccountId: Int
        public var AccountName: String
        public var AccountDescription: String? = nil
        public var DefaultReleaseDuration: Int? = nil
        public var MaximumReleaseDuration: Int? = nil
        public var LastChangeDate: String? = nil
        public var NextChangeDate: String? = nil
        public var IsChanging: Bool? = nil
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
    public struct Folder: Sendable, Equatable {
        public var Id: String
        public var Name: String
        public var Description: String? = nil
        public var ParentId: String? = nil
    }

    /// `GET Secrets-Safe/Secrets` item, without its value fields.
    public struct Secret: Sendable, Equatable {
        public var Id: String
        public var Title: String
        public var Description: String? = nil
        public var Username: String? = nil
        public var SecretType: String? = nil
        public var FolderId: String? = nil
        public var FolderPath: String? = nil
        public var FileName: String? = nil
        public var ModifiedOn: String? = nil
    }
}
