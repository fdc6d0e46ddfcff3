import PAMCore
import Foundation

/// Query arguments as ASP.NET binds them: case-insensitive keys, an optional `paging.` prefix
/// (tss-sdk-go sends `paging.filter.searchText`), `True`/`true` booleans, and `skip`/`take`/`sortBy`.
struct SecretServerQuery {
    let request: SimulatorRequest

    init(_ request: SimulatorRequest) { self.request = request }

    /// The query without its page window, for caching one search's ids across its pages.
    var filterKey: String {
        request.queryItems.filter { !["skip", "take", "paging.skip", "paging.take"].contains($0.name.lowercased()) }
            .map { "\($0.name.lowercased())=\($0.value)" }.sorted().joined(separator: "&")
    }

    func string(_ name: String) -> String? {
        request.query(name) ?? request.query("paging." + name)
    }

    /// Every value of a repeatable key (`filter.extendedFields`).
    func strings(_ name: String) -> [String] {
        let wanted = [name.lowercased(), "paging." + name.lowercased()]
        return request.queryItems.filter { wanted.contains($0.name.lowercased()) }.map(\.value)
    }

    /// A boolean; nil when absent or empty.
    func bool(_ name: String) -> Bool? {
        guard let text = string(name)?.lowercased(), !text.isEmpty else { return nil }
        return text == "true" || text == "1"
    }

    /// An integer, or a 400 when present but not one.
    func int(_ name: String) -> Result<Int?, SecretServerRefusal> {
        guard let text = string(name), !text.isEmpty else { return .success(nil) }
        guard let value = Int(text) else { return .failure(.validation("The value '\(text)' is not valid for \(name).")) }
        return .success(value)
    }

    /// `skip` and `take`: take absent or 0 → the default page size; negative numbers are refused.
    func window(defaultTake: Int) -> Result<(skip: Int, take: Int), SecretServerRefusal> {
        let skip: Int?, take: Int?
        switch int("skip") { case .success(let value): skip = value; case .failure(let refusal): return .failure(refusal) }
        switch int("take") { case .success(let value): take = value; case .failure(let refusal): return .failure(refusal) }
        if let skip, skip < 0 { return .failure(.validation("skip must be zero or more.")) }
        if let take, take < 0 { return .failure(.validation("take must be zero or more.")) }
        let effective = take.flatMap { $0 == 0 ? nil : $0 } ?? defaultTake
        return .success((skip ?? 0, effective))
    }

    /// `sortBy[0].name` and `.direction`, or the default.
    func sort(default name: String) -> (name: String, descending: Bool) {
        let field = string("sortBy[0].name").flatMap { $0.isEmpty ? nil : $0 } ?? name
        return (field, string("sortBy[0].direction")?.lowercased() == "desc")
    }
}

/// One page of a list and the `PagingOf…` envelope around it.
struct SecretServerPage {
    var skip: Int
    var take: Int
    var total: Int
    var sortName: String
    var descending: Bool

    /// The indexes of `total` rows this page shows.
    var range: Range<Int> {
        let lower = min(skip, total)
        return lower..<min(total, lower + take)
    }

    /// The envelope, with `records` written by `rows`.
    func write(_ w: inout JSONWriter, rows: (inout JSONWriter) -> Void) {
        let pageCount = take > 0 ? (total + take - 1) / take : 0
        w.object { w in
            w.field("records", rows)
            w.field("filter", nil as String?)
            w.field("skip", skip)
            w.field("take", take)
            w.field("total", total)
            w.field("pageCount", pageCount)
            w.field("currentPage", take > 0 ? skip / take + 1 : 1)
            w.field("batchCount", pageCount)
            w.field("prevSkip", max(0, skip - take))
            w.field("nextSkip", skip + take)
            w.field("hasPrev", skip > 0)
            w.field("hasNext", skip + take < total)
            w.field("sortBy") { w in
                w.array { w in
                    w.object { w in
                        w.field("name", sortName)
                        w.field("direction", descending ? "Desc" : "Asc")
                        w.field("priority", 0)
                    }
                }
            }
            w.field("success", true)
            w.field("severity", "None")
        }
    }
}
