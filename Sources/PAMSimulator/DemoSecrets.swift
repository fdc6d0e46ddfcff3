import Crypto
import Foundation

/// Secret values every vendor's world derives from its seed, so a seed always gives the same
/// values. Demo values: realistic in shape, obviously not real.
enum DemoSecrets {
    /// A password such as `Demo-7hQx-m2!P-w9Zk` for `key`; `version` moves on with every rotation.
    static func password(seed: UInt64, key: String, version: Int) -> String {
        var generator = SeededGenerator(seed: seed, stream: "password/\(key)/\(version)")
        let lower = Array("abcdefghijkmnopqrstuvwxyz"), upper = Array("ABCDEFGHJKLMNPQRSTUVWXYZ")
        let digits = Array("23456789"), symbols = Array("!#%+=?@")
        var groups: [String] = ["Demo"]
        for _ in 0..<3 {
            var group = [generator.pick(lower), generator.pick(upper), generator.pick(digits), generator.pick(lower + upper + symbols)]
            group.shuffle(using: &generator)
            groups.append(String(group))
        }
        return groups.joined(separator: "-")
    }

    /// A real (P-256, PKCS#8) private key in PEM for `key`.
    static func privateKeyPEM(seed: UInt64, key: String) -> String {
        var generator = SeededGenerator(seed: seed, stream: "ssh/\(key)")
        for _ in 0..<16 {
            var raw = [UInt8]()
            for _ in 0..<4 { withUnsafeBytes(of: generator.next().bigEndian) { raw.append(contentsOf: $0) } }
            // Almost every 32-byte string is a valid scalar; retry on the rare one that is not.
            if let privateKey = try? P256.Signing.PrivateKey(rawRepresentation: raw) {
                return privateKey.pemRepresentation + "\n"
            }
        }
        return P256.Signing.PrivateKey().pemRepresentation + "\n"
    }

    /// An opaque, unguessable token of `bytes` random bytes in hex (sessions, access tokens).
    static func randomToken(bytes: Int) -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<bytes).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
    }
}
