import CNCurses
import Glibc
import PAMCore

/// Interrupts a waiting `CursesTerminal.readEvents` from any thread, through a pipe.
public final class Waker: Sendable {
    let readDescriptor: Int32
    let writeDescriptor: Int32

    /// A new non-blocking pipe.
    public init() throws(PAMError) {
        var descriptors: [Int32] = [-1, -1]
        guard cn_pipe(&descriptors) == 0 else {
            throw PAMError(.unsupported, "cannot create the wake pipe (errno \(errno))")
        }
        readDescriptor = descriptors[0]
        writeDescriptor = descriptors[1]
    }

    /// Wakes the UI thread. Never blocks: a full pipe already holds a pending wake.
    public func wake() {
        var byte: UInt8 = 1
        _ = write(writeDescriptor, &byte, 1)
    }

    /// Empties the pipe; called by the thread that waits.
    func drain() {
        var buffer = [UInt8](repeating: 0, count: 64)
        while read(readDescriptor, &buffer, buffer.count) > 0 {}
    }

    deinit {
        close(readDescriptor)
        close(writeDescriptor)
    }
}
