import ArgumentParser
import PAMCore

/// `pamtui self-check` (hidden): reports this process's hardening, for tests of the real binary.
struct SelfCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "self-check",
        abstract: "Print the process hardening: dumpable=0|1 core=LIMIT.",
        shouldDisplay: false
    )

    func run() {
        let dumpable = ProcessHardening.isDumpable.map { $0 ? "1" : "0" } ?? "unknown"
        let core = ProcessHardening.coreLimit.map { $0 == UInt64.max ? "unlimited" : String($0) } ?? "unknown"
        Console.out("dumpable=\(dumpable) core=\(core)")
    }
}
