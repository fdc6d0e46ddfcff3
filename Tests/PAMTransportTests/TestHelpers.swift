import Foundation
import PAMCore
import Testing

@testable import PAMTransport

extension HTTPResponse {
    /// The body as text (test only: response bodies may be secrets in the app).
    var text: String { body.unsafeStringCopy() }

    func echo() throws -> Echo {
        try JSONDecoder().decode(Echo.self, from: Data(body.withUnsafeBytes { Array($0) }))
    }
}

/// Options for loopback tests: short timeouts, so that a hang fails the test instead of the run.
func testOptions(_ change: (inout TransportOptions) -> Void = { _ in }) -> TransportOptions {
    var options = TransportOptions()
    options.connectTimeout = .seconds(5)
    options.totalTimeout = .seconds(20)
    change(&options)
    return options
}

/// Runs `body` and returns the `PAMError` it throws; records an issue for anything else.
func pamError(
    sourceLocation: SourceLocation = #_sourceLocation, _ body: () async throws -> some Any
) async -> PAMError? {
    do {
        _ = try await body()
        Issue.record("expected a PAMError, got success", sourceLocation: sourceLocation)
    } catch let error as PAMError {
        #expect(!error.message.contains("\n"), "message must be one line", sourceLocation: sourceLocation)
        return error
    } catch {
        Issue.record("expected a PAMError, got \(type(of: error)): \(error)", sourceLocation: sourceLocation)
    }
    return nil
}

/// Records every exchange, for assertions.
final class RecordingObserver: HTTPExchangeObserver {
    private let records = Locked<[HTTPExchange]>([])

    func record(_ exchange: HTTPExchange) { records.withLock { $0.append(exchange) } }

    var exchanges: [HTTPExchange] { records.withLock { $0 } }
}
