/// One word of a filter query: fuzzy by default, `'word` exact (the characters in a row, no
/// gaps), `^word` a prefix of a column, and `!` in front excludes rows that hold it (as fzf does,
/// a negated word matches exactly, never fuzzily). Case-insensitive.
public struct FilterTerm: Sendable, Equatable {
    public enum Kind: Sendable, Equatable { case fuzzy, exact, prefix }

    /// The word without its operators.
    public let text: String
    public let kind: Kind
    public let negated: Bool
    /// Folded code of each character.
    let needle: [UInt32]
    /// The folded bytes when every character is ASCII: candidates are then scanned as bytes.
    let asciiNeedle: [UInt8]?

    /// Reads `!`, then `'` or `^`, then the word; nil when only operators are left (such a word
    /// matches everything, so it is dropped).
    public init?(parsing raw: Substring) {
        var rest = raw
        var negated = false
        if rest.first == "!" {
            negated = true
            rest = rest.dropFirst()
        }
        var kind = Kind.fuzzy
        if rest.first == "'" {
            kind = .exact
            rest = rest.dropFirst()
        } else if rest.first == "^" {
            kind = .prefix
            rest = rest.dropFirst()
        }
        guard !rest.isEmpty else { return nil }
        self.init(String(rest), kind: negated && kind == .fuzzy ? .exact : kind, negated: negated)
    }

    public init(_ text: String, kind: Kind = .fuzzy, negated: Bool = false) {
        self.text = text
        self.kind = kind
        self.negated = negated
        self.needle = text.map(FuzzyMatcher.foldedCode)
        self.asciiNeedle = needle.allSatisfy { $0 < 0x80 } ? needle.map { UInt8($0) } : nil
    }

    /// How well the word sits in `candidate`, nil when it is not there; ignores `negated`.
    public func tier(in candidate: String) -> MatchTier? {
        guard let asciiNeedle else { return tier(units: candidate.map(FuzzyMatcher.foldedCode), classes: candidate.map(CharacterClass.init)) }
        var text = candidate
        // An ASCII word can only match ASCII bytes, so any UTF-8 text is scanned as bytes.
        return text.withUTF8 { bytes in asciiNeedle.withUnsafeBufferPointer { Self.tier(needle: $0, in: bytes, kind: kind) } }
    }

    /// Character indexes to highlight in `candidate`: the best occurrence, or the fuzzy
    /// alignment; none for a negated word.
    public func highlight(in candidate: String) -> [Int] {
        guard !negated else { return [] }
        let units = candidate.map(FuzzyMatcher.foldedCode)
        let classes = candidate.map(CharacterClass.init)
        if let start = bestOccurrence(units: units, classes: classes) { return Array(start..<start + needle.count) }
        guard kind == .fuzzy else { return [] }
        return FuzzyMatcher(text).match(candidate)?.indexes ?? []
    }

    /// The tier over folded characters (the path for non-ASCII words).
    private func tier(units: [UInt32], classes: [CharacterClass]) -> MatchTier? {
        if let start = bestOccurrence(units: units, classes: classes) {
            if start == 0 { return units.count == needle.count ? .exact : .prefix }
            return Self.isBoundary(classes[start - 1], classes[start]) ? .boundary : .substring
        }
        guard kind == .fuzzy else { return nil }
        var matched = 0
        for unit in units where matched < needle.count && unit == needle[matched] { matched += 1 }
        return matched == needle.count ? .subsequence : nil
    }

    /// Where the word occurs best: at the start, else at the first word start, else first.
    private func bestOccurrence(units: [UInt32], classes: [CharacterClass]) -> Int? {
        let count = needle.count
        guard count > 0, units.count >= count else { return nil }
        var first: Int?
        for start in 0...(units.count - count) {
            guard units[start] == needle[0], Array(units[start..<start + count]) == needle else { continue }
            if start == 0 { return 0 }
            if kind == .prefix { return nil }
            if Self.isBoundary(classes[start - 1], classes[start]) { return start }
            if first == nil { first = start }
        }
        return kind == .prefix ? nil : first
    }

    static func isBoundary(_ previous: CharacterClass, _ current: CharacterClass) -> Bool {
        FuzzyScoring.bonus(previous: previous, current: current) > 0
    }

    /// The hot path: no allocation, one pass for the substring and one for the subsequence.
    static func tier(needle: UnsafeBufferPointer<UInt8>, in bytes: UnsafeBufferPointer<UInt8>, kind: Kind) -> MatchTier? {
        let count = needle.count
        let length = bytes.count
        guard count > 0 else { return .exact }
        var best: MatchTier?
        if length >= count {
            let first = needle[0]
            let lastStart = kind == .prefix ? 0 : length - count
            var start = 0
            while start <= lastStart {
                if FuzzyMatcher.foldASCII(bytes[start]) == first {
                    var offset = 1
                    while offset < count, FuzzyMatcher.foldASCII(bytes[start + offset]) == needle[offset] { offset += 1 }
                    if offset == count {
                        if start == 0 { return length == count ? .exact : .prefix }
                        let boundary = isBoundary(CharacterClass(ascii: bytes[start - 1]), CharacterClass(ascii: bytes[start]))
                        if boundary { return .boundary }
                        if best == nil { best = .substring }
                    }
                }
                start += 1
            }
        }
        guard best == nil, kind == .fuzzy else { return best }
        var matched = 0
        for byte in bytes where FuzzyMatcher.foldASCII(byte) == needle[matched] {
            matched += 1
            if matched == count { return .subsequence }
        }
        return nil
    }
}
