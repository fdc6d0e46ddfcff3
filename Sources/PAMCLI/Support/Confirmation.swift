import Foundation
import PAMCore

/// Asks before a destructive command: `--yes` skips the question; on a terminal the operator
/// answers y or yes; without a terminal the command refuses (exit 2) unless `--yes` is given.
enum Confirmation {
    static func require(_ question: String, yes: Bool) throws {
        if yes { return }
        guard isatty(0) == 1, isatty(2) == 1 else {
            throw PAMError(.usage, "not asking without a terminal: \(question) Add --yes to go ahead")
        }
        Console.write("pamtui: \(question) [y/N] ", to: 2)
        let answer = (readLine(strippingNewline: true) ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        guard answer == "y" || answer == "yes" else { throw PAMError(.cancelled, "nothing was changed") }
    }
}
