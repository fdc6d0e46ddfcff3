import Foundation
import PAMCore

/// The JSON of list rows, encoded once per version of the row (a row changes when, say, its
/// password rotates and its change date moves, or the world it is drawn from changes).
final class EncodedRowCache<Version: Equatable & Sendable>: Sendable {
    private let rows = Locked<[Int: (version: Version, bytes: [UInt8])]>([:])

    /// The encoded row, from the cache when its version is unchanged, else encoded by `encode`.
    func row(_ index: Int, version: Version, encode: (inout JSONWriter) -> Void) -> [UInt8] {
        rows(CollectionOfOne(index), version: version) { _, writer in encode(&writer) }[0]
    }

    /// The rows of a page, read under one lock; the missing ones are encoded by `encode` (which
    /// may write nothing, for a row that is gone) and stored under one more.
    func rows(_ indices: some Collection<Int>, version: Version, encode: (Int, inout JSONWriter) -> Void) -> [[UInt8]] {
        var found = rows.withLock { rows in indices.map { index in rows[index].flatMap { $0.version == version ? $0.bytes : nil } } }
        var encoded: [(Int, [UInt8])] = []
        for (slot, index) in zip(found.indices, indices) where found[slot] == nil {
            var writer = JSONWriter(capacity: 600)
            encode(index, &writer)
            found[slot] = writer.bytes
            encoded.append((index, writer.bytes))
        }
        if !encoded.isEmpty { rows.withLock { rows in for (index, bytes) in encoded { rows[index] = (version, bytes) } } }
        return found.map { $0 ?? [] }
    }
}
