import Foundation

extension BeyondTrustWorld {
    /// The named demo systems (fixed ids and names, used by docs, seeds and tests), then a
    /// seed-dependent spread of further systems.
    mutating func addDemoSystems(_ generator: inout SeededGenerator) {
        func account(_ id: Int, _ name: String, _ description: String, domain: String? = nil) -> BTAccount {
            BTAccount(id: id, systemIndex: 0, name: name, domainName: domain, description: description,
                      lastChangeAge: 3600 * Int(1 + generator.next() % 24 * 30))
        }

        var root = account(12, "root", "Superuser, SSH key managed")
        root.hasSSHKey = true
        root.rotatesOnRelease = true
        var deploy = account(16, "deploy", "CI deployment user")
        deploy.hasSSHKey = true
        var legacy = account(17, "backup-legacy", "Old backup job account, not enabled for API access")
        legacy.apiEnabled = false
        addSystem(BTSystem(id: 5, name: "srv1", kind: .linux, ipAddress: "10.20.0.11", dnsName: "srv1.corp.example.test",
                           description: "Ubuntu 22.04 application server"),
                  accounts: [root, deploy, legacy])

        var postgres = account(14, "postgres", "PostgreSQL OS owner")
        postgres.hasSSHKey = true
        addSystem(BTSystem(id: 13, name: "srv-db-01", kind: .linux, ipAddress: "10.0.0.5", dnsName: "srv-db-01.corp.example.test",
                           description: "RHEL 9 database host"),
                  accounts: [postgres, account(15, "dbadmin", "Database host administrator")])

        var webAdmin = account(18, "Administrator", "Built-in local administrator")
        webAdmin.rotatesOnRelease = true
        addSystem(BTSystem(id: 7, name: "web-01", kind: .windows, ipAddress: "10.20.1.21", dnsName: "web-01.corp.example.test",
                           description: "Windows Server 2022, IIS front end"),
                  accounts: [webAdmin, account(19, "iis-deploy", "Web deployment account")])

        var sa = account(22, "sa", "SQL Server system administrator")
        sa.maximumReleaseDuration = 240
        sa.defaultReleaseDuration = 60
        addSystem(BTSystem(id: 21, name: "sql-prod-01", kind: .sqlServer, ipAddress: "10.30.0.12", dnsName: "sql-prod-01.corp.example.test",
                           description: "SQL Server 2022, production", instanceName: "MSSQLSERVER"),
                  accounts: [sa, account(23, "app_reader", "Reporting login")])

        addSystem(BTSystem(id: 24, name: "ora-fin-01", kind: .oracle, ipAddress: "10.30.0.40", dnsName: "ora-fin-01.corp.example.test",
                           description: "Oracle 19c finance", instanceName: "FINPRD"),
                  accounts: [account(25, "SYSTEM", "Oracle SYSTEM"), account(26, "fin_app", "Finance application schema")])

        addSystem(BTSystem(id: 27, name: "pg-analytics-01", kind: .postgres, ipAddress: "10.30.0.55", dnsName: "pg-analytics-01.corp.example.test",
                           description: "PostgreSQL 16 analytics", instanceName: "analytics"),
                  accounts: [account(28, "postgres", "PostgreSQL superuser"), account(29, "etl", "ETL loader")])

        addSystem(BTSystem(id: 30, name: "core-sw-01", kind: .ciscoIOS, ipAddress: "10.0.255.1", dnsName: "core-sw-01.corp.example.test",
                           description: "Cisco Catalyst core switch"),
                  accounts: [account(31, "netadmin", "Network administrator"), account(32, "enable", "Enable secret")])

        addSystem(BTSystem(id: 33, name: "fw-edge-01", kind: .paloAlto, ipAddress: "10.0.255.254", dnsName: "fw-edge-01.corp.example.test",
                           description: "Palo Alto edge firewall"),
                  accounts: [account(34, "admin", "Firewall administrator")])

        let domain = "corp.example.test"
        var domainAdmin = account(41, "Administrator", "Domain administrator", domain: domain)
        domainAdmin.rotatesOnRelease = true
        var krbtgt = account(45, "krbtgt", "Kerberos service account, never released", domain: domain)
        krbtgt.apiEnabled = false
        addSystem(BTSystem(id: 40, name: domain, kind: .activeDirectory, ipAddress: "10.10.0.10", dnsName: domain,
                           description: "Active Directory forest CORP", forestName: domain),
                  accounts: [domainAdmin, account(42, "svc-sql", "SQL Server service", domain: domain),
                             account(43, "svc-backup", "Backup service", domain: domain),
                             account(44, "jdoe-adm", "Jane Doe, admin account", domain: domain), krbtgt])

        var dcAdmin = account(50, "admin", "Local administrator of DC01")
        dcAdmin.rotatesOnRelease = true
        var breakGlass = account(51, "breakglass", "Emergency access, every release needs approval")
        breakGlass.requiresApproval = true
        addSystem(BTSystem(id: 123, name: "DC01", kind: .windows, ipAddress: "10.10.0.11", dnsName: "dc01.corp.example.test",
                           description: "Domain controller"),
                  accounts: [dcAdmin, breakGlass, account(52, "svc-monitor", "Monitoring agent")])

        addSpread(&generator)
    }

    /// A dozen more systems whose names, kinds and accounts depend on the seed.
    private mutating func addSpread(_ generator: inout SeededGenerator) {
        let kinds: [(BTSystemKind, String, [String])] = [
            (.windows, "win", ["Administrator", "svc-app", "helpdesk"]),
            (.linux, "lnx", ["root", "ansible", "appuser"]),
            (.sqlServer, "sql", ["sa", "app_rw"]),
            (.postgres, "pg", ["postgres", "replicator"]),
            (.ciscoIOS, "sw", ["netadmin"]),
        ]
        let roles = ["app", "web", "batch", "files", "print", "jump", "build", "cache", "mq", "log"]
        var nextAccount = 300
        for number in 0..<12 {
            let (kind, prefix, names) = generator.pick(kinds)
            let role = generator.pick(roles)
            let name = "\(prefix)-\(role)-\(padded(number + 1, 2))"
            var accounts: [BTAccount] = []
            for accountName in names {
                var account = BTAccount(id: nextAccount, systemIndex: 0, name: accountName, description: "\(accountName) on \(name)",
                                        lastChangeAge: 3600 * Int(1 + generator.next() % 24 * 60))
                account.hasSSHKey = kind == .linux && accountName != "appuser"
                account.rotatesOnRelease = generator.next() % 2 == 0
                accounts.append(account)
                nextAccount += 1
            }
            let octet = 10 + number
            addSystem(BTSystem(id: 200 + number, name: name, kind: kind, ipAddress: "10.40.\(number).\(octet)",
                               dnsName: "\(name).corp.example.test", description: "\(role) server",
                               instanceName: kind.isDatabase ? "default" : ""),
                      accounts: accounts)
        }
    }

    /// `count` generated accounts, 50 to a system, for benchmarks (`--scale`).
    mutating func addGeneratedSystems(count: Int, _ generator: inout SeededGenerator) {
        guard count > 0 else { return }
        let perSystem = 50
        let systemCount = (count + perSystem - 1) / perSystem
        let kinds: [(BTSystemKind, String)] = [(.windows, "win"), (.linux, "lnx"), (.sqlServer, "sql"), (.ciscoIOS, "net")]
        let accountNames = ["svc", "app", "ops", "adm", "bkp", "etl", "mon", "dev"]
        var remaining = count
        for number in 0..<systemCount {
            let (kind, prefix) = kinds[number % kinds.count]
            let name = "\(prefix)-\(padded(number + 1, 5))"
            let size = min(perSystem, remaining)
            remaining -= size
            var accounts: [BTAccount] = []
            accounts.reserveCapacity(size)
            for slot in 0..<size {
                let id = 1_000_000 + number * perSystem + slot
                var account = BTAccount(id: id, systemIndex: 0, name: "\(accountNames[slot % accountNames.count])-\(padded(slot, 3))",
                                        description: "Generated account", lastChangeAge: 3600 * (1 + (id % 720)))
                account.hasSSHKey = kind == .linux && slot % 5 == 0
                account.rotatesOnRelease = slot % 3 == 0
                accounts.append(account)
            }
            addSystem(BTSystem(id: 10_000 + number, name: name, kind: kind,
                               ipAddress: "10.\(100 + number / 65_536 % 100).\(number / 256 % 256).\(number % 256)",
                               dnsName: "\(name).scale.example.test", description: "Generated system",
                               instanceName: kind.isDatabase ? "MSSQLSERVER" : ""),
                      accounts: accounts)
        }
    }

    /// `value` in decimal with leading zeros to `width` digits (String(format:) is slow in big loops).
    private func padded(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}
