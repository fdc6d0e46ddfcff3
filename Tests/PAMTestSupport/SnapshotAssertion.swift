import Foundation
import PAMScreen
import Testing

/// Compares `grid.snapshot` with `Snapshots/<name>.txt` next to this file. A missing file, or
/// `PAMTUI_RECORD_SNAPSHOTS=1`, writes the file into the source tree and fails with "recorded",
/// so a recording run never passes by accident.
public func assertSnapshot(
    _ grid: CellGrid, named name: String, filePath: String = #filePath, sourceLocation: SourceLocation = #_sourceLocation
) {
    let folder = URL(fileURLWithPath: filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")
    let file = folder.appendingPathComponent("\(name).txt")
    let actual = grid.snapshot
    let recording = ProcessInfo.processInfo.environment["PAMTUI_RECORD_SNAPSHOTS"] == "1"
    guard !recording, let data = FileManager.default.contents(atPath: file.path), let expected = String(data: data, encoding: .utf8) else {
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try actual.write(to: file, atomically: true, encoding: .utf8)
            Issue.record("recorded snapshot \(name).txt; check it by eye and run again", sourceLocation: sourceLocation)
        } catch {
            Issue.record("could not record snapshot \(file.path): \(error)", sourceLocation: sourceLocation)
        }
        return
    }
    guard expected != actual else { return }
    Issue.record("snapshot \(name) differs: \(firstDifference(expected: expected, actual: actual))", sourceLocation: sourceLocation)
}

/// The first differing line of two snapshots, both versions shown.
public func firstDifference(expected: String, actual: String) -> String {
    let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
    for index in 0..<max(expectedLines.count, actualLines.count) {
        let want = index < expectedLines.count ? String(expectedLines[index]) : "<missing>"
        let got = index < actualLines.count ? String(actualLines[index]) : "<missing>"
        if want != got { return "line \(index + 1)\n  expected: |\(want)|\n  actual:   |\(got)|" }
    }
    return "same lines, different endings"
}
