import Foundation
import PAMTestSupport
import Testing

/// The real binary against a server that lies: names full of escapes and broken UTF-8, lists
/// that never end, bodies that never end. Nothing reaches the terminal raw, every list stops
/// within its bound, and memory stays bounded.
@Suite struct CLIHostileServerTests {
    /// A run of the binary with its output as bytes and the peak resident memory it reached.
    struct RawRun {
        var status: Int32
        var stdout: [UInt8]
        var stderr: [UInt8]
        /// VmHWM from /proc, sampled while it ran (nil where there is no /proc).
        var peakKiB: Int?

        var stderrLines: [String] { String(decoding: stderr, as: UTF8.self).split(separator: "\n").map(String.init) }
    }

    /// Runs pamtui to completion, its output captured as bytes through files.
    func run(_ arguments: [String]) async throws -> RawRun {
        try await withTemporaryDirectory(prefix: "pamtui-hostile-run") { directory in
            let out = "\(directory)/out", err = "\(directory)/err"
            _ = FileManager.default.createFile(atPath: out, contents: nil)
            _ = FileManager.default.createFile(atPath: err, contents: nil)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: Pamtui.binary)
            process.arguments = arguments
            var environment = ProcessInfo.processInfo.environment
            environment["PAMTUI_CONFIG"] = nil
            environment["XDG_CONFIG_HOME"] = "/nonexistent-pamtui-test-home"
            environment["XDG_STATE_HOME"] = "\(directory)/state"
            process.environment = environment
            process.standardInput = FileHandle.nullDevice
            process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: out))
            process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: err))
            try process.run()
            let status = "/proc/\(process.processIdentifier)/status"
            var peak: Int?
            try await waitUntil(timeout: .seconds(60)) {
                if let hwm = Self.highWaterMarkKiB(status) { peak = max(peak ?? 0, hwm) }
                return !process.isRunning
            }
            return RawRun(
                status: process.terminationStatus, stdout: Array(FileManager.default.contents(atPath: out) ?? Data()),
                stderr: Array(FileManager.default.contents(atPath: err) ?? Data()), peakKiB: peak
            )
        }
    }

    /// `VmHWM:  12345 kB` of a running process.
    static func highWaterMarkKiB(_ statusPath: String) -> Int? {
        guard let text = try? String(contentsOfFile: statusPath, encoding: .utf8),
              let line = text.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") })
        else { return nil }
        return Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "")
    }

    /// What a terminal would act on in raw output: a C0 byte but LF, DEL, or, once decoded, C1
    /// and bidi controls; and bytes that are not UTF-8 at all. Nil when the output is clean.
    static func terminalHazard(_ bytes: [UInt8]) -> String? {
        if let byte = bytes.first(where: { ($0 < 0x20 && $0 != 0x0A) || $0 == 0x7F }) {
            return "raw byte 0x\(String(byte, radix: 16))"
        }
        guard let text = String(validating: bytes, as: UTF8.self) else { return "bytes that are not UTF-8" }
        if let scalar = text.unicodeScalars.first(where: { (0x80...0x9F).contains($0.value) || (0x202A...0x202E).contains($0.value) || (0x2066...0x2069).contains($0.value) }) {
            return "U+\(String(scalar.value, radix: 16, uppercase: true))"
        }
        return nil
    }

    // MARK: Names with escapes and broken UTF-8

    /// Account and system names as a hostile server sends them: JSON escapes of controls, raw
    /// control bytes inside the JSON strings, C1 and bidi controls as UTF-8, and bytes that are
    /// not UTF-8 (a lone C1 byte, 0xFF, an overlong NUL, a cut-off sequence).
    static let hostileAccounts: [UInt8] = {
        var body = Array("[".utf8)
        let names: [[UInt8]] = [
            Array(#"esc\u001b[2Jbell\u0007cr\rdel\u007fcsi\u009b31mrlo\u202eiso\u2066end"#.utf8),
            Array("raw".utf8) + [0x1B] + Array("]0;pwned".utf8) + [0x07, 0x7F, 0x09, 0x0D] + Array("tab".utf8),
            Array("c1".utf8) + [0xC2, 0x9B] + Array("31m".utf8) + [0xE2, 0x80, 0xAE] + Array("bidi".utf8) + [0xE2, 0x81, 0xA6],
            Array("bad".utf8) + [0x9B, 0xFF, 0xC0, 0x80] + Array("utf8".utf8) + [0xE2, 0x80],
        ]
        for (index, name) in names.enumerated() {
            if index > 0 { body += Array(",".utf8) }
            body += Array(#"{"PlatformID":1,"SystemId":1,"SystemName":"DC"#.utf8) + [0x1B] + Array(#"[5m01","AccountId":\#(index + 1),"AccountName":""#.utf8)
            body += name + Array(#""}"#.utf8)
        }
        return body + Array("]".utf8)
    }()

    static let hostileSystems: [UInt8] =
        Array(#"{"TotalCount":1,"Data":[{"ManagedSystemID":1,"SystemName":"DC"#.utf8) + [0x1B, 0x9B, 0xFF]
        + Array(#"\u202e01","PlatformID":1}]}"#.utf8)

    @Test func namesWithEscapesAndBrokenUTF8ReachTheTerminalAsVisibleEscapes() async throws {
        try await HostileListServer.with({ method, path in
            if path.contains("/ManagedAccounts") { return .json(Self.hostileAccounts) }
            if path.contains("/ManagedSystems") { return .json(Self.hostileSystems) }
            return HostileWire.fallback(method, path)
        }) { server in
            try await withTemporaryDirectory(prefix: "pamtui-hostile-names") { directory in
                let config = try server.writeConfig(in: directory)
                for kind in ["accounts", "systems"] {
                    let table = try await run(["ls", kind, "--config", config])
                    #expect(table.status == 0, "\(kind): \(table.stderrLines)")
                    #expect(Self.terminalHazard(table.stdout) == nil, "\(kind): \(Self.terminalHazard(table.stdout) ?? "")")
                    #expect(Self.terminalHazard(table.stderr) == nil, "\(kind)")
                    let text = String(decoding: table.stdout, as: UTF8.self)
                    #expect(text.hasPrefix("PROFILE"), "\(kind)")
                    #expect(text.contains(#"DC\e"#), "\(kind): \(text)")
                }
                let accounts = String(decoding: try await run(["ls", "accounts", "--config", config]).stdout, as: UTF8.self)
                for escaped in [#"esc\e[2Jbell\x07cr\rdel\x7fcsi\u009B31mrlo\u202Eiso\u2066end"#, #"raw\e]0;pwned\x07\x7f\t\rtab"#, #"c1\u009B31m\u202Ebidi\u2066"#] {
                    #expect(accounts.contains(escaped), "\(escaped) in \(accounts)")
                }
                #expect(accounts.contains("bad") && accounts.contains("utf8"), "a name with broken UTF-8 is still listed")

                // JSON stays JSON: controls escaped, the exact name kept.
                let json = try await run(["ls", "accounts", "--json", "--config", config])
                #expect(json.status == 0)
                #expect(Self.terminalHazard(json.stdout) == nil)
                let rows = try JSONSerialization.jsonObject(with: Data(json.stdout)) as? [[String: Any]] ?? []
                #expect(rows.count == 4)
                #expect(rows.contains { $0["name"] as? String == "esc\u{1B}[2Jbell\u{07}cr\rdel\u{7F}csi\u{9B}31mrlo\u{202E}iso\u{2066}end" })
            }
        }
    }

    @Test func aServerErrorWithEscapesInItsBodyIsOneCleanLine() async throws {
        try await HostileListServer.with({ method, path in
            if path.contains("/ManagedAccounts") {
                return .error(status: 500, Array("boom ".utf8) + [0x1B] + Array("]0;pwned".utf8) + [0x07, 0x0A, 0x9B, 0xFF] + Array("\u{202E}end".utf8))
            }
            return HostileWire.fallback(method, path)
        }) { server in
            try await withTemporaryDirectory(prefix: "pamtui-hostile-error") { directory in
                let result = try await run(["ls", "accounts", "--config", try server.writeConfig(in: directory)])
                #expect(result.status != 0)
                #expect(result.stderrLines.count == 1, "\(result.stderrLines)")
                #expect(Self.terminalHazard(result.stderr) == nil, "\(Self.terminalHazard(result.stderr) ?? "")")
                #expect(result.stdout.isEmpty)
            }
        }
    }

    // MARK: Lists that never end

    /// `ls accounts`, as a table and as JSON, against `route` with `max_list_rows = 5000`: both
    /// exit non-zero with `message` as their one stderr line and print no list.
    func expectStopped(route: @escaping HostileListServer.Route, message: String, maxPages: Int) async throws {
        try await HostileListServer.with(route) { server in
            try await withTemporaryDirectory(prefix: "pamtui-hostile-endless") { directory in
                let config = try server.writeConfig(in: directory, extra: "max_list_rows = 5000")
                let table = try await run(["ls", "accounts", "--config", config])
                #expect(table.status == 1, "\(table.stderrLines)")
                #expect(table.stderrLines == [message])
                #expect(table.stdout.isEmpty, "a table is printed only once the list is whole")
                let pages = server.paths.filter { $0.contains("/ManagedAccounts") }.count
                #expect(pages <= maxPages, "\(pages) pages asked for")

                let json = try await run(["ls", "accounts", "--json", "--config", config])
                #expect(json.status == 1)
                #expect(json.stderrLines == [message])
                #expect((try? JSONSerialization.jsonObject(with: Data(json.stdout))) == nil, "a cut list must not parse as a whole one")
            }
        }
    }

    @Test func endlessFullPagesOfFreshAccountsStopAtMaxListRows() async throws {
        // Pages of 1000 (the client's page size), 8 in flight: the 5 that fit, the one past the
        // bound, and at most a window of 8 beyond it.
        try await expectStopped(route: { method, path in
            guard path.contains("/ManagedAccounts") else { return HostileWire.fallback(method, path) }
            let (limit, offset) = HostileWire.window(path)
            return .json(HostileWire.accounts(offset..<offset + limit))
        }, message: "pamtui: hostile: list accounts: the list is longer than 5000 rows (max_list_rows): stopped", maxPages: 6 + 8)
    }

    @Test func aServerThatRepeatsItsPageIsStopped() async throws {
        try await expectStopped(route: { method, path in
            guard path.contains("/ManagedAccounts") else { return HostileWire.fallback(method, path) }
            return .json(HostileWire.accounts(0..<HostileWire.window(path).limit))
        }, message: "pamtui: hostile: list accounts: the server sent the same page twice (offset 1000): it ignores paging", maxPages: 2 + 8)
    }

    @Test func pagesThatTakeTurnsAreStoppedByTheRowBound() async throws {
        // Two pages served in turn never equal the one before; the bound still ends them.
        try await expectStopped(route: { method, path in
            guard path.contains("/ManagedAccounts") else { return HostileWire.fallback(method, path) }
            let (limit, offset) = HostileWire.window(path)
            let start = (offset / limit) % 2 == 0 ? 0 : limit
            return .json(HostileWire.accounts(start..<start + limit))
        }, message: "pamtui: hostile: list accounts: the list is longer than 5000 rows (max_list_rows): stopped", maxPages: 6 + 8)
    }

    // MARK: Bodies that never end

    /// The start of an accounts array and one more account for it, repeated.
    static let accountsPrefix = Array("[".utf8)
    static let accountChunk: [UInt8] = Array(String(repeating: HostileWire.account(id: 7, name: "filler", system: "DC01") + ",", count: 512).utf8)

    @Test(arguments: ["chunked", "length"])
    func aBodyThatNeverEndsFailsInOneLineWithMemoryBounded(framing: String) async throws {
        try await HostileListServer.with({ method, path in
            guard path.contains("/ManagedAccounts") else { return HostileWire.fallback(method, path) }
            return framing == "chunked"
                ? .endless(prefix: Self.accountsPrefix, chunk: Self.accountChunk)
                : .huge(length: 1 << 30, prefix: Self.accountsPrefix, chunk: Self.accountChunk)
        }) { server in
            try await withTemporaryDirectory(prefix: "pamtui-hostile-huge") { directory in
                let config = try server.writeConfig(in: directory)
                for json in [false, true] {
                    let result = try await run(["ls", "accounts", "--config", config] + (json ? ["--json"] : []))
                    #expect(result.status != 0, "\(result.stderrLines)")
                    #expect(result.stderrLines.count == 1 && result.stderrLines.first?.hasPrefix("pamtui: hostile: list accounts: ") == true, "\(result.stderrLines)")
                    #expect(result.stdout.isEmpty || (try? JSONSerialization.jsonObject(with: Data(result.stdout))) == nil)
                    // The transport refuses a body past 64 MiB; well under the 1 GiB sent.
                    if let peak = result.peakKiB { #expect(peak < 256 * 1024, "peak resident memory \(peak) KiB") }
                }
            }
        }
    }
}
