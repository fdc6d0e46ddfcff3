import Foundation
import PAMCore
import TOMLKit

/// Reads and validates a config file, collecting every issue with its line.
public struct ConfigLoader {
    /// The parsed config (nil when there were errors) and every issue found.
    public struct Result: Sendable {
        public var configuration: PAMConfiguration?
        public var issues: [ConfigIssue]

        public var errors: [ConfigIssue] { issues.filter { $0.severity == .error } }
        public var warnings: [ConfigIssue] { issues.filter { $0.severity == .warning } }
    }

    let path: String
    let text: String
    /// The registered vendors' schemas.
    let vendors: [VendorSchema]
    /// Permission bits of the file, for the inline-secret warning.
    let mode: mode_t
    private let index: ConfigLineIndex
    private var issues: [ConfigIssue] = []
    /// `max_list_rows` of `[defaults]`, for profiles that do not set their own.
    private var defaultMaxListRows: Int?

    /// Keys that bound what a server may send, in `[defaults]` and in every profile.
    static let boundKeys: Set<String> = [Profile.maxListRowsKey]

    init(path: String, text: String, mode: mode_t, vendors: [VendorSchema]) {
        self.path = path
        self.text = text
        self.vendors = vendors
        self.mode = mode
        self.index = ConfigLineIndex(text)
    }

    /// Loads `path`, throwing the first error. Warnings are kept in the configuration.
    public static func load(path: String, vendors: [VendorSchema]) throws -> PAMConfiguration {
        let result = try check(path: path, vendors: vendors)
        if let first = result.errors.first { throw first.error }
        guard let configuration = result.configuration else { throw PAMError(.configuration, "\(path): unreadable") }
        return configuration
    }

    /// Reads `path` and reports every issue. Throws only when the file cannot be read.
    public static func check(path: String, vendors: [VendorSchema]) throws -> Result {
        var status = stat()
        guard stat(path, &status) == 0 else {
            throw PAMError(
                .configuration,
                "no config at \(path): write one with 'pamtui config example > \(path)', or try 'pamtui demo'"
            )
        }
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw PAMError(.configuration, "\(path): cannot read the file as UTF-8 text")
        }
        return parse(text, path: path, mode: status.st_mode, vendors: vendors)
    }

    /// Parses config text as if it came from `path`.
    public static func parse(_ text: String, path: String, mode: mode_t = 0o600, vendors: [VendorSchema]) -> Result {
        var loader = ConfigLoader(path: path, text: text, mode: mode, vendors: vendors)
        return loader.run()
    }

    private mutating func run() -> Result {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            issue(.error, line: error.source.begin.line, key: nil, "TOML syntax: \(error.description)")
            return Result(configuration: nil, issues: issues)
        } catch {
            issue(.error, line: nil, key: nil, "TOML syntax: \(error)")
            return Result(configuration: nil, issues: issues)
        }
        var configuration = PAMConfiguration(path: path)
        rejectLongValues(table, path: [])
        for key in table.keys where !["defaults", "profiles", "keys"].contains(key) {
            issue(.error, path: [key], "unknown table or key (expected [defaults], [keys] or [profiles.NAME])")
        }
        if let keys = table["keys"] {
            configuration.keyBindings = readKeyBindings(keys)
        }
        if let defaults = table["defaults"] {
            configuration.defaults = readDefaults(defaults)
        }
        if let profiles = table["profiles"] {
            configuration.profiles = readProfiles(profiles, defaults: configuration.defaults)
        }
        configuration.warnings = issues.filter { $0.severity == .warning }
        let failed = issues.contains { $0.severity == .error }
        return Result(configuration: failed ? nil : configuration, issues: issues)
    }

    private mutating func readDefaults(_ value: any TOMLValueConvertible) -> GlobalDefaults {
        var defaults = GlobalDefaults()
        guard let table = value.table else {
            issue(.error, path: ["defaults"], "must be a table")
            return defaults
        }
        let fields = TableReader(table: table, path: ["defaults"])
        let options = allCheckoutOptions
        rejectUnknown(fields, allowed: VendorSchema.defaultsKeys.union(options.map(\.key)).union(Self.boundKeys))
        defaults.durationMinutes = readDuration(fields)
        defaults.reason = readPlainText(fields, "reason")
        defaults.checkoutOptions = readCheckoutOptions(fields, options)
        defaults.revealSeconds = readInt(fields, "reveal_seconds", range: 1...3600) ?? defaults.revealSeconds
        defaults.clipboardClearSeconds =
            readInt(fields, "clipboard_clear_seconds", range: 1...86_400) ?? defaults.clipboardClearSeconds
        if let clipboard = readChoice(fields, "clipboard", from: ["auto", "wayland", "x11", "tmux", "osc52"]) {
            defaults.clipboard = clipboard
        }
        defaults.theme = readString(fields, "theme")
        defaults.bell = readBool(fields, "bell") ?? defaults.bell
        defaultMaxListRows = readMaxListRows(fields)
        return defaults
    }

    /// `command = ["k", "up"]` or `command = "k"`; names are checked by the UI, which knows them.
    private mutating func readKeyBindings(_ value: any TOMLValueConvertible) -> [String: [String]] {
        guard let table = value.table else {
            issue(.error, path: ["keys"], "must be a table of command = [\"key\", …]")
            return [:]
        }
        var bindings: [String: [String]] = [:]
        for command in table.keys {
            if let single = table[command]?.string {
                bindings[command] = [single]
            } else if let array = table[command]?.array, array.allSatisfy({ $0.string != nil }) {
                bindings[command] = array.compactMap(\.string)
            } else {
                issue(.error, path: ["keys", command], "must be a key name or a list of key names")
            }
        }
        return bindings
    }

    private mutating func readProfiles(_ value: any TOMLValueConvertible, defaults: GlobalDefaults) -> [Profile] {
        guard let table = value.table else {
            issue(.error, path: ["profiles"], "must hold tables: [profiles.NAME]")
            return []
        }
        let names = table.keys.sorted { (index.line(of: ["profiles", $0]) ?? 0) < (index.line(of: ["profiles", $1]) ?? 0) }
        return names.compactMap { name in
            if TerminalText.containsControl(name) {
                issue(.error, line: index.line(of: ["profiles", name]), key: "profiles.\(TerminalText.sanitized(name))",
                      "a profile name must be plain text, without control characters")
                return nil
            }
            guard let profileTable = table[name]?.table else {
                issue(.error, path: ["profiles", name], "must be a table: [profiles.\(name)]")
                return nil
            }
            return readProfile(name: name, table: profileTable, defaults: defaults)
        }
    }

    private mutating func readProfile(name: String, table: TOMLTable, defaults: GlobalDefaults) -> Profile? {
        let fields = TableReader(table: table, path: ["profiles", name])
        let registered = vendors.map(\.vendor.rawValue).joined(separator: ", ")
        guard let vendorName = readString(fields, "vendor") else {
            issue(.error, path: fields.path, "missing 'vendor' (one of: \(registered))")
            return nil
        }
        guard let schema = vendors.first(where: { $0.vendor == VendorID(vendorName) }) else {
            let hint = Suggestion.closest(to: vendorName, in: vendors.map(\.vendor.rawValue)).map { "did you mean '\($0)'? " } ?? ""
            issue(.error, path: fields.path + ["vendor"], "unknown vendor '\(vendorName)' (\(hint)registered: \(registered))")
            return nil
        }
        let vendor = schema.vendor
        let allowedSecrets = VendorSchema.commonSecretKeys.union(schema.secretKeys)
        let secretForms = allowedSecrets.flatMap { [$0, "\($0)_env", "\($0)_command"] }
        let optionKeys = schema.checkoutOptions.map(\.key)
        rejectUnknown(
            fields,
            allowed: VendorSchema.commonPlainKeys.union(schema.plainKeys).union(secretForms).union(optionKeys).union(Self.boundKeys)
        )

        guard let url = readString(fields, "url") else {
            issue(.error, path: fields.path, "missing 'url'")
            return nil
        }
        var profile = Profile(name: name, vendor: vendor, url: url, file: path)
        profile.line = index.line(of: fields.path)
        profile.insecureHTTP = readBool(fields, "insecure_http") ?? false
        validateURL(url, insecureHTTP: profile.insecureHTTP, path: fields.path + ["url"])
        profile.auth = readAuth(fields, schema: schema)
        profile.tls = readTLS(fields)
        profile.proxy = readProxy(fields)
        profile.connectTimeoutSeconds = readDouble(fields, "connect_timeout", range: 0.1...600) ?? 10
        profile.timeoutSeconds = readDouble(fields, "timeout", range: 0.1...3600) ?? 60
        profile.defaults = readProfileDefaults(fields, global: defaults, options: schema.checkoutOptions)
        profile.listBounds = Profile.listBounds(maxRows: readMaxListRows(fields) ?? defaultMaxListRows ?? ListBounds.defaultMaxRows)
        if !profile.tls.verify {
            issue(.warning, path: fields.path + ["tls_verify"], "TLS verification is OFF for profile \(name): its server is not authenticated")
        }
        return profile
    }

    private mutating func readAuth(_ fields: TableReader, schema: VendorSchema) -> AuthSettings {
        var auth = AuthSettings(method: readChoice(fields, "auth", from: schema.authMethods))
        for key in schema.plainKeys {
            if let value = readString(fields, key) { auth.plain[key] = value }
        }
        for key in schema.secretKeys {
            if let source = readSecret(fields, key, inline: !schema.sourcedOnlyKeys.contains(key)) { auth.secrets[key] = source }
        }
        return auth
    }

    private mutating func readTLS(_ fields: TableReader) -> TLSSettings {
        var tls = TLSSettings()
        tls.verify = readBool(fields, "tls_verify") ?? true
        tls.caFile = readFilePath(fields, "ca_file")
        tls.clientCertificate = readFilePath(fields, "client_cert")
        tls.clientKey = readFilePath(fields, "client_key")
        tls.clientKeyPassphrase = readSecret(fields, "client_key_passphrase")
        tls.clientPKCS12 = readFilePath(fields, "client_p12")
        tls.clientPKCS12Passphrase = readSecret(fields, "client_p12_passphrase")
        if (tls.clientCertificate == nil) != (tls.clientKey == nil) {
            issue(.error, path: fields.path + ["client_cert"], "client_cert and client_key go together")
        }
        if tls.clientCertificate != nil && tls.clientPKCS12 != nil {
            issue(.error, path: fields.path + ["client_p12"], "use either client_cert/client_key or client_p12, not both")
        }
        return tls
    }

    private mutating func readProxy(_ fields: TableReader) -> ProxyConfig? {
        guard let url = readString(fields, "proxy") else {
            for key in ["proxy_auth", "proxy_user", "proxy_password"] where fields.has(key) {
                issue(.error, path: fields.path + [key], "needs 'proxy' to be set")
            }
            return nil
        }
        let auth = readChoice(fields, "proxy_auth", from: ["none", "basic", "digest", "ntlm", "negotiate"]) ?? "none"
        return ProxyConfig(
            url: url, auth: auth, username: readString(fields, "proxy_user"),
            password: readSecret(fields, "proxy_password"), noProxy: readString(fields, "no_proxy")
        )
    }

    private mutating func readProfileDefaults(
        _ fields: TableReader, global: GlobalDefaults, options: [CheckoutOptionSpec]
    ) -> ProfileDefaults {
        var defaults = ProfileDefaults()
        defaults.durationMinutes = readDuration(fields) ?? global.durationMinutes
        defaults.reason = readPlainText(fields, "reason") ?? global.reason
        let own = readCheckoutOptions(fields, options)
        for option in options {
            if let value = own[option.key] ?? global.checkoutOptions[option.key] { defaults.checkoutOptions[option.key] = value }
        }
        defaults.requireReason = readBool(fields, "require_reason") ?? false
        return defaults
    }

    // MARK: Field readers

    private mutating func readString(_ fields: TableReader, _ key: String) -> String? {
        guard let value = fields[key] else { return nil }
        guard let string = value.string else {
            issue(.error, path: fields.path + [key], "must be a string")
            return nil
        }
        return string
    }

    /// A string the server records (a reason): refused when it holds control characters.
    private mutating func readPlainText(_ fields: TableReader, _ key: String) -> String? {
        guard let string = readString(fields, key) else { return nil }
        if let control = TerminalText.firstControl(in: string) {
            issue(.error, path: fields.path + [key], "must be plain text: it holds the control character \(control)")
            return nil
        }
        return string
    }

    private mutating func readBool(_ fields: TableReader, _ key: String) -> Bool? {
        guard let value = fields[key] else { return nil }
        guard let bool = value.bool else {
            issue(.error, path: fields.path + [key], "must be true or false")
            return nil
        }
        return bool
    }

    private mutating func readInt(_ fields: TableReader, _ key: String, range: ClosedRange<Int>) -> Int? {
        guard let value = fields[key] else { return nil }
        guard let int = value.int, range.contains(int) else {
            issue(.error, path: fields.path + [key], "must be a whole number from \(range.lowerBound) to \(range.upperBound)")
            return nil
        }
        return int
    }

    /// `max_list_rows`: any count above 0 (no upper limit; the default is 10 million).
    private mutating func readMaxListRows(_ fields: TableReader) -> Int? {
        let key = Profile.maxListRowsKey
        guard let value = fields[key] else { return nil }
        guard let rows = value.int, rows > 0 else {
            issue(.error, path: fields.path + [key], "must be a whole number of rows above 0")
            return nil
        }
        return rows
    }

    private mutating func readDouble(_ fields: TableReader, _ key: String, range: ClosedRange<Double>) -> Double? {
        guard let value = fields[key] else { return nil }
        guard let number = value.double ?? value.int.map(Double.init), range.contains(number) else {
            issue(.error, path: fields.path + [key], "must be a number of seconds from \(range.lowerBound) to \(range.upperBound)")
            return nil
        }
        return number
    }

    private mutating func readDuration(_ fields: TableReader) -> Int? {
        readInt(fields, "duration", range: 1...525_600)
    }

    /// Every check-out option a registered vendor declares, once per key.
    private var allCheckoutOptions: [CheckoutOptionSpec] {
        var seen = Set<String>()
        return vendors.flatMap(\.checkoutOptions).filter { seen.insert($0.key).inserted }
    }

    /// The check-out options set in `fields`, each checked against its choices. In `[defaults]`
    /// a key two vendors share is checked against every vendor's choices.
    private mutating func readCheckoutOptions(_ fields: TableReader, _ options: [CheckoutOptionSpec]) -> [String: String] {
        var values: [String: String] = [:]
        for option in options {
            guard let value = readString(fields, option.key) else { continue }
            let sameKey = vendors.flatMap(\.checkoutOptions).filter { $0.key == option.key }
            if fields.path.first == "defaults", sameKey.contains(where: { $0.problem(with: value) == nil }) {
                values[option.key] = value
            } else if let problem = option.problem(with: value) {
                issue(.error, path: fields.path + [option.key], problem)
            } else {
                values[option.key] = value
            }
        }
        return values
    }

    private mutating func readChoice(_ fields: TableReader, _ key: String, from choices: [String]) -> String? {
        guard let string = readString(fields, key) else { return nil }
        guard choices.contains(string) else {
            issue(.error, path: fields.path + [key], "'\(string)' is not one of: \(choices.joined(separator: ", "))")
            return nil
        }
        return string
    }

    private mutating func readFilePath(_ fields: TableReader, _ key: String) -> String? {
        guard let raw = readString(fields, key) else { return nil }
        let expanded = (raw as NSString).expandingTildeInPath
        let resolved = expanded.hasPrefix("/") ? expanded : ((path as NSString).deletingLastPathComponent as NSString).appendingPathComponent(expanded)
        if !FileManager.default.isReadableFile(atPath: resolved) {
            issue(.error, path: fields.path + [key], "cannot read \(resolved)")
        }
        return resolved
    }

    /// Reads `key`, `key_env` or `key_command`; exactly one may be given. `inline: false` refuses
    /// the bare `key`.
    private mutating func readSecret(_ fields: TableReader, _ key: String, inline: Bool = true) -> SecretSource? {
        let forms = [key, "\(key)_env", "\(key)_command"].filter { fields.has($0) }
        guard let form = forms.first else { return nil }
        if forms.count > 1 {
            issue(.error, path: fields.path + [forms[1]], "give only one of \(forms.joined(separator: ", "))")
        }
        guard let value = readString(fields, form) else { return nil }
        if form.hasSuffix("_env") {
            // Children (secret commands, clipboard helpers) must not inherit it.
            ChildEnvironment.withhold(value)
            return .environment(value)
        }
        if form.hasSuffix("_command") { return .command(value) }
        guard inline else {
            issue(.error, path: fields.path + [key], "\(key) must not be written in the config: use \(key)_command or \(key)_env")
            return nil
        }
        if mode & 0o077 != 0 {
            issue(
                .warning, path: fields.path + [key],
                "inline secret in a file others can read (mode \(String(mode & 0o777, radix: 8))): run 'chmod 600 \(path)' or use \(key)_env / \(key)_command"
            )
        }
        return .inline(SecretBytes(utf8: value))
    }

    private mutating func validateURL(_ url: String, insecureHTTP: Bool, path keyPath: [String]) {
        guard let components = URLComponents(string: url), let scheme = components.scheme?.lowercased(),
              let host = components.host, !host.isEmpty
        else {
            issue(.error, path: keyPath, "'\(url)' is not an absolute URL")
            return
        }
        if scheme == "http" && !insecureHTTP && !LoopbackHost.isLoopback(host) {
            issue(.error, path: keyPath, "plain http:// to \(host) is refused: use https://, or set insecure_http = true")
        } else if scheme != "http" && scheme != "https" {
            issue(.error, path: keyPath, "scheme '\(scheme)' is not http or https")
        }
    }

    /// Longest string value accepted anywhere in the file.
    static let valueLimit = 64 * 1024

    /// Refuses every string value longer than 64 KiB (no secret or setting is that long, and a
    /// secret that size would not fit locked memory).
    private mutating func rejectLongValues(_ value: any TOMLValueConvertible, path keyPath: [String]) {
        if let table = value.table {
            for key in table.keys { if let child = table[key] { rejectLongValues(child, path: keyPath + [key]) } }
        } else if let array = value.array {
            for element in array { rejectLongValues(element, path: keyPath) }
        } else if let string = value.string, string.utf8.count > Self.valueLimit {
            issue(.error, path: keyPath, "value longer than 64 KiB")
        }
    }

    private mutating func rejectUnknown(_ fields: TableReader, allowed: Set<String>) {
        for key in fields.table.keys where !allowed.contains(key) {
            let hint = Suggestion.closest(to: key, in: allowed).map { " (did you mean '\($0)'?)" } ?? ""
            issue(.error, path: fields.path + [key], "unknown key\(hint)")
        }
    }

    private mutating func issue(_ severity: ConfigIssue.Severity, path keyPath: [String], _ message: String) {
        issue(severity, line: index.line(of: keyPath), key: keyPath.joined(separator: "."), message)
    }

    private mutating func issue(_ severity: ConfigIssue.Severity, line: Int?, key: String?, _ message: String) {
        issues.append(ConfigIssue(severity, file: path, line: line, key: key, message: message))
    }
}

/// A TOML table with the key path that leads to it.
private struct TableReader {
    let table: TOMLTable
    let path: [String]

    subscript(key: String) -> (any TOMLValueConvertible)? { table[key] }
    func has(_ key: String) -> Bool { table[key] != nil }
}
