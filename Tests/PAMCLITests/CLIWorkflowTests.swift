import Foundation
import PAMTestSupport
import Testing

/// The built binary against `pamtui simulate`, as a user drives it.
@Suite struct CLIWorkflowTests {
    @Test func listsAsStableJSON() async throws {
        try await SimulateProcess.with(["--tls"]) { simulator in
            let config = ["--config", simulator.configPath]
            let systems = try jsonArray(try await Pamtui.run(["ls", "systems", "--json"] + config))
            let dc01 = try #require(systems.first { $0["id"] as? String == "123" })
            #expect(dc01["name"] as? String == "DC01")
            #expect(dc01["profile"] as? String == "beyondtrust")
            #expect(dc01["vendor"] as? String == "beyondtrust")
            let accounts = try jsonArray(try await Pamtui.run(["ls", "accounts", "--filter", "admin", "--json"] + config))
            let admin = try #require(accounts.first { $0["id"] as? String == "50" })
            for (key, value) in ["systemId": "123", "systemName": "DC01", "name": "admin", "profile": "beyondtrust", "vendor": "beyondtrust"] {
                #expect(admin[key] as? String == value, "\(key)")
            }
            #expect(accounts.allSatisfy { ($0["name"] as? String ?? "").localizedCaseInsensitiveContains("admin") || ($0["systemName"] as? String ?? "").localizedCaseInsensitiveContains("admin") || ($0["domain"] as? String ?? "").localizedCaseInsensitiveContains("admin") || ($0["description"] as? String ?? "").localizedCaseInsensitiveContains("admin") })
            let table = try await Pamtui.run(["ls", "accounts", "--system", "DC01"] + config)
            #expect(table.status == 0)
            #expect(table.stdout.hasPrefix("PROFILE"))
            #expect(table.stdout.contains("admin"))
            let folders = try jsonArray(try await Pamtui.run(["ls", "folders", "--json"] + config))
            #expect(folders.contains { $0["path"] as? String == "team/app" })
            let secrets = try jsonArray(try await Pamtui.run(["ls", "secrets", "--folder", "team/app", "--json"] + config))
            #expect(!secrets.isEmpty && secrets.allSatisfy { $0["folderPath"] as? String == "team/app" })
        }
    }

    @Test func checkoutShowCheckin() async throws {
        try await SimulateProcess.with(["--tls"]) { simulator in
            let config = ["--config", simulator.configPath]
            let checkout = try await Pamtui.run(["checkout", "beyondtrust:DC01/admin", "--reason", "cli test", "--duration", "20", "--json"] + config)
            #expect(checkout.status == 0, "\(checkout.stderr)")
            let lease = try jsonObject(checkout)
            let requestID = try #require(lease["requestId"] as? String)
            #expect(lease["expiresAt"] as? String != nil)
            #expect(lease["reason"] as? String == "cli test")

            let show = try await Pamtui.run(["show", "DC01/admin"] + config)
            #expect(show.status == 0)
            #expect(show.stderr.isEmpty, "reusing my lease needs no note")
            let password = show.stdout.trimmingCharacters(in: .newlines)
            #expect(!password.isEmpty && show.stdout == password + "\n")
            #expect(!checkout.stdout.contains(password))

            let requests = try jsonArray(try await Pamtui.run(["ls", "requests", "--json"] + config))
            #expect(requests.contains { $0["requestId"] as? String == requestID && $0["status"] as? String == "Active" })

            let checkin = try await Pamtui.run(["checkin", "DC01/admin", "--reason", "done"] + config)
            #expect(checkin.status == 0)
            #expect(checkin.stdout.contains("request \(requestID)"))
            let again = try await Pamtui.run(["checkin", "DC01/admin"] + config)
            #expect(again.status == 4)
            #expect(again.stderrLines == ["pamtui: beyondtrust: check-in: no open request of mine on DC01/admin"])
        }
    }

    @Test func showChecksOutWhenNeededSaysSoAndCanCheckInRightAway() async throws {
        try await SimulateProcess.with { simulator in
            let config = ["--config", simulator.configPath]
            let key = try await Pamtui.run(["show", "srv1/root", "--field", "key", "--checkin"] + config)
            #expect(key.status == 0)
            #expect(key.stdout.hasPrefix("-----BEGIN"))
            #expect(try jsonArray(try await Pamtui.run(["ls", "requests", "--json"] + config)).isEmpty)
            let open = try await Pamtui.run(["show", "srv1/root", "--no-newline"] + config)
            #expect(!open.stdout.hasSuffix("\n"))
            #expect(open.stderrLines.count == 1)
            #expect(open.stderr.contains("check in with: pamtui checkin beyondtrust:srv1/root"))
        }
    }

    @Test func secretCommandPrintsAndSavesFiles() async throws {
        try await SimulateProcess.with { simulator in
            let config = ["--config", simulator.configPath]
            let secrets = try jsonArray(try await Pamtui.run(["ls", "secrets", "--json"] + config))
            let credential = try #require(secrets.first { $0["kind"] as? String == "credential" })
            let reference = "\(credential["folderPath"] as? String ?? "")/\(credential["title"] as? String ?? "")"
            let shown = try await Pamtui.run(["secret", reference] + config)
            #expect(shown.status == 0 && !shown.stdout.isEmpty)
            let file = try #require(secrets.first { $0["kind"] as? String == "file" })
            let output = "\(simulator.directory)/download"
            let saved = try await Pamtui.run(["secret", file["id"] as? String ?? "", "--output", output] + config)
            #expect(saved.status == 0)
            var status = stat()
            stat(output, &status)
            #expect(status.st_mode & 0o777 == 0o600)
            #expect(status.st_size > 0)
            let refused = try await Pamtui.run(["secret", file["id"] as? String ?? "", "--output", output] + config)
            #expect(refused.status == 2)
            #expect(refused.stderr.contains("use --force"))
        }
    }

    @Test func traceGoesToStderrWithoutSecrets() async throws {
        try await SimulateProcess.with(["--tls"]) { simulator in
            let show = try await Pamtui.run(["show", "DC01/admin", "--checkin", "--trace", "--config", simulator.configPath])
            #expect(show.status == 0)
            let password = show.stdout.trimmingCharacters(in: .newlines)
            #expect(show.stderr.contains("POST 127.0.0.1:"))
            #expect(show.stderr.contains("/Credentials/"))
            #expect(!show.stderr.contains(password))
            for key in ["apiKey", "password"] {
                let value = try #require(simulator.vendorField("beyondtrust", key))
                #expect(!show.stderr.contains(value))
            }
        }
    }

    @Test func simulateAnnouncesItselfAndStopsCleanlyOnSignals() async throws {
        for signal in [SIGTERM, SIGINT] {
            let simulator = try await SimulateProcess.start(["--require-client-cert"])
            #expect(simulator.ready["ready"] as? Bool == true)
            #expect((simulator.ready["ca"] as? String)?.hasSuffix(".pem") == true)
            #expect(simulator.ready["clientCert"] as? String != nil)
            #expect(simulator.vendorField("beyondtrust", "url")?.hasPrefix("https://127.0.0.1:") == true)
            for key in ["apiKey", "runAs", "password", "oauthClientId", "oauthClientSecret"] {
                #expect(simulator.vendorField("beyondtrust", key) != nil, "\(key)")
            }
            let check = try await Pamtui.run(["ls", "systems", "--config", simulator.configPath])
            #expect(check.status == 0, "mTLS config written by simulate works: \(check.stderr)")
            #expect(try await simulator.stop(signal: signal) == 0)
        }
    }
}
