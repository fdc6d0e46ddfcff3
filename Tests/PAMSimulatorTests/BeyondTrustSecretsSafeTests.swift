import Foundation
import PAMSimulator
import PAMTestSupport
import Testing

@Suite struct BeyondTrustSecretsSafeTests {
    @Test func foldersFormATreeAndFilter() async throws {
        try await withSimulator(beyondTrustOptions()) { simulator in
            let client = try BeyondTrustTestClient(simulator)
            try await client.signIn()
            let folders = try #require(try await client.get("Secrets-Safe/Folders").array)
            let byID = Dictionary(uniqueKeysWithValues: folders.compactMap { folder in (folder["Id"] as? String).map { ($0, folder) } })
            let prod = try #require(folders.first { $0["Name"] as? String == "prod" })
            let prodParent = try #require(prod["ParentId"] as? String)
            let app = try #require(byID[prodParent])
            #expect(app["Name"] as? String == "app")
            let appParent = try #require(app["ParentId"] as? String)
            let team = try #require(byID[appParent])
            #expect(team["ParentId"] is NSNull)

            let roots = try #require(try await client.get("secrets-safe/folders?rootOnly=True").array)
            #expect(Set(roots.compactMap { $0["Name"] as? String }) == ["team", "Infrastructure", "Personal"])
            let underApp = try #require(try await client.get("secrets-safe/folders?folderPath=team%2Fapp&includeSubfolders=True&rootOnly=False&limit=5&offset=0&version=3.2").array)
            #expect(Set(underApp.compactMap { $0["Name"] as? String }) == ["app", "prod"])
            let named = try #require(try await client.get("Secrets-Safe/Folders?folderName=NET").array)
            #expect(named.compactMap { $0["Name"] as? String } == ["Network"])
            let appID = try #require(app["Id"] as? String)
            let one = try #require(try await client.get("Secrets-Safe/Folders/\(appID)").object)
            #expect(one["Name"] as? String == "app")
            #expect(try await client.get("Secrets-Safe/Folders/00000000-0000-0000-0000-000000000000").status == 404)
        }
    }

    @Test func secretsByPathAreAnArrayBefore32AndAnEnvelopeFrom32() async throws {
        try await withSimulator(beyondTrustOptions()) { simulator in
            let client = try BeyondTrustTestClient(simulator)
            try await client.signIn()
            let old = try #require(try await client.get("secrets-safe/secrets?path=team%2Fapp&separator=%2F&title=db").array)
            #expect(old.count == 1)
            #expect(old[0]["SecretType"] as? String == "Credential")
            #expect(old[0]["FolderPath"] as? String == "team/app")
            #expect((old[0]["Password"] as? String)?.hasPrefix("Demo-") == true)
            #expect(old[0]["Owners"] is [Any])

            let envelope = try #require(try await client.get("secrets-safe/secrets?path=team%2Fapp&separator=%2F&version=3.2&title=db").object)
            #expect(envelope["TotalCount"] as? Int == 1)
            let data = try #require(envelope["Data"] as? [[String: Any]])
            #expect(data[0]["Id"] as? String == old[0]["Id"] as? String)
            #expect(data[0]["SecretValueModifiedOn"] is String)

            let backslash = try #require(try await client.get("Secrets-Safe/Secrets?path=team%5Capp%5Cprod&separator=%5C").array)
            #expect(Set(backslash.compactMap { $0["Title"] as? String }) == ["db", "smtp-relay"])
            let hidden = try #require(try await client.get("Secrets-Safe/Secrets?path=team/app&title=db&decrypt=false").array)
            #expect(hidden[0]["Password"] is NSNull)
            #expect(try await client.get("Secrets-Safe/Secrets?path=team/app&title=nope").array?.isEmpty == true)
            let folderID = try #require(old[0]["FolderId"] as? String)
            let inFolder = try #require(try await client.get("Secrets-Safe/Secrets?folderId=\(folderID)").array)
            #expect(inFolder.count == 3)
        }
    }

    @Test func textFileAndDownload() async throws {
        try await withSimulator(beyondTrustOptions()) { simulator in
            let client = try BeyondTrustTestClient(simulator)
            try await client.signIn()
            let all = try #require(try await client.get("Secrets-Safe/Secrets?path=team/app").array)
            let text = try #require(all.first { $0["SecretType"] as? String == "Text" })
            let file = try #require(all.first { $0["SecretType"] as? String == "File" })
            let textID = try #require(text["Id"] as? String)
            let fileID = try #require(file["Id"] as? String)

            let textValue = try #require(try await client.get("Secrets-Safe/Secrets/\(textID)/text").object?["Text"] as? String)
            #expect(textValue.hasPrefix("demo_"))
            // BIPS and the Go library take a Text secret's value from `Password`.
            #expect(text["Password"] as? String == textValue)
            #expect(file["Password"] is NSNull)
            #expect(try await client.get("Secrets-Safe/Secrets/\(textID.uppercased())").object?["Title"] as? String == "api-token")
            #expect(try await client.get("Secrets-Safe/Secrets/\(fileID)/file").object?["FileName"] as? String == "app.env")
            let download = try await client.get("secrets-safe/secrets/\(fileID)/file/download")
            #expect(download.status == 200)
            #expect(download.header("Content-Type") == "application/octet-stream")
            #expect(download.text.hasPrefix("# demo configuration"))
            #expect(try await client.get("Secrets-Safe/Secrets/\(textID)/file/download").status == 404)
            #expect(try await client.get("Secrets-Safe/Secrets/\(UUID().uuidString)").status == 404)
        }
    }
}
