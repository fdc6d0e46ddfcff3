import Foundation

/// The seeded demo world: the seed's objects (folders 1809–1831, secrets 2608–2621, metadata
/// fields 1–4) with their ids, plus a realistic tree of Windows and Unix accounts, SQL logins,
/// web passwords, SSH keys and certificates, and secrets that need a check-out, a comment, an
/// approval or a DoubleLock password.
extension SecretServerWorld {
    /// The demo user the simulator hands out; it signs in with or without its domain.
    static let demoUserID = 232
    static let demoUserName = "flex_api"
    static let demoDomain = "DAISYOPS"
    /// A second user whose sign-in needs the `otp` header.
    static let otpUserID = 233
    static let otpUserName = "flex_otp"
    /// The user holding a check-out at start.
    static let otherUserID = 35
    static let otherUserName = "jdoe"

    mutating func addDemoUsers() {
        users = [
            SSUser(id: Self.demoUserID, userName: Self.demoUserName, displayName: Self.demoUserName, domain: Self.demoDomain,
                   password: SecretServerCredentials.password(seed: seed, user: Self.demoUserName)),
            SSUser(id: Self.otpUserID, userName: Self.otpUserName, displayName: "Flex OTP", domain: nil,
                   password: SecretServerCredentials.password(seed: seed, user: Self.otpUserName),
                   otp: SecretServerCredentials.otpCode(seed: seed)),
            SSUser(id: 34, userName: "ckay", displayName: "Christopher Kay", domain: Self.demoDomain, password: nil),
            SSUser(id: Self.otherUserID, userName: Self.otherUserName, displayName: "Jordan Doe", domain: Self.demoDomain,
                   password: SecretServerCredentials.password(seed: seed, user: Self.otherUserName)),
        ]
    }

    mutating func addDemoFolders() {
        // Root folders inherit nothing (the seed's 1809 says so); the others inherit both.
        let tree: [(Int, String, Int)] = [
            (1809, "Flex_API_Testing", -1), (1814, "Daisy Group", 1809), (1821, "Daisy Group 101", 1809),
            (1830, "Folder 007", 1821), (1831, "Extra Double Secret 009", 1821),
            (1700, "Infrastructure", -1), (1701, "Windows Servers", 1700), (1702, "Linux Servers", 1700),
            (1703, "Databases", 1700), (1704, "Network", 1700),
            (1710, "Applications", -1), (1711, "Web", 1710), (1712, "Certificates", 1710),
            (1720, "Restricted", -1),
        ]
        for (id, name, parent) in tree {
            var folder = SSFolder(id: id, name: name, parentID: parent)
            folder.inheritPermissions = parent != -1
            folder.inheritSecretPolicy = parent != -1
            put(folder)
        }
        nextFolderID = 1928
    }

    /// A secret of `templateID` with `values` by slug; file fields take `files` (name, bytes).
    mutating func makeSecret(
        _ id: Int, _ name: String, folder: Int, template templateID: Int, created: Date,
        values: [String: String], files: [String: (name: String, bytes: [UInt8])] = [:], itemIDs: [Int]? = nil
    ) -> SSSecret {
        var secret = SSSecret(id: id, name: name, folderID: folder, templateID: templateID, created: created)
        guard let shape = self.template(templateID) else { return secret }
        for (index, field) in shape.fields.enumerated() {
            let itemID = itemIDs.map { $0[index] } ?? takeItemID()
            var value = values[field.slug] ?? ""
            if field.kind == .password, values[field.slug] == nil, field.slug != "private-key-passphrase" {
                value = password(secretID: id, fieldID: field.id, version: 0)
            }
            var file: SSFile?
            if let attached = files[field.slug] {
                file = SSFile(id: takeFileID(), name: attached.name, bytes: attached.bytes)
            }
            secret.items.append(SSItem(itemID: itemID, fieldID: field.id, value: value, file: file))
        }
        return secret
    }

    mutating func addDemoSecrets(_ generator: inout SeededGenerator) {
        // Demo items and files number below the seed's: its next item is 24216, its next file 5.
        nextItemID = 23_000
        nextFileID = 1
        let start = self.start
        let ago = { (days: Double) in start.addingTimeInterval(-days * 86_400) }
        let seedDate = { (text: String) in SecretServerDate.parse(text) ?? start }
        let unix = SecretServerTemplates.unixSSH
        let placeholder = SecretServerJSON.notForDisplay

        // The seed's secrets in \Flex_API_Testing, with its ids, values and dates.
        put(makeSecret(2608, "New Updated Secret Name", folder: 1809, template: unix, created: seedDate("2021-05-18T06:57:38.433"),
                       values: ["machine": "Create Test", "username": "root", "notes": "Initial Notes Value", "private-key": placeholder]))
        put(makeSecret(2610, "New XXX UPDATED Secret Name", folder: 1809, template: unix, created: seedDate("2021-05-18T10:12:41.18"),
                       values: ["machine": "Create Test", "username": "root", "password-1": "newpassword", "notes": "Initial Notes Value",
                                "private-key": placeholder, "private-key-passphrase": ""],
                       itemIDs: Array(24052...24057)))
        put(makeSecret(2620, "Secret 007", folder: 1809, template: unix, created: seedDate("2021-05-21T08:37:11.22"),
                       values: ["machine": "Create 007 Test", "username": "root", "notes": "Initial Notes Value"]))
        put(makeSecret(2621, "Secret 008", folder: 1809, template: unix, created: seedDate("2021-05-21T08:45:17.293"),
                       values: ["machine": "Create 008 Test", "username": "root", "notes": "Initial Notes Value"]))
        put(makeSecret(2611, "Daisy shared mailbox", folder: 1814, template: SecretServerTemplates.webPassword, created: ago(200),
                       values: ["url": "https://mail.daisy.example.test/owa", "username": "daisy-shared@daisy.example.test", "notes": ""]))

        // A realistic tree.
        let windows = SecretServerTemplates.windows, ad = SecretServerTemplates.activeDirectory
        let sql = SecretServerTemplates.sqlServer, web = SecretServerTemplates.webPassword
        put(makeSecret(2501, "WIN-DC01 Administrator", folder: 1701, template: windows, created: ago(400),
                       values: ["machine": "win-dc01.corp.example.test", "username": "Administrator", "notes": "Primary domain controller."]))
        put(makeSecret(2502, "WIN-APP01 svc-backup", folder: 1701, template: windows, created: ago(310),
                       values: ["machine": "win-app01.corp.example.test", "username": "svc-backup", "notes": "Veeam backup service."]))
        put(makeSecret(2503, "WIN-FS01 Administrator", folder: 1701, template: windows, created: ago(290),
                       values: ["machine": "win-fs01.corp.example.test", "username": "Administrator", "notes": ""]))
        put(makeSecret(2504, "CORP svc-sql", folder: 1700, template: ad, created: ago(500),
                       values: ["domain": "corp.example.test", "username": "svc-sql", "notes": "Runs the SQL Server services."]))
        put(makeSecret(2505, "CORP adm-jdoe", folder: 1700, template: ad, created: ago(120),
                       values: ["domain": "corp.example.test", "username": "adm-jdoe", "notes": "Jordan's admin account."]))
        put(makeSecret(2511, "lnx-web01 root", folder: 1702, template: unix, created: ago(260),
                       values: ["machine": "lnx-web01.corp.example.test", "username": "root", "notes": "nginx front end."]))
        put(makeSecret(2512, "lnx-db01 postgres", folder: 1702, template: unix, created: ago(240),
                       values: ["machine": "lnx-db01.corp.example.test", "username": "postgres", "notes": ""]))
        let bastionKey = DemoSecrets.privateKeyPEM(seed: seed, key: "secretserver/2513")
        put(makeSecret(2513, "lnx-bastion deploy", folder: 1702, template: SecretServerTemplates.unixKeyRotation, created: ago(90),
                       values: ["machine": "bastion.corp.example.test", "username": "deploy", "private-key": placeholder,
                                "public-key": placeholder, "private-key-passphrase": "", "notes": "Deploy key for CI."],
                       files: ["private-key": ("id_ecdsa", Array(bastionKey.utf8)),
                               "public-key": ("id_ecdsa.pub", Array("ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTY= deploy@bastion\n".utf8))]))
        put(makeSecret(2521, "SQL01 sa", folder: 1703, template: sql, created: ago(700),
                       values: ["server": "sql01.corp.example.test,1433", "database": "master", "username": "sa", "notes": ""]))
        put(makeSecret(2522, "SQL01 app_reporting", folder: 1703, template: sql, created: ago(180),
                       values: ["server": "sql01.corp.example.test,1433", "database": "Reporting", "username": "app_reporting", "notes": "Read only."]))
        put(makeSecret(2531, "fw01 admin console", folder: 1704, template: web, created: ago(365),
                       values: ["url": "https://fw01.corp.example.test/", "username": "admin", "notes": "Palo Alto management UI."]))
        put(makeSecret(2532, "Grafana admin", folder: 1711, template: web, created: ago(60),
                       values: ["url": "https://grafana.corp.example.test/login", "username": "admin", "notes": ""]))
        put(makeSecret(2533, "Jira service account", folder: 1711, template: web, created: ago(45),
                       values: ["url": "https://jira.corp.example.test/", "username": "svc-jira", "notes": ""]))
        let certKey = DemoSecrets.privateKeyPEM(seed: seed, key: "secretserver/2534")
        put(makeSecret(2534, "wildcard.corp.example.test", folder: 1712, template: SecretServerTemplates.certificate, created: ago(30),
                       values: ["common-name": "*.corp.example.test", "certificate": placeholder, "private-key": placeholder, "notes": "Renew before expiry."],
                       files: ["certificate": ("wildcard.crt", Array("-----BEGIN CERTIFICATE-----\nMIIBdemo\n-----END CERTIFICATE-----\n".utf8)),
                               "private-key": ("wildcard.key", Array(certKey.utf8))]))

        // Secrets with access rules, in \Restricted.
        var checkout = makeSecret(2540, "Domain Admin (check-out)", folder: 1720, template: ad, created: ago(800),
                                  values: ["domain": "corp.example.test", "username": "Administrator", "notes": "Checked out for 30 minutes; rotated on check-in."])
        checkout.checkOutEnabled = true
        checkout.checkOutIntervalMinutes = 30
        checkout.checkOutChangePasswordEnabled = true
        checkout.heartbeatStatus = "Success"
        checkout.lastHeartBeatCheck = ago(0.1)
        put(checkout)
        var comment = makeSecret(2541, "Payroll DB sa (comment required)", folder: 1720, template: sql, created: ago(600),
                                 values: ["server": "payroll-sql.corp.example.test", "database": "Payroll", "username": "sa", "notes": ""])
        comment.requiresComment = true
        put(comment)
        var approval = makeSecret(2542, "HSM admin (approval required)", folder: 1720, template: windows, created: ago(900),
                                  values: ["machine": "hsm01.corp.example.test", "username": "hsmadmin", "notes": ""])
        approval.requiresApproval = true
        put(approval)
        var held = makeSecret(2543, "Break-glass root (checked out by jdoe)", folder: 1720, template: unix, created: ago(1000),
                              values: ["machine": "core-sw01.corp.example.test", "username": "root", "notes": "Emergency only."])
        held.checkOutEnabled = true
        held.checkOutIntervalMinutes = 60
        held.checkOutChangePasswordEnabled = true
        held.checkout = SSCheckout(userID: Self.otherUserID, end: start.addingTimeInterval(45 * 60))
        put(held)
        var both = makeSecret(2544, "Backup vault (comment and check-out)", folder: 1720, template: windows, created: ago(500),
                              values: ["machine": "vault01.corp.example.test", "username": "vaultadmin", "notes": ""])
        both.requiresComment = true
        both.checkOutEnabled = true
        both.checkOutIntervalMinutes = 15
        put(both)
        var doubleLock = makeSecret(2545, "Treasury portal (DoubleLock)", folder: 1720, template: web, created: ago(400),
                                    values: ["url": "https://treasury.example.test/", "username": "treasurer", "notes": ""])
        doubleLock.doubleLockPassword = SecretServerCredentials.doubleLockPassword(seed: seed)
        doubleLock.doubleLockID = 1
        put(doubleLock)
        var approved = makeSecret(2546, "Vendor VPN (approved)", folder: 1720, template: web, created: ago(300),
                                  values: ["url": "https://vpn.vendor.example.test/", "username": "corp-support", "notes": "Approved for flex_api for 8 hours."])
        approved.requiresApproval = true
        approved.approvedUntil = [Self.demoUserID: start.addingTimeInterval(8 * 3600)]
        put(approved)
        nextSecretID = max(nextSecretID, 2623)
        nextItemID = 24216
        nextFileID = 5
    }

    mutating func addDemoMetadata() {
        metadataSections = [
            1: SSMetadataSection(id: 1, name: "Test", description: "Test section"),
            2: SSMetadataSection(id: 2, name: "Secret Section", description: "Secret metadata"),
        ]
        metadataFields = [
            1: SSMetadataField(id: 1, name: "Test", sectionID: 1, dataType: "String"),
            2: SSMetadataField(id: 2, name: "Test 2", sectionID: 1, dataType: "String"),
            3: SSMetadataField(id: 3, name: "Secret Test", sectionID: 2, dataType: "String"),
            4: SSMetadataField(id: 4, name: "Secret Test 2", sectionID: 2, dataType: "String"),
        ]
        let start = self.start
        let date = { (text: String) in SecretServerDate.parse(text) ?? start }
        let values = [
            SSMetadataValue(id: 1, type: .folder, itemID: 1814, fieldID: 1, valueString: "Test", created: date("2021-05-19T11:41:03.983"), createUserID: 34),
            SSMetadataValue(id: 2, type: .folder, itemID: 1814, fieldID: 2, valueString: "Test 2", created: date("2021-05-19T12:53:19.047"), createUserID: 34),
            SSMetadataValue(id: 3, type: .secret, itemID: 2610, fieldID: 3, valueString: "Owner: platform team", created: date("2021-05-20T09:10:11.5"), createUserID: 34),
            SSMetadataValue(id: 4, type: .secret, itemID: 2610, fieldID: 4, valueString: "CC-1042", created: date("2021-05-20T09:11:02.25"), createUserID: 34),
            SSMetadataValue(id: 5, type: .secret, itemID: 2501, fieldID: 3, valueString: "Owner: Windows team", created: date("2022-01-10T08:00:00"), createUserID: 34),
            SSMetadataValue(id: 6, type: .folder, itemID: 1720, fieldID: 1, valueString: "Audited quarterly", created: date("2022-03-01T10:30:00"), createUserID: 34),
        ]
        for value in values { metadataValues[value.id] = value }
    }

    /// `--scale N`: N more secrets, 100 to a folder under `\Generated`.
    mutating func addGeneratedSecrets(count: Int, _ generator: inout SeededGenerator) {
        guard count > 0 else { indexFolders(); return }
        let root = 5000
        put(SSFolder(id: root, name: "Generated", parentID: -1))
        let kinds = [SecretServerTemplates.windows, SecretServerTemplates.unixSSH, SecretServerTemplates.sqlServer, SecretServerTemplates.webPassword]
        let folderCount = max(1, (count + 99) / 100)
        for index in 0..<folderCount {
            put(SSFolder(id: root + 1 + index, name: String(format: "Batch %04d", index + 1), parentID: root))
        }
        var itemID = 1_000_000
        for index in 0..<count {
            let id = 100_000 + index
            let templateID = kinds[index % kinds.count]
            guard let template = self.template(templateID) else { continue }
            let host = "host\(String(format: "%06d", index)).gen.example.test"
            var secret = SSSecret(id: id, name: "gen-\(String(format: "%06d", index)) \(template.name)", folderID: root + 1 + index / 100,
                                  templateID: templateID, created: start.addingTimeInterval(-Double(index % 1000) * 3600))
            for field in template.fields {
                let value: String = switch field.kind {
                case .password: field.slug == "private-key-passphrase" ? "" : password(secretID: id, fieldID: field.id, version: 0)
                case .url: "https://\(host)/"
                case .file, .notes: ""
                case .text: ["machine": host, "server": host, "username": "svc-\(generator.hex(4))", "database": "app"][field.slug] ?? host
                }
                secret.items.append(SSItem(itemID: itemID, fieldID: field.id, value: value))
                itemID += 1
            }
            put(secret)
        }
        indexFolders()
    }
}
