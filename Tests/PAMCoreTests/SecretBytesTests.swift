import PAMCore
import Testing

@Suite struct SecretBytesTests {
    @Test func appendGrowsAcrossReallocationsAndKeepsBytes() {
        let secret = SecretBytes(capacity: 1)
        for chunk in ["correct ", "horse ", "battery ", "staple", String(repeating: "x", count: 5000)] {
            secret.append(chunk)
        }
        #expect(secret.count == 28 + 5000)
        #expect(secret.unsafeStringCopy().hasPrefix("correct horse battery staple"))
    }

    @Test func wipeZeroesAndEmpties() {
        let secret = SecretBytes(utf8: "hunter2")
        secret.wipe()
        #expect(secret.isEmpty)
        #expect(secret.unsafeStringCopy() == "")
    }

    @Test func consumingInitWipesTheSourceArray() {
        var source = Array("s3cr3t".utf8)
        let secret = SecretBytes(consuming: &source)
        #expect(source.allSatisfy { $0 == 0 })
        #expect(secret.unsafeStringCopy() == "s3cr3t")
    }

    @Test func descriptionsNeverShowTheValue() {
        let secret = SecretBytes(utf8: "p@ssw0rd")
        for text in [secret.description, secret.debugDescription, "\(secret)", String(reflecting: secret)] {
            #expect(!text.contains("p@ssw0rd"))
            #expect(text.contains("redacted"))
        }
        var dumped = ""
        dump(secret, to: &dumped)
        #expect(!dumped.contains("p@ssw0rd"))
    }

    @Test func constantTimeEqualsComparesContents() {
        #expect(SecretBytes(utf8: "abc").constantTimeEquals(SecretBytes(utf8: "abc")))
        #expect(!SecretBytes(utf8: "abc").constantTimeEquals(SecretBytes(utf8: "abd")))
        #expect(!SecretBytes(utf8: "abc").constantTimeEquals(SecretBytes(utf8: "abcd")))
    }

    @Test func composingPercentEncodesOnlyTheMarkedPieces() {
        let composed = SecretBytes.joined([
            .text("client_id=a b&client_secret="), .percentEncoded(SecretBytes(utf8: "s&=/ é")), .text("&x=1"),
        ])
        #expect(composed.unsafeStringCopy() == "client_id=a b&client_secret=s%26%3D%2F%20%C3%A9&x=1")
    }
}
