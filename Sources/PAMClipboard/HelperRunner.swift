#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch
import PAMCore

/// The result of a finished helper program.
public struct HelperResult: Sendable {
    /// Exit status, or 128 + signal number.
    public var status: Int32
    /// Captured stdout (empty unless asked for).
    public var output: SecretBytes

    public init(status: Int32, output: SecretBytes = SecretBytes()) {
        self.status = status
        self.output = output
    }
}

/// Starts clipboard helpers (`wl-copy`, `xclip`, `tmux`); injected so tests can fake them.
public protocol HelperRunner: Sendable {
    /// Runs `program` with the secret, if any, on stdin only.
    func run(_ program: String, arguments: [String], input: SecretBytes?, captureOutput: Bool) async throws
        -> HelperResult
}

/// Runs helpers with `ChildProcess` (posix_spawn) on a dispatch thread, through
/// `sh -c 'exec timeout … "$0" "$@" 2>/dev/null'`: a helper's complaints must not scribble over
/// the TUI, and wl-copy can hang without a terminal. Only fixed text is in the script; the
/// secret still travels on stdin alone.
public struct ProcessHelperRunner: HelperRunner {
    // A queue of our own gets threads beyond the global pool, which Swift concurrency shares
    // on Linux; a helper that waits must not starve other tasks.
    private static let queue = DispatchQueue(label: "pamtui.clipboard.helpers", attributes: .concurrent)

    /// Seconds a helper may run before it is killed.
    public let timeoutSeconds: Int

    public init(timeoutSeconds: Int = 10) {
        self.timeoutSeconds = timeoutSeconds
    }

    /// The `sh -c` script that runs `"$0" "$@"` under a time limit with stderr discarded.
    public var script: String {
        "exec timeout -k 2 \(timeoutSeconds) \"$0\" \"$@\" 2>/dev/null"
    }

    public func run(_ program: String, arguments: [String], input: SecretBytes?, captureOutput: Bool) async throws
        -> HelperResult
    {
        let script = script
        let timeoutSeconds = timeoutSeconds
        let result: HelperResult = try await withCheckedThrowingContinuation { continuation in
            Self.queue.async {
                do {
                    let outcome = try ChildProcess.run(
                        "/bin/sh", arguments: ["-c", script, program] + arguments,
                        input: input.map { .secret($0) } ?? .null, captureOutput: captureOutput
                    )
                    continuation.resume(returning: HelperResult(status: outcome.status, output: outcome.output))
                } catch {
                    continuation.resume(throwing: error)
                }
            }
        }
        switch result.status {
        case 124, 128 + 9:
            result.output.wipe()
            throw PAMError(.timeout, "\(program) did not finish within \(timeoutSeconds) seconds")
        case 126, 127:
            result.output.wipe()
            throw PAMError(.configuration, "\(program) is not installed or cannot be run")
        default:
            return result
        }
    }
}

extension HelperRunner {
    /// Runs a helper and turns a non-zero exit into a one-line error.
    func runChecked(_ program: String, _ arguments: [String], input: SecretBytes? = nil) async throws {
        let result = try await run(program, arguments: arguments, input: input, captureOutput: false)
        guard result.status == 0 else { throw HelperFailure.exited(program, result.status) }
    }

    /// Runs a helper for its output; nil when it exits non-zero (nothing to read).
    func output(_ program: String, _ arguments: [String]) async throws -> SecretBytes? {
        let result = try await run(program, arguments: arguments, input: nil, captureOutput: true)
        guard result.status == 0 else {
            result.output.wipe()
            return nil
        }
        return result.output
    }

    /// Non-secret output (help text, option values) as a string; nil when the helper fails.
    func text(_ program: String, _ arguments: [String]) async -> String? {
        guard let output = try? await output(program, arguments) else { return nil }
        return output.unsafeStringCopy()
    }
}

/// Errors from helper programs, as `PAMError`s.
enum HelperFailure {
    static func exited(_ program: String, _ status: Int32) -> PAMError {
        PAMError(.configuration, "\(program) exited with status \(status)")
    }
}
