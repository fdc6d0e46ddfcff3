import Foundation
import PAMTestSupport
import Testing

/// The seed's writes as commands of the built binary: secrets created from a template with
/// their values from files (never argv), updated and deleted; folders created, renamed, moved
/// and deleted; metadata listed, set and deleted. Without a terminal a delete needs --yes.
@Suite struct CLISecretServerEditTests {
    static let simulate = ["--vendors", "secretserver", "--tls"]

    @Test func createsUpdatesAndDeletesASecretWithValuesFromFiles() async throws {
        try await SimulateProcess.with(Self.simulate) { simulator in
            let config = ["--config", simulator.configPath]
            let password = "\(simulator.directory)/password"
            try "s3cret-from-file\n".write(toFile: password, atomically: true, encoding: .utf8)
            let reference = "Flex_API_Testing/Daisy Group/Secret 010"
            let inline = try await Pamtui.run(["secret", "create", reference, "--template", "Unix Account (SSH)", "--field", "password=oops"] + config)
            #expect(inline.status == 2)
            #expect(inline.stderr.contains("never on the command line"), "\(inline.stderr)")
            let created = try await Pamtui.run([
                "secret", "create", reference, "--template", "6007", "--field", "machine=Create 007 Test",
                "--field", "username=root", "--field", "password@\(password)", "--json",
            ] + config)
            #expect(created.status == 0, "\(created.stderr)")
            let record = try jsonObject(created)
            #expect(record["title"] as? String == "Secret 010")
            #expect(record["id"] as? String == "2623")
            #expect(!created.stdout.contains("s3cret"))
            let shown = try await Pamtui.run(["show", reference] + config)
            #expect(shown.stdout == "s3cret-from-file\n", "\(shown.stderr)")

            try "rotated\n".write(toFile: password, atomically: true, encoding: .utf8)
            let fromCommand = try await Pamtui.run(["secret", "update", reference, "--field-command", "password=printf 'from-a-command\\n'"] + config)
            #expect(fromCommand.status == 0, "\(fromCommand.stderr)")
            #expect(try await Pamtui.run(["show", reference] + config).stdout == "from-a-command\n", "its output, the final newline dropped")
            let failing = try await Pamtui.run(["secret", "update", reference, "--field-command", "password=exit 3"] + config)
            #expect(failing.status == 2 && failing.stderr.contains("exited with status 3"), "\(failing.stderr)")
            let updated = try await Pamtui.run(["secret", "update", reference, "--field", "password@\(password)", "--field", "notes@\(password)"] + config)
            #expect(updated.status == 0, "\(updated.stderr)")
            #expect(updated.stdout.contains("password-1, notes") || updated.stdout.contains("notes, password-1"), "\(updated.stdout)")
            #expect(try await Pamtui.run(["show", reference] + config).stdout == "rotated\n")
            #expect(try await Pamtui.run(["secret", reference] + config).stdout == "rotated\n", "secret REF still reads")

            let refused = try await Pamtui.run(["secret", "delete", reference] + config)
            #expect(refused.status == 2)
            #expect(refused.stderr.contains("--yes"))
            let deleted = try await Pamtui.run(["secret", "delete", reference, "--yes"] + config)
            #expect(deleted.status == 0, "\(deleted.stderr)")
            #expect(try await Pamtui.run(["show", reference] + config).status == 4)
            let undeleted = try await Pamtui.run(["secret", "undelete", reference] + config)
            #expect(undeleted.status == 0 && undeleted.stdout.contains("undeleted"), "\(undeleted.stderr)")
            #expect(try await Pamtui.run(["show", reference] + config).stdout == "rotated\n", "back with its values")
            #expect(try await Pamtui.run(["secret", "undelete", reference] + config).status == 4, "no longer deleted")
        }
    }

    @Test func aFileFieldIsUploadedUnderItsFilesName() async throws {
        try await SimulateProcess.with(Self.simulate) { simulator in
            let config = ["--config", simulator.configPath]
            let key = "\(simulator.directory)/id_ed25519"
            let content = "-----BEGIN OPENSSH PRIVATE KEY-----\nbmV3IGtleQ==\n-----END OPENSSH PRIVATE KEY-----\n"
            try content.write(toFile: key, atomically: true, encoding: .utf8)
            let reference = "Infrastructure/Linux Servers/lnx-bastion deploy"
            let updated = try await Pamtui.run(["secret", "update", reference, "--field", "private-key@\(key)"] + config)
            #expect(updated.status == 0, "\(updated.stderr)")
            let shown = try await Pamtui.run(["show", reference, "--field", "private-key"] + config)
            #expect(shown.status == 0 && shown.stdout == content, "the bytes as uploaded, final newline kept: \(shown.stderr)")
            let all = try await Pamtui.run(["show", reference, "--all", "--json"] + config)
            #expect(all.stdout.contains("id_ed25519"), "stored under the file's own name: \(all.stdout)")
        }
    }

    @Test func createsRenamesMovesAndDeletesFolders() async throws {
        try await SimulateProcess.with(Self.simulate) { simulator in
            let config = ["--config", simulator.configPath]
            let created = try jsonObject(try await Pamtui.run(["folder", "create", #"\Flex_API_Testing\Daisy Group\Test Folder"#, "--json"] + config))
            #expect(created["id"] as? String == "1928")
            #expect(created["path"] as? String == "Flex_API_Testing/Daisy Group/Test Folder")
            let renamed = try jsonObject(try await Pamtui.run(["folder", "rename", "1928", "Updated Test Folder", "--json"] + config))
            #expect(renamed["name"] as? String == "Updated Test Folder")
            let moved = try jsonObject(try await Pamtui.run(["folder", "move", "Flex_API_Testing/Daisy Group/Updated Test Folder", "Restricted", "--json"] + config))
            #expect(moved["path"] as? String == "Restricted/Updated Test Folder")
            let top = try await Pamtui.run(["folder", "move", "1928", "/"] + config)
            #expect(top.stdout.contains("secretserver:Updated Test Folder"), "\(top.stdout)\(top.stderr)")
            let notEmpty = try await Pamtui.run(["folder", "delete", "Restricted", "--yes"] + config)
            #expect(notEmpty.status != 0)
            #expect(notEmpty.stderrLines.count == 1)
            #expect(try await Pamtui.run(["folder", "delete", "1928"] + config).status == 2)
            let deleted = try await Pamtui.run(["folder", "delete", "1928", "--yes"] + config)
            #expect(deleted.status == 0, "\(deleted.stderr)")
            let folders = try jsonArray(try await Pamtui.run(["ls", "folders", "--json"] + config))
            #expect(!folders.contains { $0["id"] as? String == "1928" })
        }
    }

    @Test func listsSetsAndDeletesMetadata() async throws {
        try await SimulateProcess.with(Self.simulate) { simulator in
            let config = ["--config", simulator.configPath]
            let folder = ["Flex_API_Testing/Daisy Group", "--folder"]
            let forgotten = try await Pamtui.run(["metadata", "ls", "Flex_API_Testing/Daisy Group"] + config)
            #expect(forgotten.status == 4 && forgotten.stderr.contains("is a folder: add --folder"), "\(forgotten.stderr)")
            let seeded = try jsonArray(try await Pamtui.run(["metadata", "ls"] + folder + ["--json"] + config))
            #expect(seeded.compactMap { $0["field"] as? String } == ["Test", "Test 2"])
            let noSection = try await Pamtui.run(["metadata", "set"] + folder + ["Customer Code", "TST"] + config)
            #expect(noSection.status != 0, "a new field needs a section")
            let added = try jsonObject(try await Pamtui.run(["metadata", "set"] + folder + ["Customer Code", "TST", "--section", "Customer Details", "--json"] + config))
            #expect(added["value"] as? String == "TST")
            #expect(added["field"] as? String == "Customer Code")
            let id = try #require(added["id"] as? String)
            let changed = try jsonObject(try await Pamtui.run(["metadata", "set"] + folder + ["Customer Code", "XXX", "--json"] + config))
            #expect(changed["id"] as? String == id)
            #expect(changed["value"] as? String == "XXX")
            let table = try await Pamtui.run(["metadata", "ls"] + folder + config)
            #expect(table.stdout.contains("Customer Details") && table.stdout.contains("XXX"))
            #expect(try await Pamtui.run(["metadata", "delete"] + folder + [id] + config).status == 2)
            let deleted = try await Pamtui.run(["metadata", "delete"] + folder + [id, "--yes"] + config)
            #expect(deleted.status == 0, "\(deleted.stderr)")
            let secret = try jsonArray(try await Pamtui.run(["metadata", "ls", #"\Flex_API_Testing\New XXX UPDATED Secret Name"#, "--json"] + config))
            #expect(secret.allSatisfy { $0["profile"] as? String == "secretserver" })
        }
    }
}
