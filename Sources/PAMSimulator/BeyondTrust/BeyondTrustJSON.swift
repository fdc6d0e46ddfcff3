import PAMCore
import Crypto
import Foundation

/// The wire shapes of Password Safe objects, written field by field (PascalCase, with the
/// vendor's mixed `Id`/`ID` suffixes exactly as on the real API).
enum BeyondTrustJSON {
    static func system(_ w: inout JSONWriter, _ s: BTSystem, index: Int) {
        w.object { w in
            w.field("WorkgroupID", s.workgroupID)
            w.field("HostName", s.kind.entityTypeID == 1 ? s.name : nil as String?)
            w.field("IPAddress", s.ipAddress)
            w.field("DnsName", s.dnsName)
            w.field("InstanceName", s.instanceName)
            w.field("IsDefaultInstance", s.kind.isDatabase ? s.instanceName == "MSSQLSERVER" : nil as Bool?)
            w.field("Template", nil as String?)
            w.field("ForestName", s.forestName.isEmpty ? nil : s.forestName)
            w.field("UseSSL", s.kind == .activeDirectory ? true : nil as Bool?)
            w.field("OracleInternetDirectoryID", nil as String?)
            w.field("OracleInternetDirectoryServiceName", nil as String?)
            w.field("ManagedSystemID", s.id)
            w.field("EntityTypeID", s.kind.entityTypeID)
            w.field("AssetID", s.kind.entityTypeID == 3 ? nil : index + 1)
            w.field("DatabaseID", s.kind.isDatabase ? index + 1 : nil as Int?)
            w.field("DirectoryID", s.kind == .activeDirectory ? index + 1 : nil as Int?)
            w.field("CloudID", nil as Int?)
            w.field("SystemName", s.name)
            w.field("Timeout", 30)
            w.field("PlatformID", s.kind.platformID)
            w.field("NetBiosName", s.kind == .windows ? s.name.uppercased() : nil as String?)
            w.field("ContactEmail", "pam-team@corp.example.test")
            w.field("Description", s.description)
            w.field("Port", s.kind.defaultPort)
            w.field("PasswordRuleID", 0)
            w.field("DSSKeyRuleID", s.kind == .linux ? 0 : nil as Int?)
            w.field("LoginAccountID", nil as Int?)
            w.field("AccountNameFormat", 0)
            w.field("ReleaseDuration", s.releaseDuration)
            w.field("MaxReleaseDuration", s.maxReleaseDuration)
            w.field("ISAReleaseDuration", s.releaseDuration)
            w.field("AutoManagementFlag", true)
            w.field("FunctionalAccountID", nil as Int?)
            w.field("ElevationCommand", nil as String?)
            w.field("CheckPasswordFlag", false)
            w.field("ChangePasswordAfterAnyReleaseFlag", false)
            w.field("ResetPasswordOnMismatchFlag", false)
            w.field("ChangeFrequencyType", "xdays")
            w.field("ChangeFrequencyDays", 30)
            w.field("ChangeTime", "23:30")
            w.field("RemoteClientType", "None")
            w.field("SshKeyEnforcementMode", s.kind == .linux ? 0 : nil as Int?)
            w.field("ApplicationHostID", nil as Int?)
            w.field("IsApplicationHost", false)
            w.field("AccessURL", nil as String?)
        }
    }

    /// The requestor view (`GET ManagedAccounts`): note `SystemId` / `AccountId`.
    static func requestorAccount(_ w: inout JSONWriter, _ index: Int, world: BeyondTrustWorld, state: BeyondTrustState) {
        let a = world.accounts[index]
        let s = world.systems[a.systemIndex]
        let lastChange = state.lastChange(index, world: world)
        w.object { w in
            w.field("PlatformID", s.kind.platformID)
            w.field("SystemId", s.id)
            w.field("SystemName", s.name)
            w.field("DomainName", a.domainName)
            w.field("AccountId", a.id)
            w.field("AccountName", a.name)
            w.field("InstanceName", s.instanceName)
            w.field("UserPrincipalName", a.domainName.map { "\(a.name)@\($0)" })
            w.field("AccountDescription", a.description)
            w.field("ApplicationID", nil as Int?)
            w.field("ApplicationDisplayName", nil as String?)
            w.field("DefaultReleaseDuration", a.defaultReleaseDuration)
            w.field("MaximumReleaseDuration", a.maximumReleaseDuration)
            w.field("LastChangeDate", date: lastChange)
            w.field("NextChangeDate", date: lastChange.addingTimeInterval(30 * 86_400))
            w.field("IsChanging", false)
            w.field("ChangeState", 0)
            w.field("IsISAAccess", false)
            w.field("PreferredNodeID", "00000000-0000-0000-0000-000000000000")
        }
    }

    /// The provisioning view (`GET ManagedAccounts/{id}`): `ManagedAccountID` / `ManagedSystemID`.
    static func provisioningAccount(_ w: inout JSONWriter, _ index: Int, world: BeyondTrustWorld, state: BeyondTrustState) {
        let a = world.accounts[index]
        let s = world.systems[a.systemIndex]
        let lastChange = state.lastChange(index, world: world)
        w.object { w in
            w.field("ManagedAccountID", a.id)
            w.field("ManagedSystemID", s.id)
            w.field("DomainName", a.domainName)
            w.field("AccountName", a.name)
            w.field("DistinguishedName", a.domainName.map { "CN=\(a.name),CN=Users,DC=" + $0.split(separator: ".").joined(separator: ",DC=") })
            w.field("PasswordFallbackFlag", false)
            w.field("LoginAccountFlag", false)
            w.field("UserPrincipalName", a.domainName.map { "\(a.name)@\($0)" })
            w.field("SAMAccountName", a.domainName == nil ? nil : a.name)
            w.field("Description", a.description)
            w.field("PasswordRuleID", 0)
            w.field("ApiEnabled", a.apiEnabled)
            w.field("ReleaseNotificationEmail", nil as String?)
            w.field("ChangeServicesFlag", false)
            w.field("RestartServicesFlag", false)
            w.field("ChangeTasksFlag", false)
            w.field("ReleaseDuration", a.defaultReleaseDuration)
            w.field("MaxReleaseDuration", a.maximumReleaseDuration)
            w.field("ISAReleaseDuration", a.defaultReleaseDuration)
            w.field("MaxConcurrentRequests", 1)
            w.field("AutoManagementFlag", true)
            w.field("DSSAutoManagementFlag", a.hasSSHKey)
            w.field("CheckPasswordFlag", false)
            w.field("ResetPasswordOnMismatchFlag", false)
            w.field("ChangePasswordAfterAnyReleaseFlag", a.rotatesOnRelease)
            w.field("ChangeFrequencyType", "xdays")
            w.field("ChangeFrequencyDays", 30)
            w.field("ChangeTime", "23:30")
            w.field("ParentAccountID", nil as Int?)
            w.field("IsSubscribedAccount", false)
            w.field("LastChangeDate", date: lastChange)
            w.field("NextChangeDate", date: lastChange.addingTimeInterval(30 * 86_400))
            w.field("IsChanging", false)
            w.field("ChangeState", 0)
            w.field("UseOwnCredentials", false)
            w.field("WorkgroupID", s.workgroupID)
            w.field("ChangeIISAppPoolFlag", false)
            w.field("RestartIISAppPoolFlag", false)
            w.field("ChangeWindowsAutoLogonFlag", false)
            w.field("ChangeComPlusFlag", false)
            w.field("ChangeDComFlag", false)
            w.field("ChangeSComFlag", false)
            w.field("ObjectID", nil as String?)
        }
    }

    static func request(_ w: inout JSONWriter, _ r: BTRequest, world: BeyondTrustWorld) {
        let a = world.accounts[r.accountIndex]
        let s = world.systems[a.systemIndex]
        w.object { w in
            w.field("RequestID", r.id)
            w.field("RequestorName", r.userName)
            w.field("SystemID", r.systemID)
            w.field("SystemName", s.name)
            w.field("ManagedSystemName", s.name)
            w.field("AccountID", r.accountID)
            w.field("AccountName", a.name)
            w.field("DomainName", a.domainName)
            w.field("AliasID", nil as Int?)
            w.field("ApplicationID", nil as Int?)
            w.field("RequestReleaseDate", date: r.requested)
            w.field("ApprovedDate", date: r.approved)
            w.field("ExpiresDate", date: r.expires)
            w.field("CanceledDate", date: nil)
            w.field("Status", r.status.rawValue)
            w.field("AccessType", r.accessType)
            w.field("Reason", r.reason)
            w.field("APIOnlyAccess", false)
        }
    }

    static func folder(_ w: inout JSONWriter, _ index: Int, world: BeyondTrustWorld) {
        let f = world.folders[index]
        w.object { w in
            w.field("Id", f.id)
            w.field("Name", f.name)
            w.field("Description", f.description)
            w.field("ParentId", f.parentIndex.map { world.folders[$0].id })
            w.field("UserGroupId", nil as Int?)
            w.field("UserId", f.path.first == "Personal" ? 2 : nil as Int?)
            w.field("FolderOwnerId", 2)
            w.field("IsFavorite", false)
        }
    }

    /// A secret; the password is left out when `decrypt` is false.
    static func secret(_ w: inout JSONWriter, _ index: Int, world: BeyondTrustWorld, decrypt: Bool, version: APIVersion) {
        let s = world.secrets[index]
        let changed = world.start.addingTimeInterval(-TimeInterval(s.ageSeconds))
        w.object { w in
            w.field("Id", s.id)
            w.field("Title", s.title)
            w.field("Description", s.description)
            w.field("Username", s.username)
            // Both official SDKs read `Password` for every secret that is not a File, so a Text
            // secret's value is served there as well as in `Text`.
            w.field("Password", decrypt ? (s.password ?? s.text) : nil)
            w.field("FileName", s.fileName)
            w.field("FileHash", s.fileContents.map { SHA256.hash(data: $0).map { String(format: "%02X", $0) }.joined() })
            w.field("Text", decrypt ? s.text : nil)
            w.field("SecretType", s.kind.rawValue)
            w.field("FolderId", world.folders[s.folderIndex].id)
            w.field("Folder", world.folders[s.folderIndex].name)
            w.field("FolderPath", world.folderPath(s.folderIndex))
            w.field("CreatedOn", date: changed)
            w.field("CreatedBy", BeyondTrustSecrets.runAsUser)
            w.field("ModifiedOn", date: changed)
            w.field("ModifiedBy", BeyondTrustSecrets.runAsUser)
            if version >= APIVersion(3, 2) { w.field("SecretValueModifiedOn", date: changed) }
            if version < APIVersion(3, 1) {
                w.field("OwnerId", 2)
                w.field("Owner", BeyondTrustSecrets.runAsUser)
                w.field("OwnerType", "User")
            } else {
                w.field("Owners") { w in
                    w.array { w in
                        w.object { w in
                            w.field("GroupId", nil as Int?)
                            w.field("UserId", 2)
                            w.field("Name", BeyondTrustSecrets.runAsUser)
                            w.field("Email", "svc-pamtui@corp.example.test")
                        }
                    }
                }
            }
            w.field("Notes", s.notes)
            w.field("Urls") { w in
                w.array { w in
                    for (number, url) in s.urls.enumerated() {
                        w.object { w in
                            w.field("Id", "\(s.id.prefix(24))\(String(format: "%012d", number + 1))")
                            w.field("CredentialId", s.id)
                            w.field("Url", url)
                        }
                    }
                }
            }
            w.field("IsFavorite", false)
        }
    }
}
