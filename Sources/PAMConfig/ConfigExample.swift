/// An annotated config, printed by `pamtui config example`.
public enum ConfigExample {
    /// The whole example: the shared tables, then each vendor's profile with the keys every
    /// profile may have.
    public static func text(profiles: [String]) -> String {
        ([header] + profiles.map { $0 + "\n" + commonProfileKeys }).joined(separator: "\n")
    }

    /// `[defaults]` and `[keys]`.
    static let header = #"""
    # pamtui config: ~/.config/pamtui/config.toml (or --config FILE, or PAMTUI_CONFIG).
    # Keep it mode 0600 if it holds any inline secret.

    [defaults]
    duration = 60                   # check-out length in minutes (profile, then account default)
    reason = "routine maintenance"  # default reason for check-outs
    conflict = "reuse"              # reuse | renew | none when I already hold a request
    reveal_seconds = 15             # how long 'reveal' shows a secret
    clipboard_clear_seconds = 30    # how long a copied secret stays in the clipboard
    clipboard = "auto"              # auto | wayland | x11 | tmux | osc52
    # theme = "nord"                # a file in themes/ or ~/.config/pamtui/themes/
    bell = false                    # ring when a lease has 5 minutes, then 1 minute, left
    max_list_rows = 10000000        # a longer list is stopped with an error (a profile may set its own)

    [keys]                          # rebind any command of the UI (see ? in the UI); [] unbinds
    # checkout = ["c", "ctrl-o"]
    # quit = ["q"]
    """#

    /// Keys every profile may have, annotated; follows a vendor's own keys.
    static let commonProfileKeys = #"""
    # TLS: verification is on. Pin a private CA, present a client certificate:
    # ca_file = "/etc/pamtui/corp-ca.pem"
    # client_cert = "~/.pamtui/client.pem"
    # client_key = "~/.pamtui/client.key"
    # client_key_passphrase_command = "pass show pam/client-key"
    # client_p12 = "~/.pamtui/client.p12"
    # client_p12_passphrase_env = "PAMTUI_P12_PASSPHRASE"
    # tls_verify = false            # only for a lab; every run warns

    # Proxy: without these, https_proxy / no_proxy from the environment apply.
    # proxy = "http://proxy.example.com:3128"
    # proxy_auth = "ntlm"           # none | basic | digest | ntlm | negotiate
    # proxy_user = 'CORP\alice'
    # proxy_password_env = "PROXY_PASSWORD"

    connect_timeout = 10            # seconds
    timeout = 60                    # seconds for a whole request
    # insecure_http = true          # allow http:// to a host that is not loopback
    # require_reason = true         # refuse check-outs without a reason
    # max_list_rows = 100000        # this profile's own bound on a list's rows
    """#
}
