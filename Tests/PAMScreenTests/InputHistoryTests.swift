import Foundation
import PAMCore
import PAMScreen
import Testing

@Suite struct InputHistoryTests {
    @Test func recordingPutsTheNewestFirstOnceAndKeepsFifty() {
        var history = InputHistory()
        for index in 0..<60 { history.record(TextField("INC-\(index)", history: InputHistory.reason)) }
        #expect(history.values(InputHistory.reason).count == InputHistory.limit)
        #expect(history.values(InputHistory.reason).first == "INC-59")
        history.record(TextField("INC-30", history: InputHistory.reason))
        #expect(history.values(InputHistory.reason).prefix(2) == ["INC-30", "INC-59"])
        #expect(history.values(InputHistory.reason).filter { $0 == "INC-30" }.count == 1)
    }

    @Test func secretBlankAndHistorylessFieldsAreNeverRecorded() {
        var history = InputHistory()
        var secret = TextField.secret()
        secret.handle(.character("7"))
        let recordedSecret = history.record(secret)
        let recordedBlank = history.record(TextField("   ", history: InputHistory.reason))
        let recordedHistoryless = history.record(TextField("30"))
        #expect(!recordedSecret)
        #expect(!recordedBlank)
        #expect(!recordedHistoryless)
        #expect(history.entries.isEmpty)
    }

    @Test func whatThisSessionTypedStaysAheadOfTheFile() {
        var history = InputHistory()
        history.record(TextField("new", history: InputHistory.reason))
        history.merge(older: InputHistory(entries: [InputHistory.reason: ["old", "new"], InputHistory.filter: ["dc01"]]))
        #expect(history.values(InputHistory.reason) == ["new", "old"])
        #expect(history.values(InputHistory.filter) == ["dc01"])
    }

    @Test func theFileRoundTripsIsPrivateAndIsTOML() throws {
        let directory = NSTemporaryDirectory() + "pamtui-history-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let file = InputHistoryFile(path: "\(directory)/pamtui/history.toml")
        #expect(try file.load() == InputHistory(), "no file yet: empty")
        let history = InputHistory(entries: [
            InputHistory.reason: ["patch \"Tuesday\"", "INC-4711"], InputHistory.option("ticket"): ["CHG-1"], InputHistory.filter: ["/dc01 'adm"],
        ])
        try file.save(history)
        #expect(try file.load() == history)
        let attributes = try FileManager.default.attributesOfItem(atPath: file.path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        let text = try String(contentsOfFile: file.path, encoding: .utf8)
        #expect(text.contains("reason = ["))
        #expect(text.contains("'option.ticket' = ["))
        try file.save(InputHistory(entries: [InputHistory.reason: ["again"]]))
        #expect(try file.load().values(InputHistory.reason) == ["again"], "a save replaces the file")
    }

    @Test func aDamagedFileIsAnErrorNotACrash() throws {
        let path = NSTemporaryDirectory() + "pamtui-history-\(UUID().uuidString).toml"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try "reason = [unclosed".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: HistoryFileError.self) { try InputHistoryFile(path: path).load() }
    }

    @Test func theStandardPathFollowsXDGStateHome() {
        #expect(InputHistoryFile.standardPath(environment: ["XDG_STATE_HOME": "/s", "HOME": "/h"]) == "/s/pamtui/history.toml")
        #expect(InputHistoryFile.standardPath(environment: ["HOME": "/h"]) == "/h/.local/state/pamtui/history.toml")
    }
}
