import Foundation
import PAMTestSupport
import Testing

/// The fault suite: the real binary checks out, shows, shows with --checkin and checks in against
/// `pamtui simulate --faults …`, 20 runs a fault, each on an account of its own. After every run
/// the server is asked which requests are open: one the CLI did not report by its id is a lost
/// lease, two from one run a duplicate. Human output must hold no raw control byte.
@Suite struct FaultSuiteTests {
    enum Command: String, CaseIterable, Sendable {
        case checkout, show, showCheckin = "show --checkin", checkin
    }

    struct Fault: Sendable, CustomTestStringConvertible {
        var name: String
        var faults: String
        var commands: [Command] = Command.allCases
        /// The profile's timeout, so a delayed answer is given up on.
        var timeoutSeconds: Double?
        /// Sent once the server holds the run's request (its answer delayed by the fault).
        var signals: [Int32] = []
        var testDescription: String { name }
    }

    static let runs = 20

    static let faults: [Fault] = [
        Fault(name: "commit-then-delay", faults: "commit-then-delay=1500ms,methods=POST|PUT", timeoutSeconds: 0.5),
        Fault(name: "commit-then-drop", faults: "commit-then-drop=1,methods=POST|PUT"),
        Fault(name: "malformed", faults: "malformed=0.3"),
        Fault(
            name: "signal after commit", faults: "commit-then-delay=4s,methods=POST",
            commands: [.checkout, .show, .showCheckin], signals: [SIGINT, SIGTERM, SIGHUP]),
        Fault(name: "drop", faults: "drop=0.3", commands: [.showCheckin, .checkin]),
        Fault(name: "rate429", faults: "rate429=0.3", commands: [.showCheckin]),
    ]

    /// What the runs of one fault came to.
    struct Tally: CustomStringConvertible {
        var tried = 0, reconciled = 0, lost = 0, duplicates = 0, rawControlBytes = 0
        var failures: [String] = []
        var description: String {
            "tried \(tried), reconciled \(reconciled), lost \(lost), duplicates \(duplicates), raw control bytes \(rawControlBytes)"
        }
    }

    @Test(arguments: faults)
    func noLeaseIsLostOrDuplicated(_ fault: Fault) async throws {
        let state = try makeTemporaryDirectory(prefix: "pamtui-faults-state")
        defer { try? FileManager.default.removeItem(atPath: state) }
        let environment = ["XDG_STATE_HOME": state]
        try await SimulateProcess.with(["--vendors", "beyondtrust", "--scale", "200", "--seed", "11", "--faults", fault.faults]) { simulator in
            let clean = simulator.configPath
            let config = try configVariant(of: simulator, name: "faulty") { text in
                guard let seconds = fault.timeoutSeconds else { return text }
                return text.replacingOccurrences(of: "vendor = \"beyondtrust\"\n", with: "vendor = \"beyondtrust\"\ntimeout = \(seconds)\n")
            }
            var tally = Tally()
            for run in 0..<Self.runs {
                let account = Self.account(run)
                let command = fault.commands[run % fault.commands.count]
                var outputs: [ProcessResult] = []
                if command == .checkin {
                    outputs.append(try await Pamtui.run(["checkout", account, "--config", config], environment: environment))
                }
                let arguments = Self.arguments(command, account) + ["--config", config]
                if fault.signals.isEmpty {
                    outputs.append(try await Pamtui.run(arguments, environment: environment))
                } else {
                    let running = try RunningPamtui(arguments, environment: environment)
                    // The moment that loses most: the server committed, the answer has not come.
                    try await waitUntil(timeout: .seconds(30)) {
                        try await !Self.openRequests(on: account, config: clean).isEmpty || !running.process.isRunning
                    }
                    let signal = fault.signals[run % fault.signals.count]
                    running.signal(signal)
                    let result = try await running.finish()
                    if result.status != 128 + signal, result.status != 0 {
                        tally.failures.append("run \(run) \(command.rawValue): exit \(result.status) after signal \(signal): \(result.stderr)")
                    }
                    outputs.append(result)
                }
                tally.tried += 1
                let text = outputs.map { $0.stdout + $0.stderr }.joined(separator: "\n")
                if text.contains("answer was lost") || text.contains("holds no request") { tally.reconciled += 1 }
                let reported = Self.reportedIDs(text)
                let open = try await Self.openRequests(on: account, config: clean)
                let unreported = open.filter { !reported.contains($0) }
                if !unreported.isEmpty {
                    tally.lost += unreported.count
                    tally.failures.append("run \(run) \(command.rawValue) on \(account): open \(unreported) not reported in: \(text)")
                }
                if open.count > 1 {
                    tally.duplicates += open.count - 1
                    tally.failures.append("run \(run) \(command.rawValue) on \(account): \(open.count) open requests: \(text)")
                }
                for (index, output) in outputs.enumerated() {
                    // `show` prints the secret on purpose; its stdout is the secret alone.
                    let human = (command == .show || command == .showCheckin) && index == outputs.count - 1
                        ? output.stderr : output.stdout + output.stderr
                    tally.rawControlBytes += Self.rawControlBytes(human)
                }
            }
            print("fault suite, \(fault.name): \(tally)")
            #expect(tally.lost == 0, "\(tally.failures)")
            #expect(tally.duplicates == 0, "\(tally.failures)")
            #expect(tally.rawControlBytes == 0)
            #expect(tally.failures.isEmpty, "\(tally.failures)")
        }
    }

    /// A different account for every run: `win-00001/svc-000`, `lnx-00002/app-001`, …
    static func account(_ run: Int) -> String {
        let prefixes = ["win", "lnx", "sql", "net"]
        let names = ["svc", "app", "ops", "adm", "bkp", "etl", "mon", "dev"]
        let system = run % 4
        let slot = run / 4 * 8 + run % 8
        return "\(prefixes[system])-0000\(system + 1)/\(names[slot % names.count])-\(String(format: "%03d", slot))"
    }

    static func arguments(_ command: Command, _ account: String) -> [String] {
        switch command {
        case .checkout: ["checkout", account, "--reason", "fault suite"]
        case .show: ["show", account, "--reason", "fault suite"]
        case .showCheckin: ["show", account, "--checkin", "--reason", "fault suite"]
        case .checkin: ["checkin", account]
        }
    }

    /// Every id the CLI named as a request.
    static func reportedIDs(_ text: String) -> Set<String> {
        let pattern = try! NSRegularExpression(pattern: #"request (\d+)"#)
        let range = NSRange(text.startIndex..., in: text)
        return Set(pattern.matches(in: text, range: range).compactMap { match in
            Range(match.range(at: 1), in: text).map { String(text[$0]) }
        })
    }

    /// The open requests on `account`, asked over the fault-free config (reads are retried until
    /// an answer parses: the random faults hit reads too).
    static func openRequests(on account: String, config: String) async throws -> [String] {
        let parts = account.split(separator: "/").map(String.init)
        for _ in 0..<40 {
            let listed = try await Pamtui.run(["ls", "requests", "--json", "--config", config], environment: [:])
            guard listed.status == 0, let rows = try? jsonArray(listed) else { continue }
            return rows.filter { row in
                row["systemName"] as? String == parts[0] && row["accountName"] as? String == parts[1]
                    && ["pendingApproval", "available", "checkedOut"].contains(row["state"] as? String ?? "")
            }.compactMap { $0["requestId"] as? String }
        }
        throw ListingFailed()
    }

    struct ListingFailed: Error, CustomStringConvertible {
        var description: String { "no request listing parsed in 40 tries" }
    }

    /// Bytes that could drive a terminal: C0 but newline and tab, DEL, and C1 (as UTF-8).
    static func rawControlBytes(_ text: String) -> Int {
        let bytes = Array(text.utf8)
        var count = 0
        for (index, byte) in bytes.enumerated() {
            if (byte < 0x20 && byte != 0x0A && byte != 0x09) || byte == 0x7F { count += 1 }
            if byte == 0xC2, index + 1 < bytes.count, (0x80...0x9F).contains(bytes[index + 1]) { count += 1 }
        }
        return count
    }
}
