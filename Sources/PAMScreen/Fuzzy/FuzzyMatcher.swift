/// Case-insensitive subsequence matching with fzf-like scoring: bonuses for word starts,
/// camelCase humps and consecutive runs, penalties for gaps. Build one per query and reuse it
/// for every candidate; ASCII candidates take a byte-level path with no allocation on a miss.
public struct FuzzyMatcher: Sendable {
    public let query: String
    /// Lower-cased query characters, one code per character.
    let needle: [UInt32]
    /// True when every query character is ASCII, so ASCII candidates can be scanned as bytes.
    let asciiNeedle: Bool

    public init(_ query: String) {
        self.query = query
        self.needle = query.map(FuzzyMatcher.foldedCode)
        self.asciiNeedle = needle.allSatisfy { $0 < 0x80 }
    }

    /// The best match of the query in `candidate`, or nil. An empty query matches everything with
    /// score 0.
    public func match(_ candidate: String) -> FuzzyMatch? {
        if needle.isEmpty { return FuzzyMatch(score: 0, indexes: []) }
        if asciiNeedle {
            var text = candidate
            let outcome = text.withUTF8 { matchASCII($0) }
            switch outcome {
            case .miss: return nil
            case .hit(let match): return match
            case .notASCII: break
            }
        }
        return matchCharacters(candidate)
    }

    /// Whether the query is a subsequence of `candidate`: `match` without scoring. Pure ASCII
    /// candidates are scanned as bytes with no allocation, which is what filtering 100,000 rows needs.
    public func contains(_ candidate: String) -> Bool {
        if needle.isEmpty { return true }
        if asciiNeedle {
            var text = candidate
            let found: Bool? = text.withUTF8 { bytes in
                var matched = 0
                for byte in bytes {
                    // Not plain ASCII (or a CR that may join a LF): characters decide.
                    if byte >= 0x80 || byte == 0x0D { return nil }
                    if matched < needle.count, UInt32(FuzzyMatcher.foldASCII(byte)) == needle[matched] { matched += 1 }
                }
                return matched == needle.count
            }
            if let found { return found }
        }
        return matchCharacters(candidate) != nil
    }

    /// The candidates that pass, best first (score, then shorter, then input order).
    public func rank(count: Int, text: (Int) -> String) -> [FuzzyResult] {
        var kept: [(result: FuzzyResult, length: Int)] = []
        for index in 0..<max(0, count) {
            let candidate = text(index)
            if let found = match(candidate) { kept.append((FuzzyResult(index: index, match: found), candidate.utf8.count)) }
        }
        guard !needle.isEmpty else { return kept.map(\.result) }
        kept.sort { a, b in
            if a.result.match.score != b.result.match.score { return a.result.match.score > b.result.match.score }
            return a.length != b.length ? a.length < b.length : a.result.index < b.result.index
        }
        return kept.map(\.result)
    }

    /// `rank(count:text:)` over an array.
    public func rank(_ candidates: [String]) -> [FuzzyResult] {
        rank(count: candidates.count) { candidates[$0] }
    }

    enum Outcome {
        case miss, hit(FuzzyMatch), notASCII
    }

    private func matchASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Outcome {
        let count = bytes.count
        var matched = 0
        var first = -1
        var position = 0
        while position < count, matched < needle.count {
            let byte = bytes[position]
            // A carriage return may join a following line feed into one character.
            if byte >= 0x80 || byte == 0x0D { return .notASCII }
            if UInt32(FuzzyMatcher.foldASCII(byte)) == needle[matched] {
                if matched == 0 { first = position }
                matched += 1
            }
            position += 1
        }
        guard matched == needle.count else { return .miss }
        // Indexes are byte offsets, which equal character indexes only in pure ASCII.
        var last = first
        let lastCode = needle[needle.count - 1]
        for later in first..<count {
            let byte = bytes[later]
            if byte >= 0x80 || byte == 0x0D { return .notASCII }
            if UInt32(FuzzyMatcher.foldASCII(byte)) == lastCode { last = later }
        }
        if needle.count == 1 { return .hit(bestSingle(bytes, from: first, through: last)) }
        let width = last - first + 1
        let found = withUnsafeTemporaryAllocation(of: UInt32.self, capacity: width) { units in
            withUnsafeTemporaryAllocation(of: Int32.self, capacity: width) { bonuses in
                var previous = first == 0 ? CharacterClass.separator : CharacterClass(ascii: bytes[first - 1])
                for offset in 0..<width {
                    let byte = bytes[first + offset]
                    let current = CharacterClass(ascii: byte)
                    units[offset] = UInt32(FuzzyMatcher.foldASCII(byte))
                    bonuses[offset] = FuzzyScoring.bonus(previous: previous, current: current)
                    previous = current
                }
                return FuzzyScoring.align(
                    needle: needle, units: UnsafeBufferPointer(units), bonuses: UnsafeBufferPointer(bonuses), start: 0,
                    indexOffset: first
                )
            }
        }
        return .hit(found)
    }

    /// A one-character query: the occurrence with the best bonus, the earliest on a tie.
    private func bestSingle(_ bytes: UnsafeBufferPointer<UInt8>, from first: Int, through last: Int) -> FuzzyMatch {
        let code = needle[0]
        var bestPosition = first
        var bestBonus: Int32 = -1
        var previous = first == 0 ? CharacterClass.separator : CharacterClass(ascii: bytes[first - 1])
        for position in first...last {
            let current = CharacterClass(ascii: bytes[position])
            if UInt32(FuzzyMatcher.foldASCII(bytes[position])) == code {
                let bonus = FuzzyScoring.bonus(previous: previous, current: current)
                if bonus > bestBonus {
                    bestBonus = bonus
                    bestPosition = position
                }
            }
            previous = current
        }
        let score = FuzzyScoring.match + bestBonus * FuzzyScoring.firstCharacterMultiplier
        return FuzzyMatch(score: Int(score), indexes: [bestPosition])
    }

    private func matchCharacters(_ candidate: String) -> FuzzyMatch? {
        let characters = Array(candidate)
        let units = characters.map(FuzzyMatcher.foldedCode)
        var matched = 0
        var first = -1
        for (position, unit) in units.enumerated() where matched < needle.count && unit == needle[matched] {
            if matched == 0 { first = position }
            matched += 1
        }
        guard matched == needle.count else { return nil }
        var bonuses: [Int32] = []
        bonuses.reserveCapacity(characters.count)
        var previous = CharacterClass.separator
        for character in characters {
            let current = CharacterClass(character)
            bonuses.append(FuzzyScoring.bonus(previous: previous, current: current))
            previous = current
        }
        return units.withUnsafeBufferPointer { unitBuffer in
            bonuses.withUnsafeBufferPointer { bonusBuffer in
                FuzzyScoring.align(needle: needle, units: unitBuffer, bonuses: bonusBuffer, start: first)
            }
        }
    }

    @inline(__always)
    static func foldASCII(_ byte: UInt8) -> UInt8 {
        byte &- 0x41 < 26 ? byte | 0x20 : byte
    }

    /// The first scalar of the lower-cased character: one code to compare per character.
    static func foldedCode(_ character: Character) -> UInt32 {
        if let ascii = character.asciiValue { return UInt32(foldASCII(ascii)) }
        return character.lowercased().unicodeScalars.first?.value ?? 0
    }
}
