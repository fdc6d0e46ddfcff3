/// The PAM products pamtui speaks to.
public enum Vendor: String, Sendable, Equatable, Hashable, CaseIterable, Codable {
    case beyondtrust, secretserver, safeguard, osirium, axidian

    /// The product name as its maker writes it.
    public var displayName: String {
        switch self {
        case .beyondtrust: "BeyondTrust Password Safe"
        case .secretserver: "Delinea Secret Server"
        case .safeguard: "One Identity Safeguard"
        case .osirium: "Osirium PPA"
        case .axidian: "Axidian Privilege"
        }
    }
}
