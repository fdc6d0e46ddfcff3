import Foundation
import PAMSimulator
import PAMTestSupport
import Testing

@Suite struct SecretServerSecretsTests {
    @Test func secretByIDHasTheSeedsShape() async throws {
        try await withSimulator(secretServerOptions()) { simulator in
            let client = try SecretServerTestClient(simulator)
            try await client.signIn()
            let secret = try await client.get("api/v1/secrets/2610")
            #expect(secret.status == 200)
            let model = try #require(secret.object)
            #expect(model["name"] as? String == "New XXX UPDATED Secret Name")
            #expect(model["secretTemplateName"] as? String == "Unix Account (SSH)")
            #expect(model["lastHeartBeatCheck"] as? String == "0001-01-01T00:00:00")
            #expect(model["checkOutUserId"] as? Int == -1)
            let items = try #require(model["items"] as? [[String: Any]])
            #expect(items.map { $0["itemId"] as? Int } == Array(24052...24057))
            #expect(items.map { $0["slug"] as? String } == ["machine", "username", "password-1", "notes", "private-key", "private-key-passphrase"])
            #expect(secret.itemValues["password-1"] == "newpassword")
            // Keys bind case-insensitively, paths too, and a trailing slash is fine.
            #expect(try await client.get("API/V1/Secrets/2610/").status == 200)
        }
    }

    @Test func aJSONBodyWithoutItsMediaTypeIs415() async throws {
        try await withSimulator(secretServerOptions()) { simulator in
            let client = try SecretServerTestClient(simulator)
            try await client.signIn()
            let body = Array(#"{"value":"x"}"#.utf8)
            let untyped = try await client.send("PUT", "api/v1/secrets/2610/fields/machine", body: body)
            #expect(untyped.status == 415)
            #expect((untyped.object?["message"] as? String)?.contains("'application/octet-stream' is not supported") == true)
            let form = try await client.send("PUT", "api/v1/secrets/2610/fields/machine", headers: [("Content-Type", "text/plain")], body: body)
            #expect(form.status == 415)
            #expect(try await client.put("api/v1/secrets/2610/fields/machine", json: #"{"value":"x"}"#).status == 200)
        }
    }

    @Test func secretByPathAndFieldsBySlug() async throws {
        try await withSimulator(secretServerOptions()) { simulator in
            let client = try SecretServerTestClient(simulator)
            try await client.signIn()
            let path = "%5CInfrastructure%5CLinux%20Servers%5Clnx-bastion%20deploy"
            let byPath = try await client.get("api/v1/secrets/0?secretPath=\(path)")
            #expect(byPath.object?["id"] as? Int == 2513)
            #expect(try await client.get("api/v1/secrets/0?secretPath=/Infrastructure/Linux%20Servers/lnx-bastion%20deploy").object?["id"] as? Int == 2513)
            #expect(try await client.get("api/v1/secrets/0?secretPath=%5CNope").status == 400)

            let username = try await client.get("api/v1/secrets/2513/fields/username")
            #expect(username.text == "\"deploy\"")
            let key = try await client.get("api/v1/secrets/0/fields/private-key?secretPath=\(path)")
            #expect(key.header("Content-Type") == "application/octet-stream")
            #expect(key.text.hasPrefix("-----BEGIN PRIVATE KEY-----"))
            let unknown = try await client.get("api/v1/secrets/2513/fields/nope")
            #expect(unknown.status == 400)
            #expect(unknown.object?["errorCode"] is String)
        }
    }

    @Test func unknownSecretsAreAccessDenied() async throws {
        try await withSimulator(secretServerOptions()) { simulator in
            let client = try SecretServerTestClient(simulator)
            try await client.signIn()
            let denied = try await client.get("api/v1/secrets/1000")
            #expect(denied.status == 400)
            #expect(denied.object?["errorCode"] as? String == "API_AccessDenied")
            #expect(denied.object?["message"] as? String == "Access Denied")
        }
    }

    @Test func searchPagesWithSkipAndTake() async throws {
        try await withSimulator(secretServerOptions(scale: 120)) { simulator in
            let client = try SecretServerTestClient(simulator)
            try await client.signIn()
            let first = try await client.get("api/v1/secrets?filter.searchText=gen-&take=50")
            let envelope = try #require(first.object)
            #expect(envelope["total"] as? Int == 120)
            #expect(envelope["hasNext"] as? Bool == true && envelope["nextSkip"] as? Int == 50)
            #expect(envelope["pageCount"] as? Int == 3 && envelope["success"] as? Bool == true)
            var names: [String] = []
            var skip = 0
            while true {
                let page = try await client.get("api/v1/secrets?paging.filter.searchText=gen-&paging.take=50&paging.skip=\(skip)")
                names += page.records.compactMap { $0["name"] as? String }
                guard page.object?["hasNext"] as? Bool == true else { break }
                skip = try #require(page.object?["nextSkip"] as? Int)
            }
            #expect(names.count == 120 && Set(names).count == 120 && names == names.sorted())
            #expect(try await client.get("api/v1/secrets/search-total?filter.searchText=gen-").text == "120")
            #expect(try await client.get("api/v1/secrets?take=1").records.count == 1)
            #expect(try await client.get("api/v1/secrets").object?["take"] as? Int == 10)
            #expect(try await client.get("api/v1/secrets?take=-1").status == 400)
            let lookup = try await client.get("api/v1/secrets/lookup?filter.folderId=1809")
            #expect(lookup.records.map { $0["id"] as? Int } == [2608, 2610, 2620, 2621])
            #expect(lookup.records.first?["value"] as? String == "New Updated Secret Name")
        }
    }

    @Test func searchFilters() async throws {
        try await withSimulator(secretServerOptions()) { simulator in
            let client = try SecretServerTestClient(simulator)
            try await client.signIn()
            let ids = { (query: String) async throws -> [Int] in
                try await client.get("api/v1/secrets?\(query)&take=100").records.compactMap { $0["id"] as? Int }
            }
            #expect(try await ids("filter.folderId=1700") == [2505, 2504])
            #expect(try await ids("filter.folderId=1700&filter.includeSubFolders=true").count == 11)
            // Restricted secrets only with includeRestricted.
            #expect(try await ids("filter.folderId=1720").isEmpty)
            #expect(try await ids("filter.folderId=1720&filter.includeRestricted=true").count == 7)
            #expect(try await ids("filter.secretTemplateId=6010") == [2522, 2521])
            #expect(try await ids("filter.searchText=win-dc01.corp&filter.searchField=Machine") == [2501])
            #expect(try await ids("filter.searchText=deploy&filter.searchFieldSlug=username&filter.isExactMatch=true") == [2513])
            #expect(try await ids("filter.searchText=svc-backup") == [2502])
            #expect(try await ids("filter.searchText=svc-jira&filter.extendedFields=Username") == [2533])
            let extended = try await client.get("api/v1/secrets?filter.searchText=Grafana&filter.extendedFields=URL")
            #expect((extended.records.first?["extendedFields"] as? [[String: Any]])?.first?["value"] as? String == "https://grafana.corp.example.test/login")
            #expect(try await ids("filter.folderId=1809&sortBy[0].name=id&sortBy[0].direction=Desc") == [2621, 2620, 2610, 2608])
        }
    }

    @Test func createUpdateDeleteAndUndelete() async throws {
        try await withSimulator(secretServerOptions()) { simulator in
            let client = try SecretServerTestClient(simulator)
            try await client.signIn()
            // PascalCase keys, fields by slug, as tss-sdk-go posts them.
            let created = try await client.post("api/v1/secrets", json: """
                {"Name":"web01 nginx","FolderID":1711,"SecretTemplateID":9,"Items":[
                  {"Slug":"url","ItemValue":"https://web01/"},{"Slug":"username","ItemValue":"nginx"},{"Slug":"password","ItemValue":"pw1"}]}
                """)
            #expect(created.status == 200)
            #expect(created.object?["id"] as? Int == 2623)
            #expect(created.itemValues["password"] == "pw1")
            #expect(try await client.post("api/v1/secrets", json: #"{"name":"x","folderId":1711,"secretTemplateId":9,"items":[]}"#).status == 400)
            #expect(try await client.post("api/v1/secrets", json: #"{"name":"x","folderId":1711,"secretTemplateId":1}"#).status == 400)

            var model = try #require(created.object)
            model["name"] = "web01 nginx (renamed)"
            var items = try #require(model["items"] as? [[String: Any]])
            items[2]["itemValue"] = "pw2"
            model["items"] = items
            let body = String(decoding: try JSONSerialization.data(withJSONObject: model), as: UTF8.self)
            let updated = try await client.put("api/v1/secrets/2623", json: body)
            #expect(updated.object?["name"] as? String == "web01 nginx (renamed)")
            #expect(try await client.get("api/v1/secrets/2623/fields/password").text == "\"pw2\"")
            #expect(try await client.put("api/v1/secrets/2623/fields/notes", json: #"{"value":"hello"}"#).status == 200)
            #expect(try await client.get("api/v1/secrets/2623").itemValues["notes"] == "hello")

            let deleted = try await client.delete("api/v1/secrets/2623")
            #expect(deleted.object?["objectType"] as? String == "Secret" && deleted.object?["id"] as? Int == 2623)
            #expect(try await client.get("api/v1/secrets/2623").status == 400)
            #expect(try await client.get("api/v1/secrets/2623?includeInactive=true").object?["active"] as? Bool == false)
            #expect(try await client.get("api/v1/secrets/2623/state").object?["secretState"] as? String == "RequiresUndelete")
            #expect(try await client.put("api/v1/secrets/2623/activate", json: "").object?["active"] as? Bool == true)
            #expect(try await client.get("api/v1/secrets/2623").status == 200)
        }
    }

    @Test func fileUploadThroughMultipart() async throws {
        try await withSimulator(secretServerOptions()) { simulator in
            let client = try SecretServerTestClient(simulator)
            try await client.signIn()
            let boundary = "----pamtui"
            let body = "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"id_rsa\"\r\nContent-Type: application/octet-stream\r\n\r\nKEY BYTES\r\n--\(boundary)--\r\n"
            let uploaded = try await client.send("PUT", "api/v1/secrets/2511/fields/private-key",
                                                 headers: [("Content-Type", "multipart/form-data; boundary=\(boundary)")], body: Array(body.utf8))
            #expect(uploaded.status == 200)
            #expect(uploaded.object?["filename"] as? String == "id_rsa")
            #expect(try await client.get("api/v1/secrets/2511/fields/private-key").text == "KEY BYTES")
        }
    }

    @Test func templatesAndStubs() async throws {
        try await withSimulator(secretServerOptions()) { simulator in
            let client = try SecretServerTestClient(simulator)
            try await client.signIn()
            let template = try await client.get("api/v1/secret-templates/6007")
            let fields = try #require(template.object?["fields"] as? [[String: Any]])
            #expect(fields.first { $0["secretTemplateFieldId"] as? Int == 110 }?["fieldSlugName"] as? String == "password-1")
            #expect(try await client.get("api/v2/secret-templates/9").object?["name"] as? String == "Web Password")
            let listed = try await client.get("api/v1/secret-templates?take=100&filter.includeSecretCount=true")
            #expect(listed.records.count == 7)
            let stub = try await client.get("api/v1/secrets/stub?secretTemplateId=6003&folderId=1701")
            #expect(stub.object?["id"] as? Int == 0 && (stub.object?["items"] as? [Any])?.count == 4)
            let generated = try await client.post("api/v1/secret-templates/generate-password/110")
            #expect(generated.text.hasPrefix("\"Demo-"))
        }
    }

    @Test func scaleAddsSecretsAcrossFolders() async throws {
        try await withSimulator(secretServerOptions(scale: 1000)) { simulator in
            let client = try SecretServerTestClient(simulator)
            try await client.signIn()
            #expect(try await client.get("api/v1/secrets/search-total?filter.folderId=5000&filter.includeSubFolders=true").text == "1000")
            let batches = try await client.get("api/v1/folders/lookup?filter.parentFolderId=5000&filter.limitToDirectDescendents=true&take=100")
            #expect(batches.object?["total"] as? Int == 10)
            #expect(try await client.get("api/v1/secrets/100999").status == 200)
        }
    }
}
