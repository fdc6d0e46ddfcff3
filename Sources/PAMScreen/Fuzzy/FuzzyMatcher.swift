/// Case-insensitive subsequence matching with fzf-like scoring: bonuses for word starts,
/// camelCase humps and consecutive runs, penalties for gaps. Build one per query and reuse it
/// for every candidate; ASCII candidates take a byte-level path with no allocation on a miss.
public struct FuzzyMatcher: Sendable {
    public let query: String
    /// Keep the candidates that do not match (the filter's `!` prefix); callers decide the syntax.
    public let inverted: Bool
    /// Lower-cased query characters, one code per character.
    let needle: [UInt32]
    /// True when every query character is ASCII, so ASCII candidates can be scanned as bytes.
    let asciiNeedle: Bool

    public init(_ query: String, inverted: Bool = false) {
        self.query = query
        self.inverted = inverted
        self.needle = query.map(FuzzyMatcher.foldedCode)
        self.asciiNeedle = needle.allSatisfy { $0 < 0x80 }
    }

    /// The best match of the query in `candidate`, or nil. An empty query matches everything with
    /// score 0. Ignores `inverted`.
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

    /// Whether `candidate` passes the filter, honouring `inverted`.
    public func accepts(_ candidate: String) -> Bool {
        (match(candidate) != nil) != inverted
    }

    /// The candidates that pass, best first (score, then shorter, then input order); inverted
    /// filters keep input order with empty matches.
    public func rank(count: Int, text: (Int) -> String) -> [FuzzyResult] {
        var results: [FuzzyResult] = []
        var lengths: [Int: Int] = [:]
        for index in 0..<max(0, count) {
            let candidate = text(index)
            let found = match(candidate)
            if inverted {
                if found == nil { results.append(FuzzyResult(index: index, match: FuzzyMatch(score: 0, indexes: []))) }
            } else if let found {
                results.append(FuzzyResult(index: index, match: found))
                if !needle.isEmpty { lengths[index] = candidate.utf8.count }
            }
        }
        guard !inverted, !needle.isEmpty else { return results }
        return results.sorted { a, b in
            if a.match.score != b.match.score { return a.match.score > b.match.score }
            let lengthA = lengths[a.index] ?? 0, lengthB = lengths[b.index] ?? 0
            return lengthA != lengthB ? lengthA < lengthB : a.index < b.index
        }
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
        for position in 0..<count {
            let byte = bytes[position]
            // A carriage return may join a following line feed into one character.
            if byte >= 0x80 || byte == 0x0D { return .notASCII }
            if matched < needle.count, UInt32(FuzzyMatcher.foldASCII(byte)) == needle[matched] {
                if matched == 0 { first = position }
                matched += 1
            }
        }
        guard matched == needle.count else { return .miss }
        let found = withUnsafeTemporaryAllocation(of: UInt32.self, capacity: count) { units in
            withUnsafeTemporaryAllocation(of: Int32.self, capacity: count) { bonuses in
                var previous = CharacterClass.separator
                for position in 0..<count {
                    let byte = bytes[position]
                    let current = CharacterClass(ascii: byte)
                    units[position] = UInt32(FuzzyMatcher.foldASCII(byte))
                    bonuses[position] = FuzzyScoring.bonus(previous: previous, current: current)
                    previous = current
                }
                return FuzzyScoring.align(
                    needle: needle, units: UnsafeBufferPointer(units), bonuses: UnsafeBufferPointer(bonuses), start: first
                )
            }
        }
        return .hit(found)
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
