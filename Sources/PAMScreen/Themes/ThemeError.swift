import PAMCore

/// A theme file that cannot be used: where (file, line when known, key) and why.
public struct ThemeError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    /// The dotted key, e.g. `fallback.16.selection.fg`.
    public var key: String?
    public var message: String

    public init(file: String, line: Int? = nil, key: String? = nil, message: String) {
        self.file = file
        self.line = line
        self.key = key
        self.message = message
    }

    /// `file:line: key: message`, on one line.
    public var description: String {
        var text = file
        if let line { text += ":\(line)" }
        text += ": "
        if let key { text += "\(key): " }
        return text + message
    }

    /// As the project's error family, for the CLI and the status line.
    public var pamError: PAMError { PAMError(.configuration, description) }
}
