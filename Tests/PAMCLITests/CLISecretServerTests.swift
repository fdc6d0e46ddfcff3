import Foundation
import PAMTestSupport
import Testing

/// The built binary against `pamtui simulate --vendors secretserver`: the CLI twins of the
/// seed's calls (fields by slug or kind, every field, files, restricted reads, check-out and
/// check-in of secrets, folder, secret and template listings).
@Suite struct CLISecretServerTests {
    static let simulate = ["--vendors", "secretserver", "--tls"]
    /// The seed's secret 2610 (template 6007, whose password field is `password-1`).
    static let seedSecret = #"\Flex_API_Testing\New XXX UPDATED Secret Name"#

    @Test func showsOneFieldBySlugOrKindWithBothPathStyles() async throws {
        try await SimulateProcess.with(Self.simulate) { simulator in
            let config = ["--config", simulator.configPath]
            for (field, value) in [("password", "newpassword"), ("password-1", "newpassword"), ("username", "root"), ("notes", "Initial Notes Value"), ("machine", "Create Test")] {
                let shown = try await Pamtui.run(["show", "secretserver:" + Self.seedSecret, "--field", field] + config)
                #expect(shown.status == 0, "\(field): \(shown.stderr)")
                #expect(shown.stdout == value + "\n", "\(field)")
                #expect(shown.stderr.isEmpty, "\(field): a secret without check-out is read without a lease")
            }
            let slashes = try await Pamtui.run(["show", "Flex_API_Testing/New XXX UPDATED Secret Name"] + config)
            #expect(slashes.stdout == "newpassword\n", "\(slashes.stderr)")
            let missing = try await Pamtui.run(["show", Self.seedSecret, "--field", "nope"] + config)
            #expect(missing.status == 4)
            #expect(missing.stderr.contains("has no field 'nope'"))
            #expect(missing.stderrLines.count == 1)
        }
    }

    @Test func showsEveryFieldAsJSONAndWritesFilesWithMode0600() async throws {
        try await SimulateProcess.with(Self.simulate) { simulator in
            let config = ["--config", simulator.configPath]
            let reference = #"\Infrastructure\Linux Servers\lnx-bastion deploy"#
            let all = try await Pamtui.run(["show", reference, "--all", "--json"] + config)
            #expect(all.status == 0, "\(all.stderr)")
            let object = try jsonObject(all)
            #expect(object["name"] as? String == "lnx-bastion deploy")
            #expect(object["profile"] as? String == "secretserver")
            let fields = try #require(object["fields"] as? [[String: Any]])
            let bySlug = Dictionary(uniqueKeysWithValues: fields.compactMap { field in (field["slug"] as? String).map { ($0, field) } })
            #expect(bySlug["username"]?["value"] as? String == "deploy")
            #expect(bySlug["machine"]?["value"] as? String == "bastion.corp.example.test")
            let key = try #require(bySlug["private-key"])
            #expect(key["kind"] as? String == "privateKey")
            #expect(key["fileName"] as? String == "id_ecdsa")
            let decoded = try #require(Data(base64Encoded: key["base64"] as? String ?? ""))
            #expect(String(decoding: decoded, as: UTF8.self).hasPrefix("-----BEGIN"))
            #expect(key["size"] as? Int == decoded.count)

            let output = "\(simulator.directory)/id_ecdsa"
            let saved = try await Pamtui.run(["show", reference, "--field", "private-key", "--output", output] + config)
            #expect(saved.status == 0, "\(saved.stderr)")
            var status = stat()
            #expect(stat(output, &status) == 0)
            #expect(status.st_mode & 0o777 == 0o600)
            #expect(try String(contentsOfFile: output, encoding: .utf8).hasPrefix("-----BEGIN"))
            let again = try await Pamtui.run(["show", reference, "--field", "private-key", "--output", output] + config)
            #expect(again.status == 2)
            #expect(again.stderr.contains("use --force"))
            let toStdout = try await Pamtui.run(["show", reference, "--field", "public-key", "--output", "-"] + config)
            #expect(toStdout.stdout.hasPrefix("ecdsa-sha2-nistp256 "))
            let lonely = try await Pamtui.run(["show", reference, "--json"] + config)
            #expect(lonely.status == 2)
        }
    }

    @Test func restrictedSecretsTakeACommentAndTicket() async throws {
        try await SimulateProcess.with(Self.simulate) { simulator in
            let config = ["--config", simulator.configPath]
            let reference = "Restricted/Payroll DB sa (comment required)"
            let refused = try await Pamtui.run(["show", reference] + config)
            #expect(refused.status == 2, "\(refused.stderr)")
            #expect(refused.stderr.contains("requires a comment"))
            #expect(refused.stderr.contains("--comment"))
            #expect(refused.stderrLines.count == 1)
            let shown = try await Pamtui.run(["show", reference, "--comment", "quarterly audit", "--ticket", "CHG-1234"] + config)
            #expect(shown.status == 0, "\(shown.stderr)")
            #expect(!shown.stdout.trimmingCharacters(in: .newlines).isEmpty)
            let user = try await Pamtui.run(["show", reference, "--field", "username", "--comment", "audit"] + config)
            #expect(user.stdout == "sa\n", "\(user.stderr)")
        }
    }

    @Test func checksSecretsOutExtendsAndChecksThemIn() async throws {
        try await SimulateProcess.with(Self.simulate) { simulator in
            let config = ["--config", simulator.configPath]
            let reference = "Restricted/Domain Admin (check-out)"
            let checkout = try await Pamtui.run(["checkout", reference, "--comment", "cli test", "--json"] + config)
            #expect(checkout.status == 0, "\(checkout.stderr)")
            let lease = try jsonObject(checkout)
            #expect(lease["requestId"] as? String == "2540")
            #expect(lease["reason"] as? String == "cli test")

            let notes = try await Pamtui.run(["show", reference, "--field", "notes"] + config)
            #expect(notes.status == 0, "\(notes.stderr)")
            #expect(notes.stdout.hasPrefix("Checked out for 30 minutes"))
            #expect(notes.stderr.isEmpty, "my check-out is reused")

            let extended = try await Pamtui.run(["checkout", reference, "--extend"] + config)
            #expect(extended.status == 0, "\(extended.stderr)")
            #expect(extended.stdout.contains("reusing your open request 2540"))

            let checkin = try await Pamtui.run(["checkin", reference, "--comment", "done"] + config)
            #expect(checkin.status == 0, "\(checkin.stderr)")
            #expect(checkin.stdout.contains("checked in"))
            let again = try await Pamtui.run(["checkin", reference] + config)
            #expect(again.status == 4)
            #expect(again.stderrLines.count == 1)
        }
    }

    @Test func anotherUsersCheckOutIsNamedAndCanBeForcedIn() async throws {
        try await SimulateProcess.with(Self.simulate) { simulator in
            let config = ["--config", simulator.configPath]
            let reference = "Restricted/Break-glass root (checked out by jdoe)"
            let held = try await Pamtui.run(["show", reference] + config)
            #expect(held.status == 5, "\(held.stderr)")
            #expect(held.stderr.contains("Jordan Doe"))
            #expect(held.stderrLines.count == 1)
            let mine = try await Pamtui.run(["checkin", reference] + config)
            #expect(mine.status == 4, "no check-out of mine to end")
            let forced = try await Pamtui.run(["checkin", reference, "--force", "--comment", "break-glass over"] + config)
            #expect(forced.status == 0, "\(forced.stderr)")
            #expect(forced.stdout.contains("(forced)"))
            let shown = try await Pamtui.run(["show", reference, "--checkin"] + config)
            #expect(shown.status == 0, "\(shown.stderr)")
            #expect(!shown.stdout.trimmingCharacters(in: .newlines).isEmpty)
        }
    }

    @Test func listsSecretsFoldersAndTemplates() async throws {
        try await SimulateProcess.with(Self.simulate) { simulator in
            let config = ["--config", simulator.configPath, "--profile", "secretserver"]
            let templates = try jsonArray(try await Pamtui.run(["ls", "templates", "--json"] + config))
            let unix = try #require(templates.first { $0["name"] as? String == "Unix Account (SSH)" })
            #expect(unix["id"] as? String == "6007")
            let slugs = (unix["fields"] as? [[String: Any]] ?? []).compactMap { $0["slug"] as? String }
            #expect(slugs.contains("password-1") && slugs.contains("private-key"))
            let table = try await Pamtui.run(["ls", "templates", "--filter", "unix"] + config)
            #expect(table.status == 0)
            #expect(table.stdout.hasPrefix("PROFILE"))
            #expect(table.stdout.contains("password-1"))

            let folders = try jsonArray(try await Pamtui.run(["ls", "folders", "--folder", #"\Infrastructure"#, "--json"] + config))
            #expect(folders.count == 5)
            #expect(folders.allSatisfy { ($0["path"] as? String ?? "").hasPrefix("Infrastructure") })

            let secrets = try jsonArray(try await Pamtui.run(["ls", "secrets", "--folder", #"\Infrastructure\Linux Servers"#, "--json"] + config))
            #expect(secrets.count == 3)
            #expect(secrets.allSatisfy { $0["folderPath"] as? String == "Infrastructure/Linux Servers" })
            let filtered = try jsonArray(try await Pamtui.run(["ls", "secrets", "--filter", "bastion", "--json"] + config))
            #expect(filtered.map { $0["title"] as? String } == ["lnx-bastion deploy"])
            let none = try await Pamtui.run(["ls", "secrets", "--folder", "Nowhere"] + config)
            #expect(none.status == 4)
        }
    }
}
