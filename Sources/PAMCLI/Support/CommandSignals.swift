import ArgumentParser
import Dispatch
import Foundation
import PAMCore

/// Commands that talk to a vendor end gracefully on SIGINT, SIGTERM or SIGHUP: no new call
/// starts, the one in flight finishes (or is cancelled and reconciled after `grace`), what the
/// command opened is released, the session is signed out, a note goes to stderr and the exit
/// code is 128 + the signal. A second signal, or `deadline` passing, exits at once.
protocol GracefulOnSignal {}

enum CommandSignals {
    static let signals = [SIGINT, SIGTERM, SIGHUP]
    /// How long the call in flight may take to finish before it is cancelled: 2 s. The tests of
    /// a second signal lengthen it (`PAMTUI_TEST_SIGNAL_GRACE`, seconds), so a loaded machine
    /// cannot end the first one before the second arrives.
    static let graceSeconds: Int = {
        ProcessInfo.processInfo.environment["PAMTUI_TEST_SIGNAL_GRACE"].flatMap(Int.init).map { min(max($0, 1), 60) } ?? 2
    }()
    static var grace: DispatchTimeInterval { .seconds(graceSeconds) }
    /// When the process exits whatever is still running: 3 s after the grace.
    static var deadline: DispatchTimeInterval { .seconds(graceSeconds + 3) }

    /// Set once the command has its result, so the deadline no longer ends a process that is
    /// only signing out and exiting.
    private static let finished = Locked(false)

    private static let sources = Locked<[any DispatchSourceSignal]>([])

    /// Runs `body` with the signals handled as above.
    static func run(_ body: sending @escaping () async throws -> Void) async throws {
        let work = Task { try await body() }
        install { signal in
            guard Interruption.request(signal) else {
                Console.err("pamtui: \(Interruption.name(of: signal)) again: stopping now")
                TerminalEcho.restore()
                _exit(128 + signal)
            }
            Console.err("pamtui: \(Interruption.name(of: signal)) received: finishing the call in flight, then signing out")
            DispatchQueue.global().asyncAfter(deadline: .now() + grace) { work.cancel() }
            DispatchQueue.global().asyncAfter(deadline: .now() + deadline) {
                guard !finished.withLock({ $0 }) else { return }
                Console.err("pamtui: stopped before the last call finished; check for open requests with: pamtui leases")
                TerminalEcho.restore()
                _exit(128 + signal)
            }
        }
        let result = await work.result
        finished.withLock { $0 = true }
        if let signal = Interruption.signal {
            if case .failure(let error as PAMError) = result, error.kind != .cancelled {
                Console.err("pamtui: \(TerminalText.sanitized(error.description))")
            }
            Console.err("pamtui: stopped by \(Interruption.name(of: signal))")
            throw ExitCode(128 + signal)
        }
        try result.get()
    }

    private static func install(_ handler: @escaping @Sendable (Int32) -> Void) {
        for number in signals {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { handler(number) }
            source.resume()
            sources.withLock { $0.append(source) }
        }
    }
}
