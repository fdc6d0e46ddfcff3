import PAMCore

/// The kinds of clipboard pamtui can write to.
public enum ClipboardBackendKind: String, Sendable, Equatable, CaseIterable {
    case wayland, x11, tmux, osc52
}

/// Which clipboard to use, as written in the configuration (`auto|wayland|x11|tmux|osc52`).
public enum ClipboardPreference: Sendable, Equatable {
    case auto
    case only(ClipboardBackendKind)

    /// Parses a configuration value; nil for anything else.
    public init?(configValue: String) {
        let value = configValue.lowercased()
        if value == "auto" {
            self = .auto
        } else if let kind = ClipboardBackendKind(rawValue: value) {
            self = .only(kind)
        } else {
            return nil
        }
    }
}

/// A way to put a secret on the user's clipboard and take it off again.
public protocol ClipboardBackend: Sendable {
    /// Which kind of clipboard this is.
    var kind: ClipboardBackendKind { get }
    /// The tool or path used, for status lines and the doctor (`xclip`, `tmux buffer pamtui`).
    var name: String { get }
    /// True when `read()` can show what a paste would give, so clearing can be verified.
    var canReadBack: Bool { get }
    /// Puts the secret on the clipboard.
    func write(_ secret: SecretBytes) async throws
    /// What a paste would give now; nil when the clipboard holds no text.
    func read() async throws -> SecretBytes?
    /// Empties the clipboard (or overwrites it with a placeholder).
    func clear() async throws
    /// Removes a copy this backend keeps apart from what a paste gives, without touching the
    /// user's newer content (tmux's named buffer).
    func discardOwnCopy() async
    /// Lines for the doctor about this backend's setup.
    func diagnostics() async -> [String]
}

extension ClipboardBackend {
    /// Most backends keep no copy apart from the clipboard itself.
    public func discardOwnCopy() async {}
}
