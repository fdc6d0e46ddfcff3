import Foundation
import Glibc
import PAMTestSupport
import Testing

@testable import PAMCurses

@Suite struct WakerTests {
    func isReadable(_ waker: Waker) -> Bool {
        var descriptor = pollfd(fd: waker.readDescriptor, events: Int16(POLLIN), revents: 0)
        return poll(&descriptor, 1, 0) == 1
    }

    @Test func wakeFromAnotherThreadMakesThePipeReadableUntilDrained() async throws {
        let waker = try Waker()
        #expect(!isReadable(waker))
        let thread = Thread { waker.wake() }
        thread.start()
        try await waitUntil { isReadable(waker) }
        waker.drain()
        #expect(!isReadable(waker))
    }

    @Test func manyWakesNeverBlock() throws {
        let waker = try Waker()
        // Far more than a pipe holds: a full pipe already means "wake up".
        for _ in 0..<200_000 { waker.wake() }
        #expect(isReadable(waker))
        waker.drain()
        #expect(!isReadable(waker))
    }
}
