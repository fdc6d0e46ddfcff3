import PAMCore
import Foundation

extension BeyondTrustSimulator {
    /// `GET ManagedSystems[?name&type&limit&offset]`: array without `limit`, `{TotalCount, Data}` with it.
    func listManagedSystems(_ request: SimulatorRequest) -> SimulatorResponse {
        authorized(request) { _, _ in
            let paging: (limit: Int?, offset: Int)
            switch self.paging(request) {
            case .success(let value): paging = value
            case .failure(let refusal): return refusal.response
            }
            var matches: [Int]
            if let name = request.query("name") {
                matches = world.system(named: name).map { [$0] } ?? []
            } else {
                matches = Array(world.systems.indices)
            }
            if let type = request.query("type") {
                guard let entityType = Int(type) else { return Refusal(400, "type must be an entity type id").response }
                matches = matches.filter { world.systems[$0].kind.entityTypeID == entityType }
            }
            let page = matches.page(limit: paging.limit ?? 100_000, offset: paging.offset)
            var writer = JSONWriter(capacity: page.count * 1200 + 64)
            let writeRows = { [self] (w: inout JSONWriter) in
                w.array { w in for index in page { BeyondTrustJSON.system(&w, world.systems[index], index: index) } }
            }
            if paging.limit != nil {
                writer.object { w in
                    w.field("TotalCount", matches.count)
                    w.field("Data", writeRows)
                }
            } else {
                writeRows(&writer)
            }
            return .json(200, writer.bytes)
        }
    }

    /// `GET ManagedSystems/{id}`.
    func managedSystem(_ request: SimulatorRequest) -> SimulatorResponse {
        authorized(request) { _, _ in
            guard let index = Int(request.parameter("id")).flatMap(world.system(id:)) else {
                return Refusal(404, "Managed System not found").response
            }
            return .json { BeyondTrustJSON.system(&$0, world.systems[index], index: index) }
        }
    }

    /// `GET ManagedSystems/{id}/ManagedAccounts`: the provisioning view, every account of the system.
    func managedAccountsOfSystem(_ request: SimulatorRequest) -> SimulatorResponse {
        authorized(request) { _, state in
            guard let index = Int(request.parameter("id")).flatMap(world.system(id:)) else {
                return Refusal(404, "Managed System not found").response
            }
            let paging: (limit: Int?, offset: Int)
            switch self.paging(request) {
            case .success(let value): paging = value
            case .failure(let refusal): return refusal.response
            }
            var rows = Array(world.systems[index].accounts)
            if let name = request.query("accountName") {
                rows = world.account(named: name, onSystem: index).map { [$0] } ?? []
            }
            let snapshot = state
            return .json { w in
                w.array { w in
                    for account in rows.page(limit: paging.limit, offset: paging.offset) {
                        BeyondTrustJSON.provisioningAccount(&w, account, world: world, state: snapshot)
                    }
                }
            }
        }
    }

    /// `GET ManagedAccounts`: the requestor view of API-enabled accounts. With both `systemName`
    /// and `accountName` it is one object (404 when unknown); otherwise an array, paged by
    /// `limit` (default 1000) and `offset`.
    func listManagedAccounts(_ request: SimulatorRequest) -> SimulatorResponse {
        authorized(request) { _, state in
            let paging: (limit: Int?, offset: Int)
            switch self.paging(request) {
            case .success(let value): paging = value
            case .failure(let refusal): return refusal.response
            }
            let systemName = request.query("systemName")
            let accountName = request.query("accountName")
            let snapshot = state

            if let systemName, let accountName {
                guard let system = world.system(named: systemName),
                      let account = world.account(named: accountName, onSystem: system),
                      world.accounts[account].apiEnabled
                else { return Refusal(404, "Managed Account not found").response }
                return .json { BeyondTrustJSON.requestorAccount(&$0, account, world: world, state: snapshot) }
            }

            var rows: [Int]
            if let systemName {
                rows = world.system(named: systemName).map { Array(world.systems[$0].accounts) } ?? []
            } else if let systemID = request.query("systemID") {
                guard let id = Int(systemID) else { return Refusal(400, "systemID must be a number").response }
                rows = world.system(id: id).map { Array(world.systems[$0].accounts) } ?? []
            } else {
                rows = world.apiAccounts
            }
            if systemName != nil || request.query("systemID") != nil {
                rows = rows.filter { world.accounts[$0].apiEnabled }
            }
            if let accountName {
                let wanted = accountName.lowercased()
                rows = rows.filter { world.accounts[$0].name.lowercased() == wanted }
            }
            if let type = request.query("type")?.lowercased() {
                rows = rows.filter { index in
                    let account = world.accounts[index]
                    let kind = world.systems[account.systemIndex].kind
                    switch type {
                    case "system": return kind.entityTypeID == 1
                    case "database": return kind.isDatabase
                    case "domainlinked": return account.domainName != nil
                    case "cloud", "application": return false
                    default: return true
                    }
                }
            }
            if let address = request.query("ipAddress") {
                rows = rows.filter { world.systems[world.accounts[$0].systemIndex].ipAddress == address }
            }
            let page = rows.page(limit: paging.limit ?? 1000, offset: paging.offset)
            var writer = JSONWriter(capacity: page.count * 700 + 16)
            writer.array { w in
                for account in page {
                    let version = snapshot.lastChange(account, world: world)
                    w.rawValue(accountRows.row(account, version: version) { row in
                        BeyondTrustJSON.requestorAccount(&row, account, world: world, state: snapshot)
                    })
                }
            }
            return .json(200, writer.bytes)
        }
    }

    /// `GET ManagedAccounts/{id}`: the provisioning view of one account (API-enabled or not).
    func managedAccount(_ request: SimulatorRequest) -> SimulatorResponse {
        authorized(request) { _, state in
            guard let index = Int(request.parameter("id")).flatMap(world.account(id:)) else {
                return Refusal(404, "Managed Account not found").response
            }
            let snapshot = state
            return .json { BeyondTrustJSON.provisioningAccount(&$0, index, world: world, state: snapshot) }
        }
    }
}
