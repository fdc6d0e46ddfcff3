import PAMCore

/// One client's DoubleLock password: which secrets need it (learnt from their refusals, as the
/// listing does not say), and the password, from `double_lock_password_command`/`_env` or asked
/// once, held in wiping memory for the client's life and dropped when the server refuses it.
actor SecretServerDoubleLock {
    /// Whether the request of one read carried the password, so a refusal after it says the
    /// password is wrong rather than missing. Set through `use` while the read runs.
    final class Use: Sendable {
        let sent = Locked(false)
    }

    @TaskLocal static var use: Use?

    private let source: (@Sendable () throws -> SecretBytes)?
    private let prompter: (any SecretPrompter)?
    private let profile: String
    private var locked: Set<String> = []
    /// Shared by concurrent readers, so they are asked once.
    private var obtaining: Task<SecretBytes, any Error>?

    init(configuration: SecretServerConfiguration, profile: String) {
        source = configuration.doubleLockPassword
        prompter = configuration.prompter
        self.profile = profile
    }

    /// Records that `id` is DoubleLocked; true when that is new and the password can be had, so
    /// the read is worth sending again with it.
    func learn(_ id: String) -> Bool {
        locked.insert(id).inserted && (source != nil || prompter != nil)
    }

    /// The password for a secret known to be DoubleLocked (the caller copies it and must not wipe
    /// it); nil for any other secret.
    func password(for id: String, subject: String) async throws -> SecretBytes? {
        guard locked.contains(id) else { return nil }
        let task = obtaining ?? Task { try await self.obtain(subject) }
        obtaining = task
        do {
            let password = try await task.value
            Self.use?.sent.withLock { $0 = true }
            return password
        } catch {
            obtaining = nil
            throw error
        }
    }

    /// The server refused the password sent: it is forgotten, so the next read asks again.
    func refused(_ subject: String, operation: String?, status: Int?) -> PAMError {
        obtaining = nil
        return PAMError(
            .authentication, "\(subject): the DoubleLock password was not accepted", profile: profile, operation: operation,
            vendorCode: SecretServerError.doubleLockState, status: status)
    }

    /// Signed out: the password goes (wiped as it is released).
    func forget() {
        obtaining = nil
    }

    private func obtain(_ subject: String) async throws -> SecretBytes {
        if let source {
            do { return try source() } catch let error as PAMError { throw error.within(profile: profile) }
        }
        let question = SecretQuestion(
            profile: profile, label: "DoubleLock password", why: "\(subject) is DoubleLocked", key: "double_lock_password")
        guard let prompter else { throw question.unanswerable("nobody to ask") }
        do {
            return try await prompter.secret(question)
        } catch let error as PAMError where error.kind == .cancelled {
            throw PAMError(.cancelled, "\(subject): no DoubleLock password given", profile: profile)
        }
    }
}
