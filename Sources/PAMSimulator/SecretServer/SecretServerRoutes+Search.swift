import Foundation
import PAMCore

extension SecretServerSimulator {
    /// `GET api/v1/secrets`: search with `filter.*`, `skip`, `take`, `sortBy[0]` → `PagingOfSecretSummary`.
    func searchSecrets(_ request: SimulatorRequest) -> SimulatorResponse {
        authorized(request) { user, state throws(SecretServerRefusal) in
            let query = SecretServerQuery(request)
            let window = try query.window(defaultTake: configuration.defaultTake).unwrap()
            let sort = query.sort(default: "name")
            let ids = try matchingSecrets(query, user: user, in: &state, sort: sort)
            let page = SecretServerPage(skip: window.skip, take: window.take, total: ids.count, sortName: sort.name, descending: sort.descending)
            let extended = query.strings("filter.extendedFields").flatMap { $0.split(separator: "|").map(String.init) }
            var paths: [Int: String] = [:]
            var writer = JSONWriter(capacity: 512 * page.range.count + 512)
            page.write(&writer) { w in
                w.array { w in
                    let world = state.world
                    let summary = { (id: Int, w: inout JSONWriter) in
                        guard let secret = world.secret(id) else { return }
                        let path = paths[secret.folderID] ?? world.folderPath(secret.folderID)
                        paths[secret.folderID] = path
                        SecretServerJSON.summary(&w, secret, world: world, folderPath: path, extendedFields: extended)
                    }
                    guard extended.isEmpty else {
                        for id in ids[page.range] { summary(id, &w) }
                        return
                    }
                    // 100,000 secrets are listed page by page many times (each client's run):
                    // a summary is encoded once per change of the world.
                    for row in summaryRows.rows(ids[page.range], version: world.generation, encode: summary) where !row.isEmpty {
                        w.rawValue(row)
                    }
                }
            }
            return .json(200, writer.bytes)
        }
    }

    /// `GET api/v1/secrets/search-total`: the same filters → a bare integer.
    func searchTotal(_ request: SimulatorRequest) -> SimulatorResponse {
        authorized(request) { user, state throws(SecretServerRefusal) in
            let query = SecretServerQuery(request)
            return .jsonInt(200, try matchingSecrets(query, user: user, in: &state, sort: nil).count)
        }
    }

    /// `GET api/v1/secrets/lookup`: the same filters → an envelope of `{id, value}`.
    func lookupSecrets(_ request: SimulatorRequest) -> SimulatorResponse {
        authorized(request) { user, state throws(SecretServerRefusal) in
            let query = SecretServerQuery(request)
            let window = try query.window(defaultTake: configuration.defaultTake).unwrap()
            let sort = query.sort(default: "name")
            let ids = try matchingSecrets(query, user: user, in: &state, sort: sort)
            let page = SecretServerPage(skip: window.skip, take: window.take, total: ids.count, sortName: sort.name, descending: sort.descending)
            return .json { w in
                page.write(&w) { w in
                    w.array { w in
                        for id in ids[page.range] {
                            if let secret = state.world.secret(id) { SecretServerJSON.lookup(&w, id: id, value: secret.name) }
                        }
                    }
                }
            }
        }
    }

    /// The ids of the secrets a search's filters select, in `sort` order (by name when nil).
    /// Restricted secrets (check-out, comment, approval, DoubleLock) show only with
    /// `filter.includeRestricted=true`, inactive ones only with `filter.includeInactive=true`.
    func matchingSecrets(
        _ query: SecretServerQuery, user: SSUser, in state: inout SecretServerState, sort: (name: String, descending: Bool)?
    ) throws(SecretServerRefusal) -> [Int] {
        let key = "\(user.id)|\(sort.map { "\($0.name)|\($0.descending)" } ?? "-")|\(query.filterKey)"
        if let cached = state.world.cachedSearch(key) { return cached }
        let ids = try uncachedMatchingSecrets(query, user: user, in: &state, sort: sort)
        state.world.cacheSearch(key, ids)
        return ids
    }

    private func uncachedMatchingSecrets(
        _ query: SecretServerQuery, user: SSUser, in state: inout SecretServerState, sort: (name: String, descending: Bool)?
    ) throws(SecretServerRefusal) -> [Int] {
        state.world.indexFolders()
        let world = state.world
        var folders: Set<Int>?
        if let folderID = try query.int("filter.folderId").unwrap() {
            var set: Set<Int> = [folderID]
            if query.bool("filter.includeSubFolders") == true { set.formUnion(world.descendants(of: folderID)) }
            folders = set
        }
        var templates: Set<Int>?
        if let templateID = try query.int("filter.secretTemplateId").unwrap() { templates = [templateID] }
        if let list = query.string("filter.secretTemplateIds"), !list.isEmpty {
            templates = Set(list.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) })
        }
        var secretIDs: Set<Int>?
        if let list = query.string("filter.secretIds"), !list.isEmpty {
            secretIDs = Set(list.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) })
        }
        let text = query.string("filter.searchText")?.lowercased().trimmingCharacters(in: .whitespaces) ?? ""
        let exact = query.bool("filter.isExactMatch") == true
        let fieldName = query.string("filter.searchField")?.lowercased()
        let fieldSlug = query.string("filter.searchFieldSlug")?.lowercased()
        let extended = Set(query.strings("filter.extendedFields").flatMap { $0.split(separator: "|").map { $0.lowercased() } })
        let includeInactive = query.bool("filter.includeInactive") == true
        let includeActive = query.bool("filter.includeActive") ?? true
        let includeRestricted = query.bool("filter.includeRestricted") == true
        let onlyCheckedOut = query.bool("filter.onlyCheckedOutSecrets") == true
        let onlyMine = query.bool("filter.onlySecretsCheckedOutByUser") == true
        let heartbeat = query.string("filter.heartbeatStatus")?.lowercased()
        let site = try query.int("filter.siteId").unwrap()

        func matches(_ value: String) -> Bool { exact ? value.lowercased() == text : value.lowercased().contains(text) }
        func selected(_ secret: SSSecret) -> Bool {
            if secret.active ? !includeActive : !includeInactive { return false }
            if secret.isRestricted, !includeRestricted { return false }
            if let templates, !templates.contains(secret.templateID) { return false }
            if let secretIDs, !secretIDs.contains(secret.id) { return false }
            if onlyCheckedOut, secret.checkout == nil { return false }
            if onlyMine, secret.checkout?.userID != user.id { return false }
            if let heartbeat, !heartbeat.isEmpty, secret.heartbeatStatus.lowercased() != heartbeat { return false }
            if let site, site > 0, secret.siteID != site { return false }
            guard !text.isEmpty else { return true }
            let template = world.template(secret.templateID)
            if fieldName != nil || fieldSlug != nil {
                guard let field = template?.fields.first(where: { $0.name.lowercased() == fieldName || $0.slug.lowercased() == fieldSlug }),
                      field.kind != .password, field.kind != .file, let item = secret.item(fieldID: field.id)
                else { return false }
                return matches(item.value)
            }
            if matches(secret.name) { return true }
            // Exposed fields named in `extendedFields` are searched too (tss-sdk-go relies on it).
            return template?.fields.contains { extended.contains($0.name.lowercased()) && $0.isExposed && (secret.item(fieldID: $0.id).map { matches($0.value) } ?? false) } ?? false
        }

        var ids: [Int]
        if let folders {
            ids = folders.flatMap { world.secretIDs(inFolder: $0) }
            ids = ids.filter { world.secret($0).map(selected) ?? false }
            ids.sort { Self.byName(world, $0, $1) }
        } else {
            ids = state.world.secretIDsByName().filter { world.secret($0).map(selected) ?? false }
        }
        guard let sort else { return ids }
        switch sort.name.lowercased() {
        case "id": ids.sort()
        case "secrettemplatename": ids.sort { (world.secret($0)?.templateID ?? 0, $0) < (world.secret($1)?.templateID ?? 0, $1) }
        case "folderid": ids.sort { (world.secret($0)?.folderID ?? 0, $0) < (world.secret($1)?.folderID ?? 0, $1) }
        case "createdate": ids.sort { (world.secret($0)?.created ?? .distantPast, $0) < (world.secret($1)?.created ?? .distantPast, $1) }
        default: break
        }
        return sort.descending ? ids.reversed() : ids
    }

    private static func byName(_ world: SecretServerWorld, _ a: Int, _ b: Int) -> Bool {
        ((world.secret(a)?.name.lowercased() ?? ""), a) < ((world.secret(b)?.name.lowercased() ?? ""), b)
    }
}
