import PAMCore

/// A refusal in Secret Server's shapes: 400 `BadRequestResponse {errorCode, message}`, 401/403
/// `AuthenticationFailedResponse {message}`, and `{message}` for the rest.
struct SecretServerRefusal: Error, Sendable {
    var status: Int
    var errorCode: String?
    var message: String

    init(_ status: Int, _ errorCode: String?, _ message: String) {
        self.status = status
        self.errorCode = errorCode
        self.message = message
    }

    var response: SimulatorResponse {
        .json(status) { w in
            w.object { w in
                if let errorCode { w.field("errorCode", errorCode) }
                w.field("message", message)
            }
        }
    }

    /// The confirmed refusal for an id the caller cannot see (also unknown ids: Secret Server
    /// checks permissions before existence).
    static let accessDenied = SecretServerRefusal(400, "API_AccessDenied", "Access Denied")
    static let commentRequired = SecretServerRefusal(
        400, "API_ValidateSecretAccessCommentRequired", "The requested Secret requires a comment when viewed.")

    static func validation(_ message: String) -> SecretServerRefusal {
        SecretServerRefusal(400, "API_ValidationFailed", message)
    }

    static func authentication(status: Int) -> SecretServerRefusal {
        SecretServerRefusal(status, nil, "Authentication failed or was not provided.")
    }
}

/// Refusals the spec knows only by their sentence: `API_AccessDenied` unless the simulator is
/// told to use the invented codes (`secretserver.specific-error-codes`), so no client comes to
/// depend on a code the real server may not send.
enum SecretServerUnconfirmedRefusal {
    case checkoutRequired, checkedOutByAnotherUser(String), approvalRequired, doubleLockRequired, doubleLockInvalid, inactive
    case checkoutNotEnabled

    func refusal(specificCodes: Bool) -> SecretServerRefusal {
        let (code, message): (String, String) = switch self {
        case .checkoutRequired: ("API_ValidateSecretAccessCheckoutRequired", "The requested Secret requires check out.")
        case .checkedOutByAnotherUser(let name): ("API_SecretCheckedOutByAnotherUser", "The requested Secret is checked out by another user (\(name)).")
        case .approvalRequired: ("API_ValidateSecretAccessApprovalRequired", "The requested Secret requires approval for access.")
        case .doubleLockRequired: ("API_ValidateSecretAccessDoubleLockPasswordRequired", "The requested Secret requires a DoubleLock password.")
        case .doubleLockInvalid: ("API_ValidateSecretAccessDoubleLockPasswordInvalid", "The DoubleLock password is not valid.")
        case .inactive: ("API_SecretInactive", "The requested Secret is inactive (deleted).")
        case .checkoutNotEnabled: ("API_CheckOutNotEnabled", "Check out is not enabled for the requested Secret.")
        }
        return SecretServerRefusal(400, specificCodes ? code : "API_AccessDenied", message)
    }
}
