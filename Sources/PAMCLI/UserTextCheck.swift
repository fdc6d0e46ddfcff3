import PAMCore
import PAMModules

/// Text from the command line that the server records (`--reason`, the values of vendor check-out
/// options) must be plain: a control character or bidi override there would reach every later
/// reader of the request. Checked on the typed arguments, before parsing, for every command.
enum UserTextCheck {
    /// The options whose values are user text.
    static var flags: [String] {
        ["--reason", "--option"] + VendorRegistry.standard.checkoutOptions.map(\.flag)
    }

    /// Throws a usage error naming the first such option whose value holds a control character.
    static func check(_ arguments: [String], flags: [String] = flags) throws {
        for (index, argument) in arguments.enumerated() {
            if argument == "--" { return }
            for flag in flags {
                let value: String?
                if argument == flag {
                    value = index + 1 < arguments.count ? arguments[index + 1] : nil
                } else if argument.hasPrefix(flag + "=") {
                    value = String(argument.dropFirst(flag.count + 1))
                } else {
                    value = nil
                }
                if let value, let control = TerminalText.firstControl(in: value) {
                    throw PAMError(.usage, "\(flag) must be plain text: it holds the control character \(control)")
                }
            }
        }
    }
}
