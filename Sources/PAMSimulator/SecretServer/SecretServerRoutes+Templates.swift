import Foundation
import PAMCore

extension SecretServerSimulator {
    /// `GET api/v1/secret-templates/{id}` (and v2) → `SecretTemplateModel` with its fields.
    func template(_ request: SimulatorRequest) -> SimulatorResponse {
        authorized(request) { _, state throws(SecretServerRefusal) in
            guard let template = state.world.template(try id(request)) else { throw SecretServerRefusal.accessDenied }
            return .json { SecretServerJSON.template(&$0, template) }
        }
    }

    /// `GET api/v1/secret-templates?filter.searchText=&filter.includeSecretCount=`.
    func searchTemplates(_ request: SimulatorRequest) -> SimulatorResponse {
        authorized(request) { _, state throws(SecretServerRefusal) in
            let query = SecretServerQuery(request)
            let window = try query.window(defaultTake: configuration.defaultTake).unwrap()
            var templates = state.world.templates.sorted { $0.name.lowercased() < $1.name.lowercased() }
            if let text = query.string("filter.searchText")?.lowercased(), !text.isEmpty {
                templates = templates.filter { $0.name.lowercased().contains(text) }
            }
            let counting = query.bool("filter.includeSecretCount") == true
            var counts: [Int: Int] = [:]
            if counting { for secret in state.world.secrets.values where secret.active { counts[secret.templateID, default: 0] += 1 } }
            let page = SecretServerPage(skip: window.skip, take: window.take, total: templates.count, sortName: "name", descending: false)
            return .json { w in
                page.write(&w) { w in
                    w.array { w in
                        for template in templates[page.range] {
                            SecretServerJSON.templateSummary(&w, template, secretCount: counting ? counts[template.id] ?? 0 : nil)
                        }
                    }
                }
            }
        }
    }
}
