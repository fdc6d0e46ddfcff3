/// The clipboard doctor's findings, one line each.
public struct ClipboardReport: Sendable, Equatable {
    /// The backend in use.
    public var backend: ClipboardBackendKind
    /// Whether clearing can be checked by reading the clipboard back.
    public var verifiable: Bool
    public var lines: [String]

    /// The lines joined for printing.
    public var text: String { lines.joined(separator: "\n") }
}
