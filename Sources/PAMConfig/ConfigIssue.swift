import PAMCore

/// One problem found in a config file, located by file, line and key.
public struct ConfigIssue: Sendable, Equatable, CustomStringConvertible {
    public enum Severity: String, Sendable { case error, warning }

    public var severity: Severity
    public var file: String
    public var line: Int?
    /// Dotted key path, e.g. `profiles.prod.api_key`.
    public var key: String?
    public var message: String

    public init(_ severity: Severity, file: String, line: Int?, key: String?, message: String) {
        self.severity = severity
        self.file = file
        self.line = line
        self.key = key
        self.message = message
    }

    /// `file:line: key: message`.
    public var description: String {
        let place = line.map { "\(file):\($0)" } ?? file
        let keyPart = key.map { "\($0): " } ?? ""
        return "\(place): \(keyPart)\(message)"
    }

    /// The issue as a configuration error.
    public var error: PAMError { PAMError(.configuration, description) }
}
