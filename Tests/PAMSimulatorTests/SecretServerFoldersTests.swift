import Foundation
import PAMSimulator
import PAMTestSupport
import Testing

@Suite struct SecretServerFoldersTests {
    @Test func folderByIDByPathAndAsATree() async throws {
        try await withSimulator(secretServerOptions()) { simulator in
            let client = try SecretServerTestClient(simulator)
            try await client.signIn()
            let folder = try #require(try await client.get("api/v1/folders/1814").object)
            #expect(folder["folderPath"] as? String == "\\Flex_API_Testing\\Daisy Group")
            #expect(folder["childFolders"] is NSNull && folder["secretTemplates"] is NSNull)
            let root = try #require(try await client.get("api/v1/folders/1809").object)
            #expect(root["parentFolderId"] as? Int == -1 && root["inheritPermissions"] as? Bool == false)

            let tree = try #require(try await client.get("api/v1/folders/0?folderPath=%5CFlex_API_Testing&getAllChildren=true").object)
            let children = try #require(tree["childFolders"] as? [[String: Any]])
            #expect(children.map { $0["id"] as? Int } == [1814, 1821])
            #expect((children[1]["childFolders"] as? [[String: Any]])?.map { $0["folderName"] as? String } == ["Extra Double Secret 009", "Folder 007"])
            #expect(try await client.get("api/v1/folders/1711?includeAssociatedTemplates=true").object?["secretTemplates"] is [Any])
            #expect(try await client.get("api/v1/folders/0?folderPath=%5CNope").status == 400)
        }
    }

    @Test func searchAndLookup() async throws {
        try await withSimulator(secretServerOptions()) { simulator in
            let client = try SecretServerTestClient(simulator)
            try await client.signIn()
            let direct = try await client.get("api/v1/folders/lookup?filter.parentFolderId=1809&filter.limitToDirectDescendents=True&take=1")
            #expect(direct.object?["total"] as? Int == 2 && direct.records.count == 1)
            let all = try await client.get("api/v1/folders?filter.parentFolderId=1809&take=100")
            #expect(all.records.count == 4)
            let roots = try await client.get("api/v1/folders?filter.onlyIncludeRootFolders=true&take=100")
            #expect(roots.records.compactMap { $0["folderName"] as? String } == ["Applications", "Flex_API_Testing", "Infrastructure", "Restricted"])
            let named = try await client.get("api/v1/folders?filter.searchText=server")
            #expect(named.records.compactMap { $0["id"] as? Int } == [1702, 1701])
        }
    }

    @Test func createRenameMoveAndDelete() async throws {
        try await withSimulator(secretServerOptions()) { simulator in
            let client = try SecretServerTestClient(simulator)
            try await client.signIn()
            let created = try await client.post("api/v1/folders", json: #"{"folderName":"Ops","folderTypeId":1,"parentFolderId":1700}"#)
            #expect(created.object?["id"] as? Int == 1928)
            #expect(created.object?["folderPath"] as? String == "\\Infrastructure\\Ops")
            #expect(try await client.post("api/v1/folders", json: #"{"folderName":"ops","parentFolderId":1700}"#).status == 400)
            #expect(try await client.post("api/v1/folders", json: #"{"folderName":"x","parentFolderId":4242}"#).status == 400)

            let moved = try await client.put("api/v1/folders/1928", json: #"{"id":1928,"folderName":"Operations","parentFolderId":1710}"#)
            #expect(moved.object?["folderPath"] as? String == "\\Applications\\Operations")
            #expect(try await client.put("api/v1/folders/1700", json: #"{"parentFolderId":1701}"#).status == 400, "not into its own subfolder")

            #expect(try await client.delete("api/v1/folders/1701").status == 400, "it holds secrets")
            let deleted = try await client.delete("api/v1/folders/1928")
            #expect(deleted.text == #"{"id":1928,"objectType":"Folder","responseCodes":[]}"#)
            #expect(try await client.get("api/v1/folders/1928").status == 400)
        }
    }

    @Test func metadataFieldsValuesAndSections() async throws {
        try await withSimulator(secretServerOptions()) { simulator in
            let client = try SecretServerTestClient(simulator)
            try await client.signIn()
            let fields = try await client.get("api/v1/metadata/fields")
            #expect(fields.records.compactMap { $0["metadataFieldName"] as? String } == ["Secret Test", "Secret Test 2", "Test", "Test 2"])
            let onFolder = try await client.get("api/v1/metadata/?filter.itemId=1814&filter.metadataType=folder")
            #expect(onFolder.records.compactMap { $0["metadataItemDataId"] as? Int } == [1, 2])
            #expect(onFolder.records.first?["createDateTime"] as? String == "2021-05-19T11:41:03.983")
            #expect(try await client.get("api/v1/metadata?filter.itemId=1814").status == 400)

            let created = try await client.post("api/v1/metadata/Secret/2501", json: """
                {"data":{"metadataFieldName":"Cost Center","fieldDataType":"Number","metadataFieldSectionName":"Finance","valueNumber":4711}}
                """)
            #expect(created.object?["metadataItemDataId"] as? Int == 25)
            #expect(created.object?["metadataFieldId"] as? Int == 5 && created.object?["metadataFieldSectionId"] as? Int == 3)
            #expect(created.object?["valueNumber"] as? Int == 4711)
            #expect(try await client.post("api/v1/metadata/Secret/2501", json: #"{"data":{"metadataFieldId":5,"valueNumber":1}}"#).status == 400)
            #expect(try await client.post("api/v1/metadata/secret/424242", json: #"{"data":{"metadataFieldId":5}}"#).status == 400)
            #expect(try await client.post("api/v1/metadata/widget/2501", json: #"{"data":{"metadataFieldId":5}}"#).status == 400)

            let updated = try await client.patch("api/v1/metadata/secret/2501", json: #"{"data":{"metadataItemDataId":25,"valueNumber":{"dirty":true,"value":42.5}}}"#)
            #expect(updated.object?["valueNumber"] as? Double == 42.5)
            #expect(updated.object?["metadataFieldName"] as? String == "Cost Center")
            let sections = try await client.get("api/v1/metadata/field-sections?filter.itemId=2501&filter.metadataType=Secret")
            #expect(sections.records.compactMap { $0["metadataFieldSectionName"] as? String } == ["Test", "Secret Section", "Finance"])
            #expect(try await client.delete("api/v1/metadata/secret/2501/25").text == #"{"success":true}"#)
            #expect(try await client.delete("api/v1/metadata/secret/2501/25").status == 400)
        }
    }
}
