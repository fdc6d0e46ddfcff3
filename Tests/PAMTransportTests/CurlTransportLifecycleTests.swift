import Foundation
import PAMCore
import Testing

@testable import PAMTransport

@Suite("CurlTransport timeouts, cancellation, shutdown, concurrency and cookies")
struct CurlTransportLifecycleTests {
    @Test("the total timeout fails a slow request as a timeout")
    func totalTimeout() async throws {
        try await TestServer.with { server in
            let transport = try CurlTransport(options: testOptions { $0.totalTimeout = .milliseconds(300) })
            let error = await pamError { try await transport.send(HTTPRequest(.get, server.url("/slow"))) }
            #expect(error?.kind == .timeout)
            #expect(error?.message == "no response from 127.0.0.1 within 300 ms")
        }
    }

    @Test("cancelling a request in flight fails it as cancelled; the transport stays usable")
    func cancelInFlight() async throws {
        try await TestServer.with { server in
            let transport = try CurlTransport(options: testOptions())
            let task = Task { try await transport.send(HTTPRequest(.get, server.url("/slow"))) }
            #expect(try await waitUntil { server.stats.slowRequests == 1 })
            task.cancel()
            let error = await pamError { try await task.value }
            #expect(error?.kind == .cancelled)
            #expect(try await transport.send(HTTPRequest(.get, server.url("/ping"))).text == "pong")
        }
    }

    @Test("a request whose task is already cancelled never starts")
    func cancelBeforeStart() async throws {
        try await TestServer.with { server in
            let transport = try CurlTransport(options: testOptions())
            let task = Task {
                while !Task.isCancelled { await Task.yield() }
                return try await transport.send(HTTPRequest(.get, server.url("/ping")))
            }
            task.cancel()
            let error = await pamError { try await task.value }
            #expect(error?.kind == .cancelled)
            #expect(server.stats.requests == 0)
            // Many racing cancellations: each request either completes or fails as cancelled.
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<50 {
                    let task = Task { try await transport.send(HTTPRequest(.get, server.url("/ping"))) }
                    if index.isMultiple(of: 2) { task.cancel() }
                    group.addTask {
                        do {
                            _ = try await task.value
                        } catch let error as PAMError {
                            #expect(error.kind == .cancelled)
                        }
                    }
                }
                try await group.waitForAll()
            }
            #expect(try await transport.send(HTTPRequest(.get, server.url("/ping"))).text == "pong")
        }
    }

    @Test("shutdown fails requests in flight and every later send")
    func shutdown() async throws {
        try await TestServer.with { server in
            let transport = try CurlTransport(options: testOptions())
            let task = Task { try await transport.send(HTTPRequest(.get, server.url("/slow"))) }
            #expect(try await waitUntil { server.stats.slowRequests == 1 })
            transport.shutdown()
            let inFlight = await pamError { try await task.value }
            #expect(inFlight?.kind == .cancelled)
            #expect(inFlight?.message == "transport was shut down")
            transport.shutdown()
            let later = await pamError { try await transport.send(HTTPRequest(.get, server.url("/ping"))) }
            #expect(later?.kind == .cancelled)
            #expect(later?.message == "transport was shut down")
        }
    }

    @Test("a hundred concurrent requests all succeed over a few reused connections")
    func concurrency() async throws {
        try await TestServer.with { server in
            let transport = try CurlTransport(options: testOptions { $0.maxConnectionsPerHost = 6 })
            var portsAfterBurst: [Set<Int>] = []
            for _ in 0..<2 {
                let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
                    for _ in 0..<100 {
                        group.addTask { try await transport.send(HTTPRequest(.get, server.url("/ping"))).status }
                    }
                    return try await group.reduce(into: [Int]()) { $0.append($1) }
                }
                #expect(statuses.count == 100)
                #expect(statuses.allSatisfy { $0 == 200 })
                portsAfterBurst.append(server.stats.remotePorts)
            }
            #expect(server.stats.requests == 200)
            #expect(portsAfterBurst[0].count <= 6)
            // The second burst runs entirely on the kept-alive connections of the first.
            #expect(portsAfterBurst[1] == portsAfterBurst[0])
        }
    }

    @Test("TLS connections and sessions are reused too")
    func concurrencyOverTLS() async throws {
        let pki = try TestPKI.shared.get()
        try await TestServer.with(.tls) { server in
            let transport = try CurlTransport(options: testOptions {
                $0.caBundle = pki.caA
                $0.maxConnectionsPerHost = 4
            })
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<60 {
                    group.addTask {
                        let response = try await transport.send(HTTPRequest(.get, server.url("/ping")))
                        #expect(response.status == 200)
                    }
                }
                try await group.waitForAll()
            }
            #expect(server.stats.requests == 60)
            #expect(server.stats.remotePorts.count <= 4)
        }
    }

    @Test("cookies go back to the server within one transport and not to another")
    func cookies() async throws {
        try await TestServer.with { server in
            let first = try CurlTransport(options: testOptions())
            let second = try CurlTransport(options: testOptions())
            let noJar = try CurlTransport(options: testOptions { $0.cookies = false })
            let set = try await first.send(HTTPRequest(.get, server.url("/cookie/set")))
            // The jar keeps the cookie; the response never exposes a session cookie's value.
            #expect(set.header("set-cookie") == "(withheld)")
            let echoed = try await first.send(HTTPRequest(.get, server.url("/cookie/check"))).text
            #expect(echoed.hasPrefix("session=jar-"))
            #expect(try await second.send(HTTPRequest(.get, server.url("/cookie/check"))).text == "no cookie")
            _ = try await noJar.send(HTTPRequest(.get, server.url("/cookie/set")))
            #expect(try await noJar.send(HTTPRequest(.get, server.url("/cookie/check"))).text == "no cookie")
        }
    }

    @Test("response headers are complete and trimmed")
    func responseHeaders() async throws {
        try await TestServer.with { server in
            let transport = try CurlTransport(options: testOptions())
            let response = try await transport.send(HTTPRequest(.get, server.url("/ping")))
            #expect(response.header("Content-Length") == "4")
            #expect(response.headers.allSatisfy { header in
                !header.name.unicodeScalars.contains { $0 == "\r" || $0 == "\n" || $0 == " " }
                    && !header.value.unicodeScalars.contains { $0 == "\r" || $0 == "\n" }
            })
            #expect(!response.headers.contains { $0.name.hasPrefix("HTTP/") })
        }
    }
}

@Suite("CurlTransport connect timeout")
struct CurlTransportConnectTimeoutTests {
    @Test("a server that accepts TCP but never answers the TLS handshake hits the connect timeout")
    func connectTimeout() async throws {
        let tarpit = try Tarpit()
        defer { tarpit.close() }
        let transport = try CurlTransport(options: testOptions { $0.connectTimeout = .milliseconds(300) })
        let error = await pamError { try await transport.send(HTTPRequest(.get, "https://127.0.0.1:\(tarpit.port)/")) }
        // The message names the connect timeout, so it was that one (not the total) that fired;
        // no wall-clock bound here, which a loaded CI machine could break.
        #expect(error?.kind == .timeout)
        #expect(error?.message == "could not connect to 127.0.0.1 within 300 ms")
    }
}

/// A listening socket that is never accepted from: the kernel completes the TCP handshake and
/// the client then waits forever for the TLS reply.
struct Tarpit {
    let descriptor: Int32
    let port: Int

    init() throws {
        let socketDescriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(socketDescriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard socketDescriptor >= 0, bound == 0, listen(socketDescriptor, 16) == 0 else {
            throw TestPKIError(message: "tarpit socket failed: errno \(errno)")
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socketDescriptor, $0, &length) }
        }
        descriptor = socketDescriptor
        port = Int(UInt16(bigEndian: address.sin_port))
    }

    func close() {
        _ = Glibc.close(descriptor)
    }
}
