/// SplitMix64: small, fast and the same on every platform, so a seed always builds the same world.
struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    /// A generator for one named stream of the same seed, so adding a stream never shifts another.
    init(seed: UInt64, stream: String) {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in stream.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        state = seed ^ hash
        _ = next()
    }

    mutating func next() -> UInt64 {
        state &+= 0x9e37_79b9_7f4a_7c15
        var z = state
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }

    /// A uniform double in 0..<1.
    mutating func unit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// One element of a non-empty array.
    mutating func pick<T>(_ items: [T]) -> T {
        items[Int(next() % UInt64(items.count))]
    }

    /// `count` lowercase hex digits.
    mutating func hex(_ count: Int) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var bytes = [UInt8]()
        bytes.reserveCapacity(count)
        for _ in 0..<count { bytes.append(digits[Int(next() & 15)]) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A lowercase GUID in the usual 8-4-4-4-12 layout (version 4 bits set).
    mutating func guid() -> String {
        let h = hex(32)
        let chars = Array(h)
        let p1 = String(chars[0..<8]), p2 = String(chars[8..<12]), p3 = "4" + String(chars[13..<16])
        let variant = "89ab"[("89ab".index("89ab".startIndex, offsetBy: Int(next() % 4)))]
        let p4 = String(variant) + String(chars[17..<20]), p5 = String(chars[20..<32])
        return "\(p1)-\(p2)-\(p3)-\(p4)-\(p5)"
    }
}
