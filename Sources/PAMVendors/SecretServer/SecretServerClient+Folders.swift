import Foundation
import PAMCore

extension SecretServerClient: SecretSearching {
    /// Every folder I may view, paged (`GET folders`).
    public func listFolders() async throws -> [Folder] {
        let take = configuration.pageSize
        return try await PagedFetch.all(
            pageSize: take, concurrency: configuration.pageConcurrency, bounds: configuration.listBounds, profile: profile,
            operation: "list folders"
        ) { [self] skip in
            try await call("list folders") {
                let page = try await session.decode(
                    SecretServerDTO.Paging<SecretServerDTO.Folder>.self, .folders(parentID: nil, skip: skip, take: take))
                return PagedFetch.Page((page.records ?? []).map(SecretServerMapping.folder), total: page.total)
            }
        }
    }

    /// Secrets of one folder (its own, not its subfolders'), or all, with skip/take pages in
    /// flight. Summaries carry no fields: each template's are read once per run.
    public func secretPages(folderID: String?) -> PageStream<StoredSecret> {
        searchPages(SecretSearch(folderID: folderID), operation: "list secrets")
    }

    /// Secrets of every folder whose name holds `text` (`filter.searchText`).
    public func searchSecrets(_ text: String) -> PageStream<StoredSecret> {
        var search = SecretSearch()
        search.text = text
        return searchPages(search, operation: "search secrets")
    }

    func searchPages(_ search: SecretSearch, operation: String) -> PageStream<StoredSecret> {
        let take = configuration.pageSize
        return PagedFetch.stream(
            pageSize: take, concurrency: configuration.pageConcurrency, bounds: configuration.listBounds, profile: profile,
            operation: operation
        ) { [self] skip in
            try await call(operation) {
                let page = try await summaries(search, skip: skip, take: take)
                // A page's secrets share a few templates and folders: each is looked up once.
                var fields: [Int: [SecretField]?] = [:]
                var paths: [String: String?] = [:]
                var secrets: [StoredSecret] = []
                secrets.reserveCapacity(page.items.count)
                for summary in page.items {
                    let template = summary.secretTemplateId ?? -1
                    if fields[template] == nil { fields[template] = .some(await templateFields(summary.secretTemplateId)) }
                    let wire = summary.folderPath ?? ""
                    if paths[wire] == nil { paths[wire] = .some(SecretServerMapping.kitPath(summary.folderPath)) }
                    secrets.append(SecretServerMapping.secret(summary, fields: fields[template]!, folderPath: paths[wire]!))
                }
                return PagedFetch.Page(secrets, total: page.total)
            }
        }
    }

    func summaries(_ search: SecretSearch, skip: Int, take: Int) async throws -> PagedFetch.Page<SecretServerDTO.SecretSummary> {
        let page = try await session.list(SecretServerDTO.SecretSummary.self, .searchSecrets(search, skip: skip, take: take))
        return PagedFetch.Page(page.items, total: page.total)
    }

    /// The secret's first password (or text) field, looking only.
    public func secretValue(id: String) async throws -> SecretBytes {
        try await call("get secret") {
            let model = try await model(id: id)
            let fields = await fields(of: model)
            guard let field = fields.first(where: { $0.kind == .password }) ?? fields.first(where: { $0.isSecret && $0.kind != .file && $0.kind != .privateKey }) else {
                throw PAMError(.notFound, "secret \(model.name) has no password or text field")
            }
            return try await fieldValue(id: id, field: field, context: RetrievalContext(), subject: model.name)
        }
    }

    /// The secret's first file field (an SSH key or attachment), looking only.
    public func downloadFile(id: String) async throws -> SecretBytes {
        try await call("download file") {
            let model = try await model(id: id)
            guard let field = await fields(of: model).first(where: { $0.kind == .file || $0.kind == .privateKey }) else {
                throw PAMError(.notFound, "secret \(model.name) has no file field")
            }
            return try await fieldValue(id: id, field: field, context: RetrievalContext(), subject: model.name)
        }
    }
}
