import PAMClipboard
import PAMCore
import Synchronization

/// A fake helper runner: records each call (arguments and whether stdin carried bytes) and
/// answers from a table of canned outputs.
final class RecordingRunner: HelperRunner {
    struct Call: Equatable {
        var program: String
        var arguments: [String]
        var stdinBytes: Int?
    }

    private let calls = Mutex<[Call]>([])
    private let answers: [String: (Int32, String)]

    /// `answers` maps `program arguments…` to an exit status and stdout.
    init(answers: [String: (Int32, String)] = [:]) {
        self.answers = answers
    }

    var recorded: [Call] { calls.withLock { $0 } }

    func run(_ program: String, arguments: [String], input: SecretBytes?, captureOutput: Bool) async throws -> HelperResult {
        calls.withLock { $0.append(Call(program: program, arguments: arguments, stdinBytes: input?.count)) }
        let key = ([program] + arguments).joined(separator: " ")
        let (status, output) = answers[key] ?? (0, "")
        return HelperResult(status: status, output: captureOutput ? SecretBytes(utf8: output) : SecretBytes())
    }
}
