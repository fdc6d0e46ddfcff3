import PAMCore

/// What a clear did.
public enum ClearOutcome: Sendable, Equatable {
    /// The clipboard still held our copy and was cleared.
    case cleared
    /// Overwritten without checking: the clipboard cannot be read back (OSC 52).
    case unverified
    /// The clipboard holds something else now (the user copied again); left alone.
    case changed
    /// The clipboard was already empty.
    case alreadyEmpty
    /// A later copy replaced this receipt; nothing was done.
    case superseded
    /// There was no copy to clear.
    case nothingToClear
    /// A helper failed; the clipboard may still hold the secret.
    case failed(PAMError)

    /// A short phrase for the status line.
    public var summary: String {
        switch self {
        case .cleared: "clipboard cleared"
        case .unverified: "clipboard overwritten (cannot be checked over OSC 52)"
        case .changed: "clipboard changed since the copy; left alone"
        case .alreadyEmpty: "clipboard already empty"
        case .superseded: "a newer copy is on the clipboard"
        case .nothingToClear: "nothing to clear"
        case .failed(let error): "clipboard not cleared: \(error.message)"
        }
    }
}
