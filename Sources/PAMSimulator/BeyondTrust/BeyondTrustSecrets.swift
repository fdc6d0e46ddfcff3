import Foundation

/// Every secret value of the Password Safe world, derived from the seed so that a seed always
/// gives the same values. They are demo values: realistic in shape, obviously not real.
enum BeyondTrustSecrets {
    /// The BeyondInsight user the API key runs as.
    static let runAsUser = "svc-pamtui"

    /// API registration key: 128 hex characters (BIPS checks `"<key>;runas=<user>;"` is 128–263 long).
    static func apiKey(seed: UInt64) -> String {
        var generator = SeededGenerator(seed: seed, stream: "beyondtrust/api-key")
        return generator.hex(128)
    }

    /// The run-as user's own password, for `pwd=[…]`.
    static func runAsPassword(seed: UInt64) -> String {
        password(seed: seed, key: "user/\(runAsUser)", version: 0)
    }

    /// OAuth client id: a 36-character GUID.
    static func oauthClientID(seed: UInt64) -> String {
        var generator = SeededGenerator(seed: seed, stream: "beyondtrust/oauth-id")
        return generator.guid()
    }

    /// OAuth client secret: 48 characters.
    static func oauthClientSecret(seed: UInt64) -> String {
        var generator = SeededGenerator(seed: seed, stream: "beyondtrust/oauth-secret")
        let alphabet = Array("ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789")
        return String((0..<48).map { _ in generator.pick(alphabet) })
    }

    /// A password such as `Demo-7hQx-m2!P-w9Zk`; `version` moves on with every rotation.
    static func password(seed: UInt64, key: String, version: Int) -> String {
        DemoSecrets.password(seed: seed, key: key, version: version)
    }

    /// The password of a managed account after `version` rotations.
    static func accountPassword(seed: UInt64, accountID: Int, version: Int) -> String {
        password(seed: seed, key: "account/\(accountID)", version: version)
    }

    /// A real (P-256, PKCS#8) private key in PEM, derived from the seed; the SSH key of an account.
    static func privateKeyPEM(seed: UInt64, key: String) -> String {
        DemoSecrets.privateKeyPEM(seed: seed, key: key)
    }
}
