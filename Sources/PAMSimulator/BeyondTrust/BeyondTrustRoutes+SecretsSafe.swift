import PAMCore
import Foundation

extension BeyondTrustSimulator {
    /// `GET Secrets-Safe/Folders[?folderName&folderPath&includeSubfolders&rootOnly&limit&offset]`: an array.
    func listFolders(_ request: SimulatorRequest) -> SimulatorResponse {
        authorized(request) { _, _ in
            let paging: (limit: Int?, offset: Int)
            switch self.paging(request) {
            case .success(let value): paging = value
            case .failure(let refusal): return refusal.response
            }
            var rows = Array(world.folders.indices)
            if let path = request.query("folderPath") {
                let wanted = path.split(separator: "/").map { $0.lowercased() }
                guard let match = rows.first(where: { world.folders[$0].path.map { $0.lowercased() } == wanted }) else {
                    return .json(200, Array("[]".utf8))
                }
                let includeSubfolders = request.query("includeSubfolders").map { $0.lowercased() != "false" } ?? true
                rows = includeSubfolders ? world.folderAndDescendants(match).sorted() : [match]
            }
            if let name = request.query("folderName")?.lowercased() {
                rows = rows.filter { world.folders[$0].name.lowercased().contains(name) }
            }
            if request.query("rootOnly")?.lowercased() == "true" {
                rows = rows.filter { world.folders[$0].parentIndex == nil }
            }
            return .json { w in
                w.array { w in
                    for index in rows.page(limit: paging.limit, offset: paging.offset) { BeyondTrustJSON.folder(&w, index, world: world) }
                }
            }
        }
    }

    /// `GET Secrets-Safe/Folders/{id}`.
    func folder(_ request: SimulatorRequest) -> SimulatorResponse {
        authorized(request) { _, _ in
            guard let index = world.folder(id: request.parameter("id")) else { return Refusal(404, "Folder not found").response }
            return .json { BeyondTrustJSON.folder(&$0, index, world: world) }
        }
    }

    /// `GET Secrets-Safe/Folders/{id}/Secrets` (what BIPS's docstring names; it really calls `Secrets?folderId=`).
    func secretsOfFolder(_ request: SimulatorRequest) -> SimulatorResponse {
        var copy = request
        copy.queryItems.append(("folderId", request.parameter("id")))
        return listSecrets(copy)
    }

    /// `GET Secrets-Safe/Secrets[?path&separator&title&folderId&decrypt&limit&offset&version]`:
    /// an array up to version 3.1, `{TotalCount, Data}` from 3.2.
    func listSecrets(_ request: SimulatorRequest) -> SimulatorResponse {
        authorized(request) { _, _ in
            let paging: (limit: Int?, offset: Int)
            switch self.paging(request) {
            case .success(let value): paging = value
            case .failure(let refusal): return refusal.response
            }
            var rows = Array(world.secrets.indices)
            if let path = request.query("path") {
                let separator = request.query("separator").flatMap { $0.isEmpty ? nil : $0 } ?? "/"
                let wanted = path.components(separatedBy: separator).filter { !$0.isEmpty }.map { $0.lowercased() }
                rows = rows.filter { world.folders[world.secrets[$0].folderIndex].path.map { $0.lowercased() } == wanted }
            }
            if let folderID = request.query("folderId") {
                rows = rows.filter { world.folders[world.secrets[$0].folderIndex].id == folderID.lowercased() }
            }
            if let title = request.query("title")?.lowercased() {
                rows = rows.filter { world.secrets[$0].title.lowercased() == title }
            }
            let decrypt = request.query("decrypt").map { $0.lowercased() != "false" } ?? true
            let version = APIVersion(query: request.query("version"))
            let page = rows.page(limit: paging.limit, offset: paging.offset)
            let writeRows = { [self] (w: inout JSONWriter) in
                w.array { w in
                    for index in page { BeyondTrustJSON.secret(&w, index, world: world, decrypt: decrypt, version: version) }
                }
            }
            var writer = JSONWriter()
            if version >= APIVersion(3, 2) {
                writer.object { w in
                    w.field("TotalCount", rows.count)
                    w.field("Data", writeRows)
                }
            } else {
                writeRows(&writer)
            }
            return .json(200, writer.bytes)
        }
    }

    /// `GET Secrets-Safe/Secrets/{id}` and its `/text` and `/file` views (404 when of another kind).
    func secret(_ request: SimulatorRequest, kind: BTSecret.Kind? = nil) -> SimulatorResponse {
        authorized(request) { _, _ in
            guard let index = world.secret(id: request.parameter("id")) else { return Refusal(404, "Secret not found").response }
            if let kind, world.secrets[index].kind != kind {
                return Refusal(404, "The secret is not a \(kind.rawValue) secret").response
            }
            let version = APIVersion(query: request.query("version"))
            return .json { BeyondTrustJSON.secret(&$0, index, world: world, decrypt: true, version: version) }
        }
    }

    /// `GET Secrets-Safe/Secrets/{id}/file/download`: the raw file.
    func downloadFile(_ request: SimulatorRequest) -> SimulatorResponse {
        authorized(request) { _, _ in
            guard let index = world.secret(id: request.parameter("id")) else { return Refusal(404, "Secret not found").response }
            let secret = world.secrets[index]
            guard secret.kind == .file, let contents = secret.fileContents else {
                return Refusal(404, "The secret is not a File secret").response
            }
            return .bytes(contents, contentType: "application/octet-stream",
                          headers: [("Content-Disposition", "attachment; filename=\"\(secret.fileName ?? "secret")\"")])
        }
    }
}
