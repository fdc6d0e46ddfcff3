import Foundation
import PAMTestSupport

/// A program's run: its exit status and what it wrote.
struct ToolResult {
    var status: Int32
    var output: String
}

/// Runs `program` with `arguments` to completion, stdout and stderr into one file. `base` is
/// the environment before `environment` is added; `inItsFolder` runs it in a new empty folder.
func runTool(
    _ program: String, _ arguments: [String], environment: [String: String] = [:],
    base: [String: String] = ProcessInfo.processInfo.environment, inItsFolder: Bool = false
) async throws -> ToolResult {
    try await withTemporaryDirectory(prefix: "pamtui-tool") { directory in
        let path = "\(directory)/output"
        _ = FileManager.default.createFile(atPath: path, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        process.environment = base.merging(["XDG_STATE_HOME": TestStateHome.path]) { $1 }.merging(environment) { $1 }
        if inItsFolder { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        process.standardInput = FileHandle.nullDevice
        let output = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        process.standardOutput = output
        process.standardError = output
        try process.run()
        try await waitUntil(timeout: .seconds(60)) { !process.isRunning }
        return ToolResult(status: process.terminationStatus, output: (try? String(contentsOfFile: path, encoding: .utf8)) ?? "")
    }
}

/// A single-quoted shell word.
func shellQuoted(_ word: String) -> String {
    "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
}

/// Whether `text` holds anything a terminal would act on besides line breaks: C0 (but LF), DEL,
/// C1, bidi embeddings, overrides and isolates. Written here, apart from the code under test.
func holdsTerminalControls(_ text: String) -> Bool {
    text.unicodeScalars.contains { scalar in
        switch scalar.value {
        case 0x0A: false
        case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }
}
