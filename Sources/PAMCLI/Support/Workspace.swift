import PAMConfig
import PAMCore
import PAMTransport

/// The profiles of one command run and the clients opened for them. Closing it signs every
/// client out and shuts its transport down, so no session outlives the command.
final class Workspace: @unchecked Sendable {
    let configuration: PAMConfiguration
    let observer: (any HTTPExchangeObserver)?
    /// Asks for secrets a profile has no source for: the terminal in the CLI, a dialog in the UI.
    let prompter: (any SecretPrompter)?
    /// Check-outs go through it, so none is forgotten (the journal in $XDG_STATE_HOME).
    let keeper: LeaseKeeper
    private var connections: [String: ClientFactory.Connection] = [:]
    private let lock = PosixLock()

    init(configuration: PAMConfiguration, observer: (any HTTPExchangeObserver)?, prompter: (any SecretPrompter)?) {
        self.configuration = configuration
        self.observer = observer
        self.prompter = prompter
        keeper = LeaseKeeper(journal: LeaseJournal(path: LeaseJournal.standardPath()))
    }

    /// The client of a profile (the only profile when `name` is nil), opened on first use.
    func client(_ name: String?) throws -> any VendorClient {
        let profile = try configuration.profile(named: name)
        return try lock.withLock {
            if let existing = connections[profile.name] { return existing.client }
            let connection = try ClientFactory.connect(profile, observer: observer, prompter: prompter)
            connections[profile.name] = connection
            return connection.client
        }
    }

    /// The clients of the named profile, or of every profile when `name` is nil.
    func clients(_ name: String?) throws -> [any VendorClient] {
        if let name { return [try client(name)] }
        return try configuration.profiles.map { try client($0.name) }
    }

    /// Signs out of every opened session and stops the transports, also when the command was
    /// cancelled by a signal.
    func close() async {
        try? await Interruption.cleanup { await self.closeNow() }
    }

    private func closeNow() async {
        let opened = lock.withLock { Array(connections.values) }
        lock.withLock { connections.removeAll() }
        await withTaskGroup(of: Void.self) { group in
            for connection in opened { group.addTask { await connection.client.signOut() } }
        }
        opened.forEach { $0.transport.shutdown() }
    }

    /// Runs `body` with a workspace and closes it afterwards, also when `body` throws.
    static func with<R>(_ options: CommonOptions, _ body: (Workspace) async throws -> R) async throws -> R {
        let workspace = try options.workspace()
        do {
            let result = try await body(workspace)
            await workspace.close()
            return result
        } catch {
            await workspace.close()
            throw error
        }
    }
}
