/// What `ClipboardService.copy` did: enough to clear the copy later, never the secret itself.
public struct ClipboardReceipt: Sendable, Equatable, CustomStringConvertible {
    /// Increases with every copy made by one service.
    public let sequence: UInt64
    /// The kind of clipboard written.
    public let backend: ClipboardBackendKind
    /// The tool used (`xclip`, `tmux buffer pamtui`, `OSC 52`).
    public let backendName: String
    /// Keyed hash of the copied bytes.
    public let fingerprint: ClipboardFingerprint
    /// When the caller should call `clear(ifStill:)`.
    public let clearsAt: ContinuousClock.Instant
    /// False when the clipboard cannot be read back (OSC 52), so clearing is blind.
    public let verifiable: Bool

    /// One line without the secret.
    public var description: String {
        "copied #\(sequence) via \(backendName) (\(verifiable ? "verifiable" : "unverifiable")), \(fingerprint)"
    }
}
