import Foundation
import PAMCore
import Testing

/// The lease journal keeps the latest word on every check-out, survives torn lines and shared use,
/// and is private to the user.
@Suite struct LeaseJournalTests {
    static func temporaryJournal(compactAbove: Int = 256 << 10) -> LeaseJournal {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("pamtui-journal-\(UUID().uuidString)").path
        return LeaseJournal(path: directory + "/pamtui/leases.jsonl", compactAbove: compactAbove)
    }

    static func record(_ token: String = UUID().uuidString, state: LeaseRecord.State = .intent, reason: String? = "why") -> LeaseRecord {
        LeaseRecord(
            token: token, state: state, profile: "prod", vendor: "beyondtrust", systemID: "1", accountID: "2",
            systemName: "DC01", accountName: "admin", reason: reason, startedAt: Date(timeIntervalSince1970: 1_800_000_000))
    }

    @Test func theLatestRecordOfEachTokenWinsInFirstSeenOrder() throws {
        let journal = Self.temporaryJournal()
        try journal.append(Self.record("a"))
        try journal.append(Self.record("b"))
        var held = Self.record("a", state: .held)
        held.requestID = "124"
        held.expiresAt = Date(timeIntervalSince1970: 1_800_007_200)
        try journal.append(held)
        try journal.append(Self.record("b", state: .closed))
        let records = try journal.records()
        #expect(records.map(\.token) == ["a", "b"])
        #expect(records[0] == held)
        #expect(try journal.openRecords().map(\.token) == ["a"])
    }

    @Test func aTornLineIsSkippedAndTheRestRead() throws {
        let journal = Self.temporaryJournal()
        try journal.append(Self.record("a"))
        let handle = try #require(FileHandle(forWritingAtPath: journal.path))
        handle.seekToEndOfFile()
        handle.write(Data(#"{"token":"b","state":"int"#.utf8))
        try handle.close()
        try journal.append(Self.record("c"))
        #expect(try journal.records().map(\.token) == ["a", "c"])
    }

    @Test func theFileIsTheUsersAloneAndHoldsNoPasswordField() throws {
        let journal = Self.temporaryJournal()
        try journal.append(Self.record(reason: "line\u{1B}]52;c;evil\u{07}"))
        let attributes = try FileManager.default.attributesOfItem(atPath: journal.path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        let text = try String(contentsOfFile: journal.path, encoding: .utf8)
        #expect(!text.contains("\u{1B}"))
        #expect(try journal.records().first?.reason == "line\u{1B}]52;c;evil\u{07}")
    }

    @Test func compactionKeepsOnlyWhatMayStillBeOpen() throws {
        let journal = Self.temporaryJournal(compactAbove: 4096)
        for index in 0..<40 {
            try journal.append(Self.record("t\(index)"))
            try journal.append(Self.record("t\(index)", state: .closed))
        }
        try journal.append(Self.record("kept", state: .unknown))
        let size = try #require(try FileManager.default.attributesOfItem(atPath: journal.path)[.size] as? Int)
        #expect(size < 4096 + 400)
        #expect(try journal.openRecords().map(\.token) == ["kept"])
    }

    @Test func concurrentWritersLoseNothing() async throws {
        let journal = Self.temporaryJournal(compactAbove: 8192)
        await withTaskGroup(of: Void.self) { group in
            for writer in 0..<4 {
                group.addTask {
                    for index in 0..<50 {
                        try? journal.append(Self.record("w\(writer)-\(index)", state: index % 2 == 0 ? .held : .closed))
                    }
                }
            }
        }
        let open = try journal.openRecords()
        #expect(open.count == 100)
    }

    @Test func theStandardPathFollowsXDG() {
        #expect(LeaseJournal.standardPath(environment: ["XDG_STATE_HOME": "/s", "HOME": "/h"]) == "/s/pamtui/leases.jsonl")
        #expect(LeaseJournal.standardPath(environment: ["HOME": "/h"]) == "/h/.local/state/pamtui/leases.jsonl")
    }
}
