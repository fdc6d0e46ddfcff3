import Foundation
import PAMCore

/// The JSON of list rows, encoded once per version of the row (a row changes when, say, its
/// password rotates and its change date moves, or the world it is drawn from changes).
final class EncodedRowCache<Version: Equatable & Sendable>: Sendable {
    private let rows = Locked<[Int: (version: Version, bytes: [UInt8])]>([:])

    /// The encoded row, from the cache when its version is unchanged, else encoded by `encode`.
    func row(_ index: Int, version: Version, encode: (inout JSONWriter) -> Void) -> [UInt8] {
        if let cached = rows.withLock({ $0[index] }), cached.version == version { return cached.bytes }
        var writer = JSONWriter(capacity: 600)
        encode(&writer)
        let bytes = writer.bytes
        rows.withLock { $0[index] = (version, bytes) }
        return bytes
    }
}
