import Foundation
import PAMCore

/// Asks on the controlling terminal (`/dev/tty`) with echo off: the question goes to the
/// terminal, the answer is read there into `SecretBytes` and never shown, so stdin and stdout
/// stay the command's. Without a terminal it refuses with the profile keys that avoid asking.
/// The read waits on its own thread, never on the cooperative pool.
struct TerminalPrompter: SecretPrompter {
    /// Longer answers are refused: no code or password is this long.
    static let maximumLength = 4096

    func secret(_ question: SecretQuestion) async throws -> SecretBytes {
        let noTerminal = question.unanswerable("there is no terminal to ask on")
        guard isatty(0) == 1 || isatty(2) == 1 else { throw noTerminal }
        let fd = open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC)
        guard fd >= 0 else { throw noTerminal }
        let prompt = TerminalText.sanitized("pamtui: \(question.profile): \(question.why). \(question.label): ")
        let stop = Locked(false)
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<SecretBytes, any Error>) in
                let thread = Thread {
                    defer { close(fd) }
                    continuation.resume(with: Result { try TerminalEcho.hidden(fd) { try Self.readLine(fd, prompt: prompt, stop: stop) } })
                }
                thread.name = "pamtui-prompt"
                thread.start()
            }
        } onCancel: {
            stop.withLock { $0 = true }
        }
    }

    /// Writes `prompt`, then reads up to the end of the line. Polls so that cancellation or a
    /// signal (the command stopping) ends the wait within a tenth of a second.
    private static func readLine(_ fd: Int32, prompt: String, stop: Locked<Bool>) throws -> SecretBytes {
        var text = Array(prompt.utf8)
        _ = write(fd, &text, text.count)
        let line = SecretBytes(capacity: 256)
        var byte: UInt8 = 0
        defer { byte = 0 }
        while true {
            if stop.withLock({ $0 }) || Interruption.signal != nil { throw PAMError(.cancelled, "cancelled") }
            var ready = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let polled = poll(&ready, 1, 100)
            if polled == 0 || (polled < 0 && errno == EINTR) { continue }
            guard polled > 0 else { throw PAMError(.transport, "cannot read the terminal") }
            let count = read(fd, &byte, 1)
            if count < 0, errno == EINTR || errno == EAGAIN { continue }
            // End of input (ctrl-d on an empty line) declines to answer.
            guard count > 0 else { throw PAMError(.cancelled, "cancelled") }
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") { return line }
            guard line.count < maximumLength else { throw PAMError(.usage, "the answer is longer than \(maximumLength) bytes") }
            line.appendByte(byte)
        }
    }
}
