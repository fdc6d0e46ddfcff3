import Foundation

/// The sign-in material of the demo world, derived from the seed like every other secret.
enum SecretServerCredentials {
    /// A user's password.
    static func password(seed: UInt64, user: String) -> String {
        DemoSecrets.password(seed: seed, key: "secretserver/user/\(user.lowercased())", version: 0)
    }

    /// The six-digit code the two-factor user sends in the `otp` header (fixed per seed: the
    /// simulator checks the header's plumbing, not a TOTP clock).
    static func otpCode(seed: UInt64) -> String {
        var generator = SeededGenerator(seed: seed, stream: "secretserver/otp")
        return String(format: "%06d", Int(generator.next() % 1_000_000))
    }

    /// The DoubleLock password of the DoubleLock secret.
    static func doubleLockPassword(seed: UInt64) -> String {
        DemoSecrets.password(seed: seed, key: "secretserver/doublelock", version: 0)
    }
}
