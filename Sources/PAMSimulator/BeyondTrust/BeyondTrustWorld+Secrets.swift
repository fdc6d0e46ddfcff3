import Foundation

extension BeyondTrustWorld {
    /// The Secrets Safe folder tree and its secrets; ids and values depend on the seed.
    mutating func addDemoSecrets(_ generator: inout SeededGenerator) {
        let team = addFolder("team", description: "Application team", parent: nil, &generator)
        let app = addFolder("app", description: "Payments application", parent: team, &generator)
        let prod = addFolder("prod", description: "Production only", parent: app, &generator)
        let infra = addFolder("Infrastructure", description: "Shared infrastructure", parent: nil, &generator)
        let network = addFolder("Network", description: "Network devices", parent: infra, &generator)
        let certificates = addFolder("Certificates", description: "TLS material", parent: infra, &generator)
        let personal = addFolder("Personal", description: "Personal folders", parent: nil, &generator)
        let mine = addFolder("svc-pamtui", description: "Folder of svc-pamtui", parent: personal, &generator)

        func credential(_ folder: Int, _ title: String, user: String, notes: String, urls: [String] = []) -> BTSecret {
            BTSecret(id: generator.guid(), folderIndex: folder, title: title, description: "\(title) credential",
                     kind: .credential, username: user, password: BeyondTrustSecrets.password(seed: seed, key: "secret/\(title)", version: 0),
                     notes: notes, urls: urls, ageSeconds: Int(3600 + generator.next() % (40 * 86_400)))
        }
        func text(_ folder: Int, _ title: String, _ value: String) -> BTSecret {
            BTSecret(id: generator.guid(), folderIndex: folder, title: title, description: "\(title) text",
                     kind: .text, text: value, notes: "", ageSeconds: Int(3600 + generator.next() % (40 * 86_400)))
        }
        func file(_ folder: Int, _ title: String, name: String, contents: String) -> BTSecret {
            BTSecret(id: generator.guid(), folderIndex: folder, title: title, description: "\(title) file",
                     kind: .file, fileName: name, fileContents: Array(contents.utf8), notes: "",
                     ageSeconds: Int(3600 + generator.next() % (40 * 86_400)))
        }

        let token = "demo_" + generator.hex(40)
        addSecret(credential(app, "db", user: "app_rw", notes: "Read-write login of the payments app",
                             urls: ["postgres://pg-analytics-01.corp.example.test:5432/payments"]))
        addSecret(text(app, "api-token", token))
        addSecret(file(app, "app-config", name: "app.env",
                       contents: "# demo configuration, not a real secret\nDB_HOST=pg-analytics-01.corp.example.test\nDB_USER=app_rw\nAPI_TOKEN=\(token)\n"))
        addSecret(credential(prod, "db", user: "app_prod", notes: "Production login"))
        addSecret(credential(prod, "smtp-relay", user: "payments-mailer", notes: "Outbound mail", urls: ["smtp://mail.corp.example.test:587"]))
        addSecret(credential(network, "core-sw-01 enable", user: "enable", notes: "Enable secret of the core switch"))
        addSecret(credential(network, "vpn-psk", user: "site-b", notes: "Site-to-site VPN pre-shared key"))
        addSecret(file(certificates, "wildcard.corp.example.test", name: "wildcard.corp.example.test.key",
                       contents: BeyondTrustSecrets.privateKeyPEM(seed: seed, key: "secret/wildcard")))
        addSecret(text(certificates, "ca-passphrase", "demo " + generator.hex(16)))
        addSecret(text(mine, "notes", "Demo notes of svc-pamtui. Nothing here is real."))
    }
}
