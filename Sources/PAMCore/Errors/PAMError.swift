/// The one error family of pamtui. Its message is written for the operator, is one line, and
/// never contains a secret.
public struct PAMError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong, in classes the CLI maps to exit codes and the UI to colours.
    public enum Kind: String, Sendable, Equatable, CaseIterable {
        case authentication, permission, notFound, conflict, server, transport, tls, timeout
        case malformed, configuration, usage, cancelled, unsupported
    }

    public var kind: Kind
    /// What happened, without the profile or operation.
    public var message: String
    /// The profile the operation ran against, when there is one.
    public var profile: String?
    /// The operation in words (`check-out`, `list accounts`).
    public var operation: String?
    /// A vendor's own code, such as BeyondTrust's `4091`.
    public var vendorCode: String?
    /// The HTTP status, when the error came from a response.
    public var status: Int?
    /// True when the request never reached the server (no connection, no TLS session), so a
    /// check-out that failed this way certainly made nothing.
    public var neverSent = false

    public init(
        _ kind: Kind, _ message: String, profile: String? = nil, operation: String? = nil,
        vendorCode: String? = nil, status: Int? = nil
    ) {
        self.kind = kind
        self.message = message
        self.profile = profile
        self.operation = operation
        self.vendorCode = vendorCode
        self.status = status
    }

    /// `profile: operation: message`, on one line.
    public var description: String {
        let prefix = [profile, operation].compactMap { $0 }.joined(separator: ": ")
        let line = prefix.isEmpty ? message : "\(prefix): \(message)"
        return line.replacingNewlines()
    }

    /// A short label for the kind, shown in tables and logs.
    public var kindLabel: String {
        switch kind {
        case .authentication: "authentication"
        case .permission: "permission denied"
        case .notFound: "not found"
        case .conflict: "conflict"
        case .server: "server error"
        case .transport: "transport"
        case .tls: "TLS"
        case .timeout: "timeout"
        case .malformed: "malformed response"
        case .configuration: "configuration"
        case .usage: "usage"
        case .cancelled: "cancelled"
        case .unsupported: "unsupported"
        }
    }

    /// The process exit code documented in the README.
    public var exitCode: Int32 {
        switch kind {
        case .usage: 2
        case .authentication: 3
        case .notFound: 4
        case .conflict: 5
        case .transport, .tls, .timeout: 6
        default: 1
        }
    }

    /// The same error with the profile and operation filled in where they were missing.
    public func within(profile: String? = nil, operation: String? = nil) -> PAMError {
        var copy = self
        copy.profile = copy.profile ?? profile
        copy.operation = copy.operation ?? operation
        return copy
    }

    /// Wraps any error as a `PAMError`, keeping one that already is.
    public static func wrap(_ error: any Error, profile: String? = nil, operation: String? = nil) -> PAMError {
        if let pam = error as? PAMError { return pam.within(profile: profile, operation: operation) }
        if error is CancellationError {
            return PAMError(.cancelled, "cancelled", profile: profile, operation: operation)
        }
        return PAMError(.server, "\(error)", profile: profile, operation: operation)
    }
}

extension String {
    /// Folds line breaks into spaces so that a message stays on one line.
    func replacingNewlines() -> String {
        String(map { $0.isNewline ? " " : $0 })
    }
}
