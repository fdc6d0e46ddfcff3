import Foundation
import PAMTestSupport

/// Writes a variant of a simulator's config (mode 0600) and returns its path.
func configVariant(of simulator: SimulateProcess, name: String, _ edit: (String) -> String) throws -> String {
    let original = try String(contentsOfFile: simulator.configPath, encoding: .utf8)
    let path = "\(simulator.directory)/\(name).toml"
    try edit(original).write(toFile: path, atomically: true, encoding: .utf8)
    chmod(path, 0o600)
    return path
}

/// Replaces the value of `key = …` lines.
func setting(_ key: String, to value: String, in text: String) -> String {
    text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
        line.hasPrefix("\(key) = ") ? "\(key) = \(value)" : String(line)
    }.joined(separator: "\n")
}

/// Drops `key = …` lines.
func removing(_ key: String, from text: String) -> String {
    text.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("\(key) = ") }.joined(separator: "\n")
}

/// Decodes the stdout of a `--json` run.
func jsonArray(_ result: ProcessResult) throws -> [[String: Any]] {
    try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]] ?? []
}

func jsonObject(_ result: ProcessResult) throws -> [String: Any] {
    try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any] ?? [:]
}
