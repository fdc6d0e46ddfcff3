import PAMCore
import PAMScreen

/// A question for a secret waiting in the UI (a one-time code, a DoubleLock password). The
/// dialog shows the first one; its field holds what is typed as `SecretBytes`, drawn as bullets.
public struct SecretPrompt: Sendable, Equatable {
    public var id: Int
    public var question: SecretQuestion
    public var field: TextField

    public init(id: Int, question: SecretQuestion) {
        self.id = id
        self.question = question
        field = .secret()
    }
}

/// The dialog's answer to prompt `id`: the secret typed, or nil when the user declined. The
/// receiver owns the secret and wipes it after use.
public struct PromptAnswer: Sendable, Equatable {
    public var id: Int
    public var secret: SecretBytes?

    public init(id: Int, secret: SecretBytes?) {
        self.id = id
        self.secret = secret
    }

    public static func == (lhs: PromptAnswer, rhs: PromptAnswer) -> Bool {
        guard lhs.id == rhs.id else { return false }
        guard let left = lhs.secret, let right = rhs.secret else { return lhs.secret == nil && rhs.secret == nil }
        return left.constantTimeEquals(right)
    }
}
