import PAMCore
import Testing

@Suite struct FolderTreeTests {
    @Test func buildsDepthFirstSortedPaths() {
        let tree = FolderTree([
            Folder(id: "3", parentID: "1", name: "prod"),
            Folder(id: "1", parentID: nil, name: "team"),
            Folder(id: "2", parentID: "1", name: "app"),
            Folder(id: "4", parentID: nil, name: "Infra"),
        ])
        #expect(tree.nodes.map(\.path) == ["Infra", "team", "team/app", "team/prod"])
        #expect(tree.nodes.map(\.depth) == [0, 0, 1, 1])
        #expect(tree.path(of: "3") == "team/prod")
    }

    @Test func orphansAndCyclesStillAppearOnce() {
        let tree = FolderTree([
            Folder(id: "a", parentID: "missing", name: "orphan"),
            Folder(id: "b", parentID: "c", name: "b"),
            Folder(id: "c", parentID: "b", name: "c"),
            Folder(id: "d", parentID: "d", name: "self"),
        ])
        #expect(Set(tree.nodes.map(\.id)) == ["a", "b", "c", "d"])
        #expect(tree.nodes.count == 4)
        #expect(tree.nodes.first { $0.id == "a" }?.depth == 0)
    }
}

@Suite struct AccountReferenceTests {
    @Test func parsesWithAndWithoutProfile() throws {
        #expect(try AccountReference(parsing: "prod:DC01/admin") == AccountReference(profile: "prod", systemName: "DC01", accountName: "admin"))
        #expect(try AccountReference(parsing: "DC01/admin") == AccountReference(profile: nil, systemName: "DC01", accountName: "admin"))
        #expect(try AccountReference(parsing: #"bt:corp.example.com/CORP\svc"#).accountName == #"CORP\svc"#)
        #expect(try AccountReference(parsing: "prod:srv:8443/root") == AccountReference(profile: "prod", systemName: "srv:8443", accountName: "root"))
    }

    @Test(arguments: ["DC01", "/admin", "DC01/", ":DC01/admin", ""])
    func rejectsIncompleteReferences(text: String) {
        #expect { try AccountReference(parsing: text) } throws: { ($0 as? PAMError)?.kind == .usage }
    }
}
