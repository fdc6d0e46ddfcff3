import PAMCore

extension SecretServerClient: TemplateBrowsing {
    /// Every template (`GET secret-templates`, skip/take pages), each with its fields from
    /// `GET secret-templates/{id}`, read once per run and several at a time.
    public func listTemplates() async throws -> [SecretTemplate] {
        let take = configuration.pageSize
        let summaries = try await PagedFetch.all(
            pageSize: take, concurrency: configuration.pageConcurrency, bounds: configuration.listBounds, profile: profile,
            operation: "list templates"
        ) { [self] skip in
            try await call("list templates") {
                let page = try await session.decode(
                    SecretServerDTO.Paging<SecretServerDTO.TemplateSummary>.self, .templates(skip: skip, take: take))
                return PagedFetch.Page(page.records ?? [], total: page.total)
            }
        }
        return await withTaskGroup(of: (Int, SecretTemplate).self) { group in
            for (index, summary) in summaries.enumerated() {
                group.addTask { [self] in
                    let fields = await templateFields(summary.id) ?? []
                    return (index, SecretTemplate(id: String(summary.id), name: summary.name ?? String(summary.id), fields: fields))
                }
            }
            var templates: [(Int, SecretTemplate)] = []
            for await template in group { templates.append(template) }
            return templates.sorted { $0.0 < $1.0 }.map(\.1)
        }
    }
}
