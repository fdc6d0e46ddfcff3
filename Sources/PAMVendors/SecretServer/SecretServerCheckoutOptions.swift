import PAMCore

/// Secret Server's check-out options, as data (each is also a profile key and a flag). The
/// comment is the kit's reason (`--reason`).
public enum SecretServerCheckoutOptions {
    public static let ticket = CheckoutOptionSpec(
        key: "ticket", label: "Ticket", help: "Ticket number recorded with the check-out or read (Secret Server).",
        relevance: .commentRequired)
    public static let ticketSystem = CheckoutOptionSpec(
        key: "ticket_system", label: "Ticket system", help: "Id of the ticket system the ticket belongs to (Secret Server).",
        relevance: .commentRequired)
    public static let forceCheckIn = CheckoutOptionSpec(
        key: "force_check_in", label: "Force check-in",
        help: "yes: check in another user's check-out first (needs the Force Check In permission; Secret Server).",
        choices: ["no", "yes"], defaultValue: "no", relevance: .heldByOther)
    public static let extend = CheckoutOptionSpec(
        key: "extend", label: "Extend",
        help: "yes: when the secret is already checked out to me, extend the check-out (Secret Server).",
        choices: ["no", "yes"], defaultValue: "no", relevance: .heldByMe)

    public static let all = [ticket, ticketSystem, forceCheckIn, extend]
}
