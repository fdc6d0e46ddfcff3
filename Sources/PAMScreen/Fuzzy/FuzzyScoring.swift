/// The kind of character before and at a position, for word-start and camelCase bonuses.
enum CharacterClass {
    case lower, upper, digit, separator, other

    init(ascii byte: UInt8) {
        switch byte {
        case 0x61...0x7A: self = .lower
        case 0x41...0x5A: self = .upper
        case 0x30...0x39: self = .digit
        case 0x20, 0x09, 0x2D, 0x5F, 0x2E, 0x2F, 0x5C, 0x3A, 0x2C, 0x3B, 0x40, 0x7C, 0x28, 0x29, 0x5B, 0x5D, 0x7B, 0x7D:
            self = .separator
        default: self = .other
        }
    }

    init(_ character: Character) {
        if let ascii = character.asciiValue {
            self.init(ascii: ascii)
        } else if character.isUppercase {
            self = .upper
        } else if character.isLetter {
            self = .lower
        } else if character.isNumber {
            self = .digit
        } else if character.isWhitespace || character.isPunctuation {
            self = .separator
        } else {
            self = .other
        }
    }
}

/// Scores and the alignment search behind `FuzzyMatcher`.
enum FuzzyScoring {
    static let match: Int32 = 16
    static let gapStart: Int32 = 3
    static let gapExtension: Int32 = 1
    static let boundary: Int32 = 8
    static let camel: Int32 = 7
    static let consecutive: Int32 = 6
    /// The first query character's bonus counts this many times: starting at a word matters most.
    static let firstCharacterMultiplier: Int32 = 2
    /// Above this many cells the search falls back to the greedy alignment.
    static let maximumCells = 1 << 16
    private static let impossible: Int32 = Int32.min / 4

    static func bonus(previous: CharacterClass, current: CharacterClass) -> Int32 {
        switch (previous, current) {
        case (.separator, .separator): return 0
        case (.separator, _): return boundary
        case (.lower, .upper), (.lower, .digit), (.upper, .digit), (.other, .upper): return camel
        case (.digit, .lower), (.digit, .upper): return camel
        default: return 0
        }
    }

    /// The best-scoring placement of `needle` in `units` at or after `start` (which must hold a
    /// complete match), by dynamic programming over query × candidate positions. Indexes are
    /// reported plus `indexOffset`, for callers that pass a window of the candidate.
    static func align(
        needle: [UInt32], units: UnsafeBufferPointer<UInt32>, bonuses: UnsafeBufferPointer<Int32>, start: Int,
        indexOffset: Int = 0
    ) -> FuzzyMatch {
        let rows = needle.count
        let width = units.count - start
        guard rows * width <= maximumCells else {
            let found = greedy(needle: needle, units: units, bonuses: bonuses, start: start)
            return FuzzyMatch(score: found.score, indexes: found.indexes.map { $0 + indexOffset })
        }
        return withUnsafeTemporaryAllocation(of: Int32.self, capacity: 2 * rows * width) { table in
            // table[0..<rows*width]: best score with query char i at column j; the rest: where i-1 sat.
            for i in 0..<rows {
                var running = impossible
                var runningFrom: Int32 = -1
                for j in 0..<width {
                    let cell = i * width + j
                    if i > 0, j >= 2 {
                        let candidate = table[cell - width - 2] - gapStart
                        running -= gapExtension
                        if candidate >= running {
                            running = candidate
                            runningFrom = Int32(j - 2)
                        }
                    }
                    guard units[start + j] == needle[i] else {
                        table[cell] = impossible
                        continue
                    }
                    let gain = match + bonuses[start + j] * (i == 0 ? firstCharacterMultiplier : 1)
                    if i == 0 {
                        table[cell] = gain
                        continue
                    }
                    var best = impossible
                    var from: Int32 = -1
                    if j >= 1, table[cell - width - 1] > impossible {
                        best = table[cell - width - 1] + consecutive
                        from = Int32(j - 1)
                    }
                    if running > impossible, running > best {
                        best = running
                        from = runningFrom
                    }
                    table[cell] = best > impossible ? best + gain : impossible
                    table[rows * width + cell] = from
                }
            }
            var bestColumn = 0
            var bestScore = impossible
            let last = (rows - 1) * width
            for j in 0..<width where table[last + j] > bestScore {
                bestScore = table[last + j]
                bestColumn = j
            }
            var indexes = Array(repeating: 0, count: rows)
            var column = bestColumn
            for i in stride(from: rows - 1, through: 0, by: -1) {
                indexes[i] = indexOffset + start + column
                if i > 0 { column = Int(table[rows * width + i * width + column]) }
            }
            return FuzzyMatch(score: Int(bestScore), indexes: indexes)
        }
    }

    /// Leftmost placement, scored the same way; for very long candidates.
    static func greedy(
        needle: [UInt32], units: UnsafeBufferPointer<UInt32>, bonuses: UnsafeBufferPointer<Int32>, start: Int
    ) -> FuzzyMatch {
        var indexes: [Int] = []
        var score: Int32 = 0
        var position = start
        for (i, code) in needle.enumerated() {
            while position < units.count, units[position] != code { position += 1 }
            guard position < units.count else { break }
            score += match + bonuses[position] * (i == 0 ? firstCharacterMultiplier : 1)
            if let last = indexes.last {
                score += last == position - 1 ? consecutive : -(gapStart + gapExtension * Int32(position - last - 2))
            }
            indexes.append(position)
            position += 1
        }
        return FuzzyMatch(score: Int(score), indexes: indexes)
    }
}
