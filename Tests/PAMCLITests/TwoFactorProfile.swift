import PAMSimulator

/// Config text for the binary against an in-process Secret Server simulator: the two-factor
/// user `flex_otp` (profile `flex-otp`), or the demo user (`flex-api`), with `extra` lines.
enum TwoFactorProfile {
    static func otpUser(_ endpoint: SimulatedEndpoint, _ extra: String = "") -> String {
        profile("flex-otp", endpoint, user: "otpUsername", password: "otpPassword", extra)
    }

    static func demoUser(_ endpoint: SimulatedEndpoint, _ extra: String = "") -> String {
        profile("flex-api", endpoint, user: "username", password: "password", extra)
    }

    private static func profile(_ name: String, _ endpoint: SimulatedEndpoint, user: String, password: String, _ extra: String) -> String {
        """
        [profiles.\(name)]
        vendor = "secretserver"
        url = "\(endpoint.url)"
        username = "\(endpoint.credential(user) ?? "")"
        password = "\(endpoint.credential(password) ?? "")"
        \(extra)

        """
    }
}
