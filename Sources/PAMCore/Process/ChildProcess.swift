import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Starts helper programs with `posix_spawn`. Secrets travel only through pipes, never argv or
/// the environment: every child gets `ChildEnvironment`'s copy of ours, without the variables
/// that hold secrets. (`Foundation.Process` hangs waiting for helpers such as xclip that leave a
/// daemon holding inherited descriptors.)
public enum ChildProcess {
    /// How the child's standard input is connected.
    public enum Input: Sendable {
        /// The parent's stdin (lets a password manager prompt on the terminal).
        case inherit
        case null
        /// These bytes, written to a pipe and then closed.
        case secret(SecretBytes)
    }

    /// The result of a finished child.
    public struct Outcome: Sendable {
        /// Exit status, or 128 + signal number when it was killed.
        public var status: Int32
        public var output: SecretBytes
    }

    /// Largest stdout kept from a child; a secret source printing more is misconfigured.
    public static let outputLimit = 1 << 20

    /// Runs `command` with `/bin/sh -c` and captures its stdout.
    public static func shell(_ command: String, input: Input = .inherit) throws -> Outcome {
        try run("/bin/sh", arguments: ["-c", command], input: input, captureOutput: true)
    }

    /// Runs a program found on `PATH` (or an absolute path) and waits for it.
    public static func run(
        _ program: String, arguments: [String], input: Input = .null, captureOutput: Bool = false
    ) throws -> Outcome {
        var fileActions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&fileActions)
        defer { posix_spawn_file_actions_destroy(&fileActions) }

        let stdinPipe = try makePipeIfNeeded(input.needsPipe)
        let stdoutPipe: Pipe?
        do {
            stdoutPipe = try makePipeIfNeeded(captureOutput)
        } catch {
            closeAll(stdinPipe)
            throw error
        }

        if let pipe = stdinPipe {
            posix_spawn_file_actions_adddup2(&fileActions, pipe.read, 0)
        } else if case .null = input {
            posix_spawn_file_actions_addopen(&fileActions, 0, "/dev/null", O_RDONLY, 0)
        }
        if let pipe = stdoutPipe {
            posix_spawn_file_actions_adddup2(&fileActions, pipe.write, 1)
        } else {
            posix_spawn_file_actions_addopen(&fileActions, 1, "/dev/null", O_WRONLY, 0)
        }

        let pid: pid_t
        do {
            pid = try spawn(program, arguments: arguments, fileActions: &fileActions)
        } catch {
            closeAll(stdinPipe, stdoutPipe)
            throw error
        }
        // From here each descriptor is closed exactly once: a second close could hit a number
        // another thread has just been given.
        if let pipe = stdinPipe {
            close(pipe.read)
            if case .secret(let secret) = input { withoutSIGPIPE { writeAll(secret, to: pipe.write) } }
            close(pipe.write)
        }
        var output = SecretBytes()
        if let pipe = stdoutPipe {
            close(pipe.write)
            output = readAll(from: pipe.read)
            close(pipe.read)
        }
        return Outcome(status: waitFor(pid), output: output)
    }

    /// Starts a program without waiting for it: stdin from /dev/null, stdout and stderr to
    /// `output` (created 0600) or /dev/null, and `environment` instead of ours when given (either
    /// way without the variables `ChildEnvironment` withholds).
    /// The caller reaps it with `waitpid`.
    public static func launch(
        _ program: String, arguments: [String], environment: [String: String]? = nil, output: String? = nil
    ) throws -> pid_t {
        var fileActions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&fileActions)
        defer { posix_spawn_file_actions_destroy(&fileActions) }
        posix_spawn_file_actions_addopen(&fileActions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&fileActions, 1, output ?? "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&fileActions, 1, 2)
        return try spawn(program, arguments: arguments, environment: environment, fileActions: &fileActions)
    }

    private struct Pipe { var read: Int32; var write: Int32 }

    private static func makePipeIfNeeded(_ needed: Bool) throws -> Pipe? {
        guard needed else { return nil }
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { throw PAMError(.server, "cannot create a pipe: \(String(cString: strerror(errno)))") }
        // Close-on-exec keeps our ends out of the child (and out of any daemon it leaves behind);
        // dup2 in the child clears the flag on its copies.
        _ = fcntl(fds[0], F_SETFD, FD_CLOEXEC)
        _ = fcntl(fds[1], F_SETFD, FD_CLOEXEC)
        return Pipe(read: fds[0], write: fds[1])
    }

    private static func closeAll(_ pipes: Pipe?...) {
        for pipe in pipes.compactMap({ $0 }) {
            close(pipe.read)
            close(pipe.write)
        }
    }

    private static func spawn(
        _ program: String, arguments: [String], environment: [String: String]? = nil,
        fileActions: inout posix_spawn_file_actions_t
    ) throws -> pid_t {
        let argv = ([program] + arguments).map { strdup($0) } + [nil]
        let envp = ChildEnvironment.entries(environment) + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        // Children start with default signal handling and nothing blocked, whatever this
        // process (a TUI, a server waiting for SIGTERM) has set up for itself.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t()
        sigfillset(&defaults)
        sigdelset(&defaults, SIGKILL)
        sigdelset(&defaults, SIGSTOP)
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
        var pid: pid_t = 0
        let result = posix_spawnp(&pid, program, &fileActions, &attributes, argv, envp)
        guard result == 0 else {
            throw PAMError(.configuration, "cannot start \(program): \(String(cString: strerror(result)))")
        }
        return pid
    }

    private static func writeAll(_ secret: SecretBytes, to fd: Int32) {
        secret.withUnsafeBytes { FileDescriptor.writeAll($0, to: fd) }
    }

    private static func readAll(from fd: Int32) -> SecretBytes {
        let output = SecretBytes(capacity: 256)
        var chunk = [UInt8](repeating: 0, count: 4096)
        defer { SecretBytes.wipe(&chunk) }
        while output.count < outputLimit {
            let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { break }
            chunk.withUnsafeBytes { output.append(UnsafeRawBufferPointer(rebasing: $0[0..<count])) }
        }
        return output
    }

    private static func waitFor(_ pid: pid_t) -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let signal = status & 0x7f
        return signal == 0 ? (status >> 8) & 0xff : 128 + signal
    }
}

extension ChildProcess.Input {
    fileprivate var needsPipe: Bool {
        if case .secret = self { return true }
        return false
    }
}

/// Runs `body` with SIGPIPE blocked on this thread and discards one it raised: a helper that
/// exits without reading stdin (tmux with no server) must give an error, not kill pamtui.
private func withoutSIGPIPE<R>(_ body: () throws -> R) rethrows -> R {
    var pipeOnly = sigset_t()
    sigemptyset(&pipeOnly)
    sigaddset(&pipeOnly, SIGPIPE)
    var previous = sigset_t()
    pthread_sigmask(SIG_BLOCK, &pipeOnly, &previous)
    defer {
        // A write to a closed pipe leaves SIGPIPE pending on this thread; take it before unblocking.
        var pending = sigset_t()
        sigpending(&pending)
        if sigismember(&pending, SIGPIPE) == 1 {
            var zero = timespec(tv_sec: 0, tv_nsec: 0)
            _ = sigtimedwait(&pipeOnly, nil, &zero)
        }
        pthread_sigmask(SIG_SETMASK, &previous, nil)
    }
    return try body()
}
