import Foundation
import PAMCore
import PAMSimulator
import PAMTestSupport
import PAMTransport
import PAMVendors

/// A Secret Server simulator in process, on a manual clock, with a log of what it served.
struct SimulatedSecretServer {
    var endpoint: SimulatedEndpoint
    var clock: ManualSimulatorClock
    var transport: CurlTransport
    var serverLog: Locked<[String]>

    func credential(_ key: String) -> String { endpoint.credential(key) ?? "" }

    /// Lines the simulator logged whose request contains `fragment`.
    func served(_ fragment: String) -> [String] {
        serverLog.withLock { $0.filter { $0.localizedCaseInsensitiveContains(fragment) } }
    }

    /// A client for `user` (the demo user by default, `otp` for the two-factor one) on the
    /// simulator's clock; `adjust` sets the rest (prompter, sources).
    func client(
        user: String = "", _ adjust: (inout SecretServerConfiguration) -> Void = { _ in }
    ) -> SecretServerClient {
        var configuration = SecretServerConfiguration(
            siteURL: endpoint.url, username: credential(user.isEmpty ? "username" : "\(user)Username"),
            password: SecretBytes(utf8: credential(user.isEmpty ? "password" : "\(user)Password")))
        configuration.retry = RetryPolicy(attempts: 1, baseDelay: .zero, maxDelay: .zero)
        adjust(&configuration)
        return SecretServerClient(profile: "ss", configuration: configuration, transport: transport, now: { [clock] in clock.now() })
    }
}

/// Starts a Secret Server simulator, runs `body`, then stops it.
func withSecretServer(_ body: (SimulatedSecretServer) async throws -> Void) async throws {
    let clock = ManualSimulatorClock(Date(timeIntervalSince1970: 1_790_000_000))
    let serverLog = Locked<[String]>([])
    var options = SimulatorOptions(vendors: [.secretserver])
    options.clock = clock
    options.requestLog = { line in serverLog.withLock { $0.append(line) } }
    try await withSimulator(options) { simulator in
        guard let endpoint = simulator.endpoint(for: .secretserver) else { throw PAMError(.notFound, "no Secret Server endpoint") }
        let transport = try CurlTransport(options: TransportOptions(), observer: nil)
        defer { transport.shutdown() }
        try await body(SimulatedSecretServer(endpoint: endpoint, clock: clock, transport: transport, serverLog: serverLog))
    }
}

/// Answers questions from a script, in order, and records them.
final class ScriptedPrompter: SecretPrompter {
    private let answers: Locked<[String?]>
    let asked = Locked<[SecretQuestion]>([])

    /// nil in `answers` declines (as Esc does).
    init(_ answers: [String?]) { self.answers = Locked(answers) }

    var questions: [SecretQuestion] { asked.withLock { $0 } }

    func secret(_ question: SecretQuestion) async throws -> SecretBytes {
        asked.withLock { $0.append(question) }
        let next = answers.withLock { $0.isEmpty ? nil : $0.removeFirst() }
        guard let next else { throw PAMError(.cancelled, "cancelled") }
        return SecretBytes(utf8: next)
    }
}
