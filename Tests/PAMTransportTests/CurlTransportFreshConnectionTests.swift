import Foundation
import PAMCore
import Testing

@testable import PAMTransport

@Suite("A POST never rides a reused connection, so libcurl cannot resend it on its own")
struct CurlTransportFreshConnectionTests {
    @Test("each POST opens a connection of its own while GETs share one")
    func postsTakeFreshConnections() async throws {
        try await TestServer.with { server in
            let transport = try CurlTransport(options: testOptions())
            _ = try await transport.send(HTTPRequest(.get, server.url("/ping")))
            for _ in 0..<3 {
                let posted = try await transport.send(HTTPRequest(.post, server.url("/echo"), body: .bytes(Array("{}".utf8))))
                #expect(posted.status == 200)
                _ = try await transport.send(HTTPRequest(.get, server.url("/ping")))
            }
            #expect(server.stats.requests == 7)
            // One connection for the GETs (they reuse whichever is idle), one more per POST.
            #expect(server.stats.remotePorts.count == 4)
        }
    }
}
