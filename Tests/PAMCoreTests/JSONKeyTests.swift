import PAMCore
import Testing

/// The key of the one member of `{"<key>":0}`, as the scanner reads it from input.
private func scannedKey(_ escapedKey: String) throws -> JSONKey {
    try Array("{\"\(escapedKey)\":0}".utf8).withUnsafeBytes { raw in
        var scanner = JSONScanner(raw)
        try scanner.beginObject()
        var first = true
        guard let key = try scanner.nextKey(first: &first) else { throw PAMError(.malformed, "no key") }
        return key
    }
}

private func key(_ bytes: [UInt8]) -> JSONKey {
    bytes.withUnsafeBytes { JSONKey(bytes: $0) }
}

@Suite struct JSONKeyTests {
    @Test func constantAndScannedKeysWithTheSameBytesAreEqual() throws {
        #expect(try scannedKey("SystemId") == JSONKey("SystemId"))
        #expect(try scannedKey("") == JSONKey(""))
        #expect(try scannedKey("DefaultReleaseDuration") == JSONKey("DefaultReleaseDuration"))
        // Escaped in the input, the same bytes once decoded.
        #expect(try scannedKey(#"Sys\u0074em\/Id"#) == JSONKey("System/Id"))
        #expect(try scannedKey(#"caf\u00e9"#) == JSONKey("café"))
        // Longer than the inline part.
        let long: StaticString = "AVeryLongKeyNameThatGoesPastThirtyTwoBytesAndOnAndOn"
        #expect(try scannedKey("\(long)") == JSONKey(long))
        #expect(Set([try scannedKey("\(long)"), JSONKey(long)]).count == 1)
    }

    @Test func keysDifferingInCaseOrLengthAreUnequal() throws {
        #expect(try scannedKey("DnsName") != JSONKey("DNSName"))
        #expect(try scannedKey("SystemId") != JSONKey("SystemID"))
        #expect(try scannedKey("Id") != JSONKey("Ids"))
        #expect(try scannedKey("Id") != JSONKey(""))
        // Padding is not content: a trailing NUL byte makes a different key.
        #expect(try scannedKey(#"ab\u0000"#) != JSONKey("ab"))
        #expect(key([0x61, 0x62, 0]) != key([0x61, 0x62]))
        #expect(key([0]) != key([]))
        let longer = "AVeryLongKeyNameThatGoesPastThirtyTwoBytesAndOnAndOn"
        #expect(try scannedKey(longer) != scannedKey(longer + "x"))
        #expect(try scannedKey(longer) != scannedKey(String(longer.dropLast())))
    }

    /// Same length, one byte different, at every position (inline words and the tail): under the
    /// old length-and-hash scheme only the hash told these apart.
    @Test(arguments: [1, 7, 8, 9, 16, 24, 31, 32, 33, 40, 64])
    func keysOfTheSameLengthDifferingInOneByteAreUnequal(length: Int) {
        let base = (0..<length).map { UInt8(ascii: "a") + UInt8($0 % 26) }
        #expect(key(base) == key(base))
        #expect(key(base).hashValue == key(base).hashValue)
        for position in 0..<length {
            var changed = base
            changed[position] ^= 0x01
            #expect(key(changed) != key(base), "byte \(position) of \(length)")
            changed[position] = 0
            #expect(key(changed) != key(base), "byte \(position) of \(length), zeroed")
        }
    }

    @Test func distinctKeysWorkInSets() throws {
        let names = ["Id", "ID", "id", "Name", "SystemId", "SystemID", "SystemName", "", "AccountDescription",
                     "DefaultReleaseDuration", "MaximumReleaseDuration", "AVeryLongKeyNameThatGoesPastThirtyTwoBytes1",
                     "AVeryLongKeyNameThatGoesPastThirtyTwoBytes2"]
        let keys = try names.map(scannedKey)
        #expect(Set(keys).count == names.count)
        #expect(Set(keys + keys).count == names.count)
        for (index, name) in names.enumerated() {
            #expect(keys.firstIndex(of: key(Array(name.utf8))) == index)
        }
    }

    @Test func switchingOnKeysPicksTheExactOne() throws {
        func pick(_ name: String) throws -> Int {
            switch try scannedKey(name) {
            case JSONKey("SystemId"): 1
            case JSONKey("SystemID"): 2
            case JSONKey("SystemName"): 3
            case JSONKey("MaxReleaseDuration"): 4
            case JSONKey("MaximumReleaseDuration"): 5
            default: 0
            }
        }
        #expect(try ["SystemId", "SystemID", "SystemName", "MaxReleaseDuration", "MaximumReleaseDuration", "SystemIe"]
            .map(pick) == [1, 2, 3, 4, 5, 0])
    }
}
