import Foundation
import Synchronization
import PAMClipboard
import PAMCore
import Testing

@Suite struct OSC52EncoderTests {
    func bytes(_ secret: SecretBytes) -> [UInt8] {
        secret.withUnsafeBytes { Array($0) }
    }

    func base64(_ text: String) -> String {
        SecretBase64.encode(SecretBytes(utf8: text)).unsafeStringCopy()
    }

    @Test func base64MatchesFoundation() {
        let samples: [[UInt8]] = [
            [], [0], [0, 0], [0, 0, 0], [0xff], [0xff, 0xfe], [0xfb, 0xff, 0xbf], Array(0...255),
            Array("p@ss→wörd".utf8), Array("a\nb\r\n\u{1b}]52;\u{07}".utf8),
        ]
        for sample in samples {
            var copy = sample
            let encoded = SecretBase64.encode(SecretBytes(consuming: &copy)).unsafeStringCopy()
            #expect(encoded == Data(sample).base64EncodedString(), "for \(sample.prefix(8))")
            #expect(encoded.count == SecretBase64.encodedCount(sample.count))
        }
        #expect(base64("p@ss→wörd") == "cEBzc+KGknfDtnJk")
        #expect(base64("") == "")
        #expect(base64("f") == "Zg==")
        #expect(base64("fo") == "Zm8=")
        #expect(base64("foo") == "Zm9v")
    }

    @Test func plainSequence() throws {
        let sequence = try OSC52Encoder.sequence(for: SecretBytes(utf8: "p@ss→wörd"), wrapping: .none)
        #expect(bytes(sequence) == Array("\u{1b}]52;c;cEBzc+KGknfDtnJk\u{07}".utf8))
    }

    @Test func tmuxWrappingDoublesEscape() throws {
        let sequence = try OSC52Encoder.sequence(for: SecretBytes(utf8: "hunter2"), wrapping: .tmux)
        let expected = "\u{1b}Ptmux;\u{1b}\u{1b}]52;c;aHVudGVyMg==\u{07}\u{1b}\\"
        #expect(bytes(sequence) == Array(expected.utf8))
    }

    @Test func screenChunksJoinToThePlainSequence() throws {
        var long = [UInt8](repeating: 0, count: 200)
        for index in long.indices { long[index] = UInt8(truncatingIfNeeded: index * 7) }
        let secret = SecretBytes(copying: long.withUnsafeBytes { $0 })
        let plain = bytes(try OSC52Encoder.sequence(for: secret, wrapping: .none))
        let wrapped = bytes(try OSC52Encoder.sequence(for: secret, wrapping: .screen))

        // Split on the DCS introducer and terminator and check each body.
        var bodies: [[UInt8]] = []
        var index = 0
        while index < wrapped.count {
            #expect(Array(wrapped[index..<index + 2]) == [0x1b, UInt8(ascii: "P")])
            var end = index + 2
            while !(wrapped[end] == 0x1b && wrapped[end + 1] == UInt8(ascii: "\\")) { end += 1 }
            bodies.append(Array(wrapped[(index + 2)..<end]))
            index = end + 2
        }
        #expect(bodies.count > 1)
        #expect(bodies.allSatisfy { $0.count <= OSC52Encoder.screenChunkLimit })
        #expect(Array(bodies.joined()) == plain)
    }

    @Test func payloadCap() throws {
        // 56,244 bytes encode to exactly 74,992 base64 bytes; 56,247 to 74,996.
        let fits = SecretBytes(copying: [UInt8](repeating: 0x41, count: 56_244).withUnsafeBytes { $0 })
        #expect(try OSC52Encoder.sequence(for: fits, wrapping: .none).count == 74_992 + 8)
        let tooLong = SecretBytes(copying: [UInt8](repeating: 0x41, count: 56_247).withUnsafeBytes { $0 })
        #expect(throws: PAMError.self) { try OSC52Encoder.sequence(for: tooLong, wrapping: .none) }
    }

    @Test func backendRefusesWithoutATerminal() async throws {
        let written = WrittenBytes()
        let secret = SecretBytes(utf8: "never-written")
        let notTTY = OSC52Backend(isTerminal: false, term: "xterm", writer: written.append)
        await #expect(throws: PAMError.self) { try await notTTY.write(secret) }
        let dumb = OSC52Backend(isTerminal: true, term: "dumb", writer: written.append)
        await #expect(throws: PAMError.self) { try await dumb.write(secret) }
        #expect(written.all.isEmpty)
    }

    @Test func backendWritesAndClears() async throws {
        let written = WrittenBytes()
        let backend = OSC52Backend(isTerminal: true, term: "xterm", writer: written.append)
        try await backend.write(SecretBytes(utf8: "abc"))
        try await backend.clear()
        #expect(written.all == ["\u{1b}]52;c;YWJj\u{07}", "\u{1b}]52;c;\u{07}"])
        await #expect(throws: PAMError.self) { _ = try await backend.read() }
    }

    @Test func refusalMessagesAreOneLineWithoutTheSecret() async throws {
        let backend = OSC52Backend(isTerminal: false, term: nil, writer: { _ in })
        do {
            try await backend.write(SecretBytes(utf8: "zebra-secret"))
            Issue.record("expected a refusal")
        } catch {
            #expect("\(error)" == "OSC 52 needs a terminal: stdout is not a TTY")
        }
    }
}

/// Collects what a terminal writer was given, as strings (only test secrets pass through).
final class WrittenBytes: Sendable {
    private let storage = Mutex<[String]>([])

    var all: [String] { storage.withLock { $0 } }

    var append: OSC52Backend.Writer {
        { bytes in
            let text = bytes.unsafeStringCopy()
            self.storage.withLock { $0.append(text) }
        }
    }
}
