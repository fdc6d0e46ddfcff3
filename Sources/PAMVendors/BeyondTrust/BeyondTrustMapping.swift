import Foundation
import PAMCore

/// Wire DTOs to domain values.
enum BeyondTrustMapping {
    /// Platform ids seen in BeyondInsight; unknown ids stay unnamed.
    static let platformNames: [Int: String] = [
        1: "Windows", 2: "Linux", 3: "Unix", 4: "AIX", 8: "MS SQL Server", 10: "Oracle",
        14: "Cisco", 25: "Active Directory", 26: "LDAP", 27: "MySQL", 79: "PostgreSQL",
    ]

    static func system(_ dto: BeyondTrustDTO.ManagedSystem) -> ManagedSystem {
        ManagedSystem(
            id: String(dto.ManagedSystemID), name: dto.SystemName,
            platform: dto.PlatformID.flatMap { platformNames[$0] },
            address: dto.IPAddress ?? dto.DnsName ?? dto.HostName, description: dto.Description,
            defaultDurationMinutes: dto.ReleaseDuration
        )
    }

    static func account(_ dto: BeyondTrustDTO.ManagedAccount) -> Account {
        Account(
            id: String(dto.AccountId), systemID: String(dto.SystemId), systemName: dto.SystemName ?? String(dto.SystemId),
            name: dto.AccountName, domain: dto.DomainName.flatMap { $0.isEmpty ? nil : $0 },
            description: dto.AccountDescription, platform: dto.PlatformID.flatMap { platformNames[$0] },
            defaultDurationMinutes: dto.DefaultReleaseDuration, maximumDurationMinutes: dto.MaximumReleaseDuration,
            lastChange: ISODateTime.parse(dto.LastChangeDate), fields: accountFields(dto.AccountName)
        )
    }

    /// A managed account yields its password, or its SSH key (`type=dsskey`), under a request.
    static func accountFields(_ name: String) -> [SecretField] {
        [
            SecretField(slug: "username", label: "Username", kind: .username, isSecret: false, plainValue: name),
            SecretField(slug: "password", label: "Password", kind: .password, isSecret: true),
            SecretField(slug: "key", label: "SSH key", kind: .privateKey, isSecret: true),
        ]
    }

    static func request(_ dto: BeyondTrustDTO.Request) -> AccessRequest {
        AccessRequest(
            id: String(dto.RequestID), systemID: String(dto.SystemID), systemName: dto.SystemName ?? String(dto.SystemID),
            accountID: String(dto.AccountID), accountName: dto.AccountName ?? String(dto.AccountID),
            state: requestState(dto.Status), vendorState: dto.Status ?? "Unknown", reason: dto.Reason,
            requestedAt: ISODateTime.parse(dto.ApprovedDate ?? dto.RequestReleaseDate), expiresAt: ISODateTime.parse(dto.ExpiresDate)
        )
    }

    /// `Status` words (spec §3.3 lists only the filters `active` and `pending`; the rest are
    /// docs/DECISIONS.md choices). An active request is a released credential: a lease.
    static func requestState(_ status: String?) -> RequestState {
        switch status?.lowercased() {
        case "active", "approved": .checkedOut
        case "pending": .pendingApproval
        case "denied": .denied
        case "expired": .expired
        default: .closed
        }
    }

    static func folder(_ dto: BeyondTrustDTO.Folder) -> Folder {
        Folder(id: dto.Id, parentID: dto.ParentId.flatMap { $0.isEmpty ? nil : $0 }, name: dto.Name, description: dto.Description)
    }

    static func secret(_ dto: BeyondTrustDTO.Secret) -> StoredSecret {
        let kind: StoredSecretKind = switch dto.SecretType?.lowercased() {
        case "file": .file
        case "text": .text
        default: .credential
        }
        return StoredSecret(
            id: dto.Id, folderID: dto.FolderId, folderPath: dto.FolderPath, title: dto.Title, kind: kind,
            username: dto.Username, fileName: dto.FileName, description: dto.Description,
            modifiedAt: ISODateTime.parse(dto.ModifiedOn)
        )
    }

    /// The lease's end: the server's ExpiresDate when it is plausible, else issue time plus duration.
    /// Servers send dates without an offset; if the appliance's clock zone differs from UTC the
    /// parsed date is hours off, and the duration is the safer truth (docs/DECISIONS.md).
    static func expiry(serverDate: Date?, issuedAt: Date, durationMinutes: Int) -> Date {
        let fromDuration = issuedAt.addingTimeInterval(TimeInterval(durationMinutes * 60))
        guard let serverDate else { return fromDuration }
        let tolerance: TimeInterval = 5 * 60
        let plausible = serverDate > issuedAt.addingTimeInterval(-tolerance) && serverDate <= fromDuration.addingTimeInterval(tolerance)
        return plausible ? serverDate : fromDuration
    }
}
