import Foundation
import PAMConfig
import PAMCore

/// Commands printed for the operator to paste. Each is complete, so it acts on the same config
/// as the run that printed it (`--config FILE` unless that is the default location), and quoted
/// as the shell reads it.
enum ShellCommand {
    /// The config to name in printed commands: nil while the default one is in use.
    private static let config = Locked<String?>(nil)

    /// Records the config this run loaded. A `--config` or `PAMTUI_CONFIG` naming the default
    /// location needs no flag; any other is made absolute, so the command works from any folder.
    static func use(configPath path: String, environment: [String: String] = ProcessInfo.processInfo.environment) {
        var plain = environment
        plain["PAMTUI_CONFIG"] = nil
        let standard = ConfigLocation.resolve(flag: nil, environment: plain).path
        let absolute = absolutePath(path)
        config.withLock { $0 = absolute == absolutePath(standard) ? nil : absolute }
    }

    /// `pamtui ARGUMENTS… [--config FILE]`, each word quoted when the shell would read it otherwise.
    static func pamtui(_ arguments: [String]) -> String {
        let configuration = config.withLock { $0 }.map { ["--config", $0] } ?? []
        return (["pamtui"] + arguments + configuration).map(quoted).joined(separator: " ")
    }

    /// `word` as one shell word: as it is when only safe characters, else single-quoted. Server
    /// text is made visible first (a control character cannot be pasted anyway).
    static func quoted(_ word: String) -> String {
        let visible = TerminalText.sanitized(word)
        // `=` first is zsh's command expansion; the rest of this set means nothing to a shell.
        let safe = !visible.isEmpty && !visible.hasPrefix("=")
            && visible.unicodeScalars.allSatisfy { scalar in
                scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar) || "@%+=:,./_-".unicodeScalars.contains(scalar))
            }
        if safe { return visible }
        return "'" + visible.replacingOccurrences(of: "'", with: #"'\''"#) + "'"
    }

    /// A message with `pamtui leases` at the end of a line, as LeaseKeeper (PAMCore) and the
    /// signal handler write it, completed with the config. Idempotent.
    static func completing(_ message: String) -> String {
        let bare = "pamtui leases"
        guard config.withLock({ $0 }) != nil, message.contains(bare) else { return message }
        return message.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.hasSuffix(bare) ? line.dropLast(bare.count) + pamtui(["leases"]) : String(line)
        }.joined(separator: "\n")
    }

    private static func absolutePath(_ path: String) -> String {
        let expanded = (path as NSString).expandingTildeInPath
        let rooted = expanded.hasPrefix("/") ? expanded : FileManager.default.currentDirectoryPath + "/" + expanded
        return (rooted as NSString).standardizingPath
    }
}
