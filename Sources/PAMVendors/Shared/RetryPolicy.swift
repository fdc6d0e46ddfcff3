import PAMCore

/// When a failed call may be sent again: only idempotent requests, only for answers that say
/// "try later" (429, 502, 503, 504) or a connection that dropped without a reply.
public struct RetryPolicy: Sendable {
    public var attempts: Int
    public var baseDelay: Duration
    /// Longest wait honoured from a Retry-After header.
    public var maxDelay: Duration

    public static let standard = RetryPolicy(attempts: 3, baseDelay: .milliseconds(100), maxDelay: .seconds(2))

    public init(attempts: Int, baseDelay: Duration, maxDelay: Duration) {
        self.attempts = attempts
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
    }

    /// Sends `request`, retrying where safe.
    public func send(_ request: HTTPRequest, over transport: any HTTPTransport) async throws -> HTTPResponse {
        var attempt = 1
        while true {
            do {
                let response = try await transport.send(request)
                guard attempt < attempts, request.method.isIdempotent, Self.retryableStatuses.contains(response.status) else {
                    return response
                }
                try await Task.sleep(for: delay(attempt: attempt, retryAfter: response.header("Retry-After")))
            } catch let error as PAMError where error.kind == .transport && request.method.isIdempotent && attempt < attempts {
                try await Task.sleep(for: delay(attempt: attempt, retryAfter: nil))
            }
            attempt += 1
        }
    }

    static let retryableStatuses: Set<Int> = [429, 502, 503, 504]

    func delay(attempt: Int, retryAfter: String?) -> Duration {
        if let seconds = retryAfter.flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }) {
            return min(.seconds(seconds), maxDelay)
        }
        return min(baseDelay * (1 << (attempt - 1)), maxDelay)
    }
}

import Foundation
