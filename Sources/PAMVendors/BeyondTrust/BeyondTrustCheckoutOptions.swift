import PAMCore

/// BeyondTrust's own check-out options, as data for the config, the CLI and the dialog.
public enum BeyondTrustCheckoutOptions {
    public static let conflict = CheckoutOptionSpec(
        key: "conflict", label: "If I hold one",
        help: "When I already hold a request on the account: reuse it, renew it (a new one), or none (fail).",
        choices: ["reuse", "renew", "none"], defaultValue: "reuse"
    )

    public static let accessType = CheckoutOptionSpec(
        key: "access_type", label: "Access type",
        help: "BeyondTrust access type: View (the password), RDP, SSH or App.",
        choices: ["View", "RDP", "SSH", "App"], defaultValue: "View"
    )

    public static let all = [conflict, accessType]
}
