import Foundation
import PAMSimulator

/// An in-process simulator of `kind` and a private (0600) config file for the binary, its text
/// made from the simulator's endpoint: its URL and the credentials `simulate` keeps for tests
/// (a two-factor user, a DoubleLock password). Runs `body` with the file's path.
@discardableResult
public func withSimulatedConfig<R>(
    _ kind: SimulatorKind, _ text: (SimulatedEndpoint) -> String, _ body: (String, SimulatedEndpoint) async throws -> R
) async throws -> R {
    try await withTemporaryDirectory(prefix: "pamtui-config") { directory in
        try await withSimulator(SimulatorOptions(vendors: [kind])) { simulator in
            guard let endpoint = simulator.endpoint(for: kind) else { throw SimulatedConfigError.noEndpoint(kind.vendor.rawValue) }
            let path = "\(directory)/config.toml"
            guard FileManager.default.createFile(atPath: path, contents: Data(text(endpoint).utf8), attributes: [.posixPermissions: 0o600]) else {
                throw SimulatedConfigError.unwritable(path)
            }
            return try await body(path, endpoint)
        }
    }
}

enum SimulatedConfigError: Error {
    case noEndpoint(String)
    case unwritable(String)
}
