import PAMCore

/// Asks for secrets through the UI: the question goes to the reducer as an action, and the asker
/// waits on a continuation, holding no thread, until the dialog's answer (`Effect.answerPrompt`,
/// which the effect runner hands to `answer`) resumes it. Questions of several profiles queue in
/// the state and the dialog shows one at a time.
public final class DialogPrompter: SecretPrompter {
    private struct Waiting {
        var next = 1
        var open: [Int: CheckedContinuation<SecretBytes, any Error>] = [:]
        var closed = false
    }

    private let inbox: Inbox
    private let waiting = Locked(Waiting())

    public init(inbox: Inbox) { self.inbox = inbox }

    public func secret(_ question: SecretQuestion) async throws -> SecretBytes {
        let id = waiting.withLock { waiting in
            defer { waiting.next += 1 }
            return waiting.next
        }
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                let asked = waiting.withLock { waiting in
                    guard !waiting.closed else { return false }
                    waiting.open[id] = continuation
                    return true
                }
                guard asked else { return continuation.resume(throwing: Self.declined) }
                inbox.post(.secretAsked(id: id, question))
                // Cancelled before the question was registered: the handler found nothing to end.
                if Task.isCancelled { withdraw(id) }
            }
        } onCancel: {
            withdraw(id)
        }
    }

    /// The dialog's answer: resumes the asker with the secret, or with `.cancelled` for none.
    public func answer(_ answer: PromptAnswer) {
        guard let continuation = waiting.withLock({ $0.open.removeValue(forKey: answer.id) }) else {
            answer.secret?.wipe()
            return
        }
        if let secret = answer.secret { continuation.resume(returning: secret) } else { continuation.resume(throwing: Self.declined) }
    }

    /// The UI is ending: every open question is declined, and later ones at once.
    public func close() {
        let open = waiting.withLock { waiting in
            waiting.closed = true
            defer { waiting.open.removeAll() }
            return Array(waiting.open.values)
        }
        open.forEach { $0.resume(throwing: Self.declined) }
    }

    /// The asker gave up (its task was cancelled): the dialog goes away.
    private func withdraw(_ id: Int) {
        guard let continuation = waiting.withLock({ $0.open.removeValue(forKey: id) }) else { return }
        continuation.resume(throwing: Self.declined)
        inbox.post(.secretWithdrawn(id: id))
    }

    private static let declined = PAMError(.cancelled, "cancelled")
}
