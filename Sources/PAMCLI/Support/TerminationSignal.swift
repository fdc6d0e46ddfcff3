import Dispatch
import Foundation
import PAMCore

/// Waits for SIGINT or SIGTERM without killing the process, so servers can stop cleanly.
enum TerminationSignal {
    private static let sources = Locked<[any DispatchSourceSignal]>([])

    /// Returns the first of `signals` to arrive.
    static func wait(for signals: [Int32] = [SIGINT, SIGTERM]) async -> Int32 {
        await withCheckedContinuation { continuation in
            let resumed = Locked(false)
            for number in signals {
                signal(number, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
                source.setEventHandler {
                    let first = resumed.withLock { done in
                        defer { done = true }
                        return !done
                    }
                    if first { continuation.resume(returning: number) }
                }
                source.resume()
                sources.withLock { $0.append(source) }
            }
        }
    }
}
