import Foundation
import PAMCore
import PAMSimulator
import PAMTestSupport
import Testing

@Suite struct SimulatorTests {
    @Test func aVendorListedTwiceIsRefused() async throws {
        await #expect { try await Simulator.start(SimulatorOptions(vendors: [.beyondtrust, .beyondtrust])) } throws: {
            ($0 as? PAMError)?.message == "a vendor is listed more than once"
        }
    }

    @Test func endpointShapeAndCredentialOrder() async throws {
        try await withSimulator(beyondTrustOptions()) { simulator in
            let endpoint = try #require(simulator.endpoints.first)
            #expect(endpoint.vendor == SimulatorKind.beyondtrust.vendor)
            #expect(endpoint.url.hasPrefix("http://127.0.0.1:"))
            #expect(endpoint.url.hasSuffix("/BeyondTrust/api/public/v3"))
            #expect(endpoint.credentials.map(\.key) == ["apiKey", "runAs", "password", "oauthClientId", "oauthClientSecret"])
            #expect(simulator.tlsMaterial == nil)
        }
    }

    @Test func requestLogGetsOneLinePerRequest() async throws {
        let lines = LockedLines()
        var options = beyondTrustOptions()
        options.requestLog = { lines.append($0) }
        try await withSimulator(options) { simulator in
            let client = try BeyondTrustTestClient(simulator)
            try await client.signIn()
            _ = try await client.get("ManagedAccounts?systemName=srv1&accountName=root")
        }
        #expect(lines.all == ["POST /BeyondTrust/api/public/v3/Auth/SignAppIn → 200", "GET /BeyondTrust/api/public/v3/ManagedAccounts?systemName=srv1&accountName=root → 200"])
    }

    @Test func aPortInUseIsAOneLineError() async throws {
        try await withSimulator(beyondTrustOptions()) { first in
            let port = try #require(URLComponents(string: first.endpoints[0].url)?.port)
            var options = beyondTrustOptions()
            options.port = port
            do {
                let second = try await Simulator.start(options)
                await second.stop()
                Issue.record("bound a port that is in use")
            } catch let error as PAMError {
                #expect(error.message.contains("127.0.0.1:\(port)"))
                #expect(error.message.contains("in use"))
                #expect(!error.description.contains("\n"))
            }
        }
    }

    @Test func tlsNeedsAStateDirectory() async throws {
        var options = beyondTrustOptions()
        options.tls = .tls
        await #expect(throws: PAMError.self) { try await Simulator.start(options) }
    }

    @Test func theSameSeedGivesTheSameWorldAndCredentials() async throws {
        func snapshot(seed: UInt64) async throws -> (String, String, [String]) {
            try await withSimulator(beyondTrustOptions(seed: seed)) { simulator in
                let client = try BeyondTrustTestClient(simulator)
                try await client.signIn()
                let accounts = try await client.get("ManagedAccounts").text
                let secrets = try await client.get("Secrets-Safe/Secrets").text
                let id = try #require(try await client.checkOut(system: 5, account: 12).id)
                let password = try await client.get("Credentials/\(id)").text
                return (accounts + secrets, password, simulator.endpoints[0].credentials.map(\.value))
            }
        }
        let one = try await snapshot(seed: 7)
        let again = try await snapshot(seed: 7)
        let other = try await snapshot(seed: 8)
        #expect(one.0 == again.0)
        #expect(one.1 == again.1)
        #expect(one.2 == again.2)
        #expect(one.1 != other.1)
        #expect(one.2 != other.2)
        #expect(one.0 != other.0)
    }

    @Test func scaleAddsAccountsFiftyToASystem() async throws {
        try await withSimulator(beyondTrustOptions(scale: 5000)) { simulator in
            let client = try BeyondTrustTestClient(simulator)
            try await client.signIn()
            let base = try await withSimulator(beyondTrustOptions()) { plain in
                let plainClient = try BeyondTrustTestClient(plain)
                try await plainClient.signIn()
                return (
                    try #require(try await plainClient.get("ManagedAccounts?limit=100000").array).count,
                    try #require(try await plainClient.get("ManagedSystems?limit=1").object?["TotalCount"] as? Int))
            }
            var total = 0
            var offset = 0
            while true {
                let page = try #require(try await client.get("ManagedAccounts?limit=1000&offset=\(offset)").array)
                total += page.count
                offset += 1000
                if page.count < 1000 { break }
            }
            #expect(total == base.0 + 5000)
            let systems = try #require(try await client.get("ManagedSystems?limit=1").object?["TotalCount"] as? Int)
            #expect(systems == base.1 + 100)
            #expect(try await client.get("ManagedSystems?name=lnx-00002").array?.count == 1)
            let generated = try #require(try await client.get("ManagedAccounts?systemName=win-00001").array)
            #expect(generated.count == 50)
        }
    }

    /// The whole scaled world pages through (how fast is `make bench`'s business, not a test's).
    @Test func aHundredThousandAccountsAllPageThrough() async throws {
        try await withSimulator(beyondTrustOptions(scale: 100_000)) { simulator in
            let client = try BeyondTrustTestClient(simulator)
            try await client.signIn()
            var total = 0
            for offset in stride(from: 0, to: 120_000, by: 1000) {
                total += try await client.get("ManagedAccounts?limit=1000&offset=\(offset)").array?.count ?? 0
            }
            #expect(total >= 100_000)
        }
    }
}

/// Lines collected from another thread.
final class LockedLines: Sendable {
    private let lines = Locked<[String]>([])
    func append(_ line: String) { lines.withLock { $0.append(line) } }
    var all: [String] { lines.withLock { $0 } }
}
