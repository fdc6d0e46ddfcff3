import Foundation
import PAMCore
import PAMScreen

/// Puts secrets in the clipboard and takes them out again (implemented over PAMClipboard).
public protocol SecretClipboard: Sendable {
    /// Copies and returns which backend holds it and when it should be cleared.
    func copy(_ secret: SecretBytes, clearAfterSeconds: Int) async throws -> ClipboardHold
    /// Clears our copy if it is still there; true when that could be verified.
    func clear() async -> Bool
    /// What is in use and what can be promised, one line each.
    func doctor() async -> [String]
}

/// Performs effects as tasks off the UI thread and posts their results to the inbox. It knows
/// when nothing is in flight, so tests wait for idle instead of sleeping.
public final class EffectRunner: Sendable {
    public typealias ClientProvider = @Sendable (_ profile: String) async throws -> any VendorClient

    private let clients: ClientProvider
    private let clipboard: (any SecretClipboard)?
    public let secrets: SecretStore
    private let inbox: Inbox
    private let inFlight = Locked(0)
    private let subscriptions = Locked<[String: Task<Void, Never>]>([:])
    private let onQuit: @Sendable () -> Void
    /// Journals every check-out, so one whose answer is lost is found again.
    private let keeper: LeaseKeeper
    /// Where the text fields' history lives; nil keeps it in memory only (tests).
    private let historyFile: InputHistoryFile?
    /// The newest history waiting to be written, and whether a writer is at it: saves are
    /// written one at a time, newest last, so an older one never lands over a newer one.
    private let historyWrite = Locked<(pending: InputHistory?, writing: Bool)>((nil, false))
    /// Takes the secret dialog's answers; nil when nothing asks through the UI (tests).
    private let prompter: DialogPrompter?

    public init(
        clients: @escaping ClientProvider, clipboard: (any SecretClipboard)?, secrets: SecretStore = SecretStore(),
        inbox: Inbox, keeper: LeaseKeeper = LeaseKeeper(journal: nil), history: InputHistoryFile? = nil,
        prompter: DialogPrompter? = nil, onQuit: @escaping @Sendable () -> Void = {}
    ) {
        self.prompter = prompter
        self.keeper = keeper
        self.historyFile = history
        self.clients = clients
        self.clipboard = clipboard
        self.secrets = secrets
        self.inbox = inbox
        self.onQuit = onQuit
    }

    /// True when no effect is running.
    public var isIdle: Bool { inFlight.withLock { $0 == 0 } }

    /// Starts each effect; quick ones (forgetting a secret) run inline.
    public func run(_ effects: [Effect]) {
        effects.forEach(run)
    }

    public func run(_ effect: Effect) {
        switch effect {
        case .forgetSecret(let leaseID):
            secrets.forget(leaseID)
        case .quit:
            cancelSubscriptions()
            secrets.forgetAll()
            onQuit()
        case .subscribe(let id, let interval, let inner):
            subscribe(id, every: interval, inner)
        case .cancel(let id):
            subscriptions.withLock { $0.removeValue(forKey: id) }?.cancel()
        case .setMouse, .setTheme, .bell:
            break
        case .saveHistory(let history):
            saveHistory(history)
        case .answerPrompt(let answer):
            if let prompter { prompter.answer(answer) } else { answer.secret?.wipe() }
        default:
            inFlight.withLock { $0 += 1 }
            Task.detached { [self] in await settle(effect) }
        }
    }

    /// Performs an effect counted in flight (by the caller), posts its answer and the profile's
    /// session, then a tick; the one path for single effects and each run of a subscription.
    private func settle(_ effect: Effect) async {
        let action = await perform(effect)
        if !Task.isCancelled, let action { inbox.post(action) }
        if let profile = effect.profile { inbox.post(.session(profile: profile, await sessionStatus(profile))) }
        inFlight.withLock { $0 -= 1 }
        inbox.post(.tick(Date()))
    }

    /// Runs `effect` at once and then every `interval`; each run counts as in flight while it
    /// works, the waits between do not (so tests can wait for idle).
    private func subscribe(_ id: String, every interval: Duration, _ effect: Effect) {
        let task = Task.detached { [self] in
            while !Task.isCancelled {
                inFlight.withLock { $0 += 1 }
                await settle(effect)
                try? await Task.sleep(for: interval)
            }
        }
        subscriptions.withLock { $0.updateValue(task, forKey: id) }?.cancel()
    }

    /// Queues `history` for writing; one writer task drains the queue (counted in flight).
    private func saveHistory(_ history: InputHistory) {
        guard let historyFile else { return }
        let start = historyWrite.withLock { slot -> Bool in
            slot.pending = history
            defer { slot.writing = true }
            return !slot.writing
        }
        guard start else { return }
        inFlight.withLock { $0 += 1 }
        Task.detached { [self] in
            while let next = historyWrite.withLock({ slot -> InputHistory? in
                defer { slot.pending = nil }
                if slot.pending == nil { slot.writing = false }
                return slot.pending
            }) {
                do {
                    try historyFile.save(next)
                } catch {
                    inbox.post(.historyFailed("\(error)"))
                }
            }
            inFlight.withLock { $0 -= 1 }
        }
    }

    /// Ends every subscription (on quit).
    public func cancelSubscriptions() {
        let running = subscriptions.withLock { tasks in
            defer { tasks.removeAll() }
            return Array(tasks.values)
        }
        running.forEach { $0.cancel() }
    }

    /// Waits until nothing is in flight, or the deadline passes (then throws).
    public func waitUntilIdle(timeout: Duration = .seconds(10)) async throws {
        let deadline = ContinuousClock.now.advanced(by: timeout)
        while !isIdle {
            guard ContinuousClock.now < deadline else { throw PAMError(.timeout, "effects still running after \(timeout)") }
            try await Task.sleep(for: .milliseconds(2))
        }
    }

    private func perform(_ effect: Effect) async -> Action? {
        switch effect {
        case .loadSystems(let profile, let id):
            return .systemsLoaded(requestID: id, await attempt { try await self.capable(profile, (any SystemBrowsing).self).listSystems() })
        case .loadAccounts(let profile, let scope, let id):
            // Each page is shown as it lands; the last action hands over the whole list.
            return .accountsLoaded(requestID: id, await attempt {
                var all: [Account] = []
                for try await page in try await self.capable(profile, (any AccountBrowsing).self).accountPages(scope) {
                    all += page
                    self.inbox.post(.accountsPage(requestID: id, page))
                }
                return all
            })
        case .loadFolders(let profile, let id):
            return .foldersLoaded(requestID: id, await attempt {
                FolderTree(try await self.capable(profile, (any FolderBrowsing).self).listFolders()).nodes
            })
        case .checkOut(let profile, let request, let id):
            // The credential comes with the check-out (the vendor's fewest calls) and waits, masked
            // in the store, for a reveal or copy that then asks the server nothing.
            return .checkedOut(requestID: id, await attempt {
                let client = try await self.capable(profile, (any CredentialCheckout).self)
                let kept = try await self.keeper.checkOut(request, with: client, fetching: .password)
                // A failed fetch leaves the lease standing; reveal fetches again.
                if let lease = kept.outcome.lease, case .success(let credential) = kept.retrieval.credential {
                    self.secrets.store(credential, for: lease.id)
                }
                return kept.outcome
            })
        case .loadLeases(let profile):
            return .leasesLoaded(profile: profile, await attempt {
                let client = try await self.capable(profile, (any CredentialCheckout).self)
                let now = Date()
                let requests = try await client.listRequests()
                self.keeper.settleJournal(profile: profile, against: requests)
                self.inbox.post(.pendingFound(profile: profile, requests.filter { $0.state == .pendingApproval }))
                return requests.compactMap { $0.lease(profile: profile, vendor: client.vendor, at: now) }
            })
        case .withdraw(let pending):
            return .withdrawn(pendingID: pending.id, await attempt {
                try await self.keeper.release(
                    requestID: pending.request.id, action: .cancel, reason: nil,
                    with: try await self.capable(pending.profile, (any CredentialCheckout).self))
                return pending.request.path
            })
        case .checkIn(let lease, let reason):
            return .checkedIn(leaseID: lease.id, await attempt {
                try await self.keeper.release(
                    requestID: lease.requestID, action: .checkIn, reason: reason,
                    with: try await self.capable(lease.profile, (any CredentialCheckout).self))
                return lease
            })
        case .loadSecrets(let profile, let folderID, let id):
            return .secretsLoaded(requestID: id, await attempt {
                try await self.capable(profile, (any FolderBrowsing).self).listSecrets(folderID: folderID)
            })
        case .searchSecrets(let profile, let text, let id):
            return .secretsLoaded(requestID: id, await attempt {
                try await self.capable(profile, (any SecretSearching).self).searchSecrets(text).collect()
            })
        case .fetchSecret(let lease, let purpose):
            return await obtain(key: lease.id, subject: "\(lease.systemName)/\(lease.accountName)", purpose: purpose) {
                try await self.capable(lease.profile, (any CredentialCheckout).self).retrieve(lease, field: .password)
            }
        case .fetchField(let profile, let target, let field, let lease, let key, let purpose):
            return await obtain(key: key, subject: "\(target.path) \(field)", purpose: purpose) {
                let client = try await self.capable(profile, (any FieldRetrieval).self)
                let values = try await client.retrieve(target, fields: .one(field), context: RetrievalContext(lease: lease))
                guard let value = values.first?.value else { throw PAMError(.notFound, "\(target.path) has no \(field)", profile: profile) }
                return value
            }
        case .readFields(let profile, let target, let lease):
            return .fieldsRead(key: FieldsRead.key(profile: profile, target), subject: target.path, await attempt {
                try await self.capable(profile, (any FieldRetrieval).self).describe(target, context: RetrievalContext(lease: lease, reason: lease?.reason))
            })
        case .copyText(let text, let subject, let seconds):
            // Through the store like a secret, so the clipboard gets bytes that are wiped after.
            return await obtain(key: "text:\(subject)", subject: subject, purpose: .copy(clearAfterSeconds: seconds)) {
                SecretBytes(utf8: text)
            }
        case .clearClipboard:
            let verified = await clipboard?.clear() ?? false
            return .clipboardCleared(verified: verified)
        case .clipboardDoctor:
            let lines = await clipboard?.doctor() ?? ["no clipboard: install wl-clipboard or xclip, or run inside tmux"]
            return .report(title: "Clipboard", lines: lines)
        case .loadHistory:
            guard let historyFile else { return nil }
            do {
                return .historyLoaded(try historyFile.load())
            } catch {
                return .historyFailed("\(error)")
            }
        case .forgetSecret, .quit, .setMouse, .setTheme, .bell, .subscribe, .cancel, .saveHistory, .answerPrompt:
            return nil
        }
    }

    /// Puts the secret in the store unless it is there already (revealed: not fetched again),
    /// then answers a reveal, or copies it and answers the copy: one effect, no relay through the
    /// UI thread.
    private func obtain(
        key: String, subject: String, purpose: SecretPurpose, fetch: () async throws -> SecretBytes
    ) async -> Action {
        let held: Result<String, ActionError> = await attempt {
            if secrets.withSecret(key, { _ in true }) == nil { secrets.store(try await fetch(), for: key) }
            return subject
        }
        guard case .copy(let seconds) = purpose else { return .secretReady(key: key, purpose: purpose, held) }
        if case .failure(let error) = held { return .copied(key: key, subject: subject, .failure(error)) }
        return .copied(key: key, subject: subject, await attempt {
            guard let clipboard = self.clipboard else { throw PAMError(.unsupported, "no clipboard is available") }
            guard let hold = try await self.secrets.copyOut(key, { try await clipboard.copy($0, clearAfterSeconds: seconds) }) else {
                throw PAMError(.notFound, "the secret is no longer held; reveal or copy again")
            }
            return hold
        })
    }

    private func sessionStatus(_ profile: String) async -> SessionStatus {
        guard let client = try? await clients(profile) else { return SessionStatus(.failed) }
        return await client.sessionStatus()
    }

    private func capable<C>(_ profile: String, _ type: C.Type) async throws -> C {
        let client = try await clients(profile)
        guard let capable = client as? C else {
            throw PAMError(.unsupported, "profile \(profile) cannot do this", profile: profile)
        }
        return capable
    }

    private func attempt<T>(_ body: () async throws -> T) async -> Result<T, ActionError> {
        do {
            return .success(try await body())
        } catch {
            return .failure(ActionError(error))
        }
    }
}

extension SecretStore {
    /// Hands the held secret to an async consumer (the clipboard) and forgets it afterwards.
    func copyOut<R>(_ leaseID: String, _ body: (SecretBytes) async throws -> R) async throws -> R? {
        guard let secret = withSecret(leaseID, { $0.copy() }) else { return nil }
        defer { secret.wipe() }
        return try await body(secret)
    }
}
