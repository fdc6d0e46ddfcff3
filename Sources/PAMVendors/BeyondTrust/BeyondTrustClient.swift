import Foundation
import PAMCore

/// A BeyondTrust Password Safe connection: managed systems and accounts, check-out/check-in of
/// credentials, and the Secrets Safe folder tree.
public final class BeyondTrustClient: VendorClient {
    public let profile: String
    public static let vendorID: VendorID = "beyondtrust"
    public let vendor = BeyondTrustClient.vendorID
    let configuration: BeyondTrustConfiguration
    let session: BeyondTrustSession
    let now: @Sendable () -> Date

    public init(
        profile: String, configuration: BeyondTrustConfiguration, transport: any HTTPTransport,
        now: @escaping @Sendable () -> Date = Date.init
    ) {
        self.profile = profile
        self.configuration = configuration
        self.session = BeyondTrustSession(transport: transport, configuration: configuration, now: now)
        self.now = now
    }

    public func signOut() async {
        await session.signOut()
    }

    public func sessionStatus() async -> SessionStatus {
        await session.status
    }

    func decode<T: Decodable>(_ type: T.Type, _ endpoint: BeyondTrustEndpoint, subject: String? = nil) async throws -> T {
        let response = try await session.send(endpoint, subject: subject)
        return try WireJSON.decode(type, from: response.body, operation: endpoint.operation)
    }

    func list<T: JSONScannable>(_ type: T.Type, _ endpoint: BeyondTrustEndpoint) async throws -> (items: [T], total: Int?) {
        let response = try await session.send(endpoint)
        return try WireList.decode(type, from: response.body, operation: endpoint.operation)
    }
}


extension BeyondTrustClient: SystemBrowsing {
    public func systemPages() -> PageStream<ManagedSystem> {
        let pageSize = configuration.pageSize
        return PagedFetch.stream(
            pageSize: pageSize, concurrency: configuration.pageConcurrency, bounds: configuration.listBounds, profile: profile,
            operation: "list systems"
        ) { [self] offset in
            try await call("list systems") {
                let page = try await list(BeyondTrustDTO.ManagedSystem.self, .systems(limit: pageSize, offset: offset))
                return PagedFetch.Page(page.items.map(BeyondTrustMapping.system), total: page.total)
            }
        }
    }

    public func system(id: String) async throws -> ManagedSystem {
        try await call("get system") {
            let found = try await list(BeyondTrustDTO.ManagedSystem.self, .system(id: id)).items
            guard let system = found.first else { throw PAMError(.notFound, "no managed system \(id)") }
            return BeyondTrustMapping.system(system)
        }
    }
}

extension BeyondTrustClient: AccountBrowsing {
    public func accountPages(_ scope: AccountScope) -> PageStream<Account> {
        let pageSize = configuration.pageSize
        let (systemID, systemName): (String?, String?) = switch scope {
        case .all: (nil, nil)
        case .systemID(let id): (id, nil)
        case .systemName(let name): (nil, name)
        }
        // Each page is decoded and mapped in its own task, so that work runs in parallel too.
        return PagedFetch.stream(
            pageSize: pageSize, concurrency: configuration.pageConcurrency, bounds: configuration.listBounds, profile: profile,
            operation: "list accounts"
        ) { [self] offset in
            try await call("list accounts") {
                PagedFetch.Page(try await list(
                    BeyondTrustDTO.ManagedAccount.self, .accounts(systemID: systemID, systemName: systemName, limit: pageSize, offset: offset)
                ).items.map(BeyondTrustMapping.account))
            }
        }
    }

    public func findAccount(systemName: String, accountName: String) async throws -> Account {
        try await call("find account") {
            let found = try await list(BeyondTrustDTO.ManagedAccount.self, .account(systemName: systemName, accountName: accountName))
            guard let first = found.items.first else {
                throw PAMError(.notFound, "no account \(systemName)/\(accountName)")
            }
            return BeyondTrustMapping.account(first)
        }
    }
}
