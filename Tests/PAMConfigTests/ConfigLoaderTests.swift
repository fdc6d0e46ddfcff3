import Foundation
import PAMConfig
import PAMModules
import PAMCore
import Testing

@Suite struct ConfigLoaderTests {
    let valid = """
    [defaults]
    duration = 45
    reason = "maintenance"
    reveal_seconds = 20

    [profiles.prod]
    vendor = "beyondtrust"
    url = "https://pam.example.com/BeyondTrust/api/public/v3"
    api_key_env = "PAMTUI_TEST_KEY"
    run_as = "svc"

    [profiles.lab]
    vendor = "beyondtrust"
    url = "http://127.0.0.1:8080/BeyondTrust/api/public/v3"
    auth = "oauth"
    client_id = "id"
    client_secret_command = "printf secret"
    duration = 10
    conflict = "renew"
    """

    @Test func readsProfilesInFileOrderWithInheritedDefaults() throws {
        let result = ConfigLoader.parse(valid, path: "/c.toml", vendors: registered)
        #expect(result.issues.isEmpty)
        let configuration = try #require(result.configuration)
        #expect(configuration.profiles.map(\.name) == ["prod", "lab"])
        #expect(configuration.defaults.revealSeconds == 20)
        let prod = try configuration.profile(named: "prod")
        #expect(prod.defaults.durationMinutes == 45)
        #expect(prod.defaults.reason == "maintenance")
        #expect(prod.defaults.checkoutOptions["conflict"] == nil)
        #expect(prod.auth.plain["run_as"] == "svc")
        let lab = try configuration.profile(named: "lab")
        #expect(lab.defaults.durationMinutes == 10)
        #expect(lab.defaults.checkoutOptions["conflict"] == "renew")
        #expect(lab.auth.method == "oauth")
        #expect(try lab.auth.secret("client_secret", profile: "lab").unsafeStringCopy() == "secret")
    }

    @Test func theAnnotatedExampleIsValid() {
        let result = ConfigLoader.parse(ConfigExample.text(profiles: VendorRegistry.standard.modules.map(\.exampleProfile)), path: "/example.toml", vendors: registered)
        #expect(result.errors.isEmpty, "\(result.errors)")
    }

    @Test func unknownKeysNameFileLineAndSuggest() {
        let text = """
        [profiles.prod]
        vendor = "beyondtrust"
        url = "https://h/BeyondTrust/api/public/v3"
        api_kye = "x"
        """
        let issue = ConfigLoader.parse(text, path: "/etc/c.toml", vendors: registered).errors.first
        #expect(issue?.description == "/etc/c.toml:4: profiles.prod.api_kye: unknown key (did you mean 'api_key'?)")
    }

    @Test func syntaxErrorsNameTheLine() {
        let issue = ConfigLoader.parse("[defaults]\nduration = \n", path: "/c.toml", vendors: registered).errors.first
        #expect(issue?.line == 2)
        #expect(issue?.message.hasPrefix("TOML syntax") == true)
    }

    @Test(arguments: [
        ("vendor = \"nope\"\nurl = \"https://h\"", "profiles.p.vendor", "unknown vendor 'nope' (registered: beyondtrust, secretserver)"),
        ("vendor = \"beyondtrsut\"\nurl = \"https://h\"", "profiles.p.vendor", "did you mean 'beyondtrust'?"),
        ("url = \"https://h\"", "profiles.p", "missing 'vendor'"),
        ("vendor = \"beyondtrust\"", "profiles.p", "missing 'url'"),
        ("vendor = \"beyondtrust\"\nurl = \"http://pam.example.com\"", "profiles.p.url", "plain http://"),
        ("vendor = \"beyondtrust\"\nurl = \"ftp://h\"", "profiles.p.url", "not http or https"),
        ("vendor = \"beyondtrust\"\nurl = \"https://h\"\nduration = 0", "profiles.p.duration", "whole number"),
        ("vendor = \"beyondtrust\"\nurl = \"https://h\"\nconflict = \"maybe\"", "profiles.p.conflict", "not one of"),
        ("vendor = \"beyondtrust\"\nurl = \"https://h\"\napi_key = \"a\"\napi_key_env = \"B\"", "profiles.p.api_key_env", "only one of"),
        ("vendor = \"beyondtrust\"\nurl = \"https://h\"\nca_file = \"/nonexistent.pem\"", "profiles.p.ca_file", "cannot read"),
        ("vendor = \"beyondtrust\"\nurl = \"https://h\"\nclient_cert = \"/etc/hostname\"", "profiles.p.client_cert", "go together"),
        ("vendor = \"beyondtrust\"\nurl = \"https://h\"\nproxy_auth = \"ntlm\"", "profiles.p.proxy_auth", "needs 'proxy'"),
    ])
    func explainsEachProblem(body: String, key: String, message: String) {
        let errors = ConfigLoader.parse("[profiles.p]\n" + body, path: "/c.toml", vendors: registered).errors
        #expect(errors.contains { $0.key == key && $0.message.contains(message) }, "\(errors)")
    }

    @Test func keyBindingsAreReadAsNamesForTheUI() throws {
        let text = "[keys]\ncheckout = [\"C\", \"ctrl-o\"]\nquit = []\nhelp = \"f1\"\nbad = 3\n"
        let result = ConfigLoader.parse(text, path: "/c.toml", vendors: registered)
        #expect(result.errors.map(\.description) == ["/c.toml:5: keys.bad: must be a key name or a list of key names"])
        let good = try #require(ConfigLoader.parse(text.replacingOccurrences(of: "bad = 3\n", with: ""), path: "/c.toml", vendors: registered).configuration)
        #expect(good.keyBindings == ["checkout": ["C", "ctrl-o"], "quit": [], "help": ["f1"]])
    }

    @Test func insecureHTTPAllowsPlainHTTPToOtherHosts() {
        let text = "[profiles.p]\nvendor = \"beyondtrust\"\nurl = \"http://pam.lab\"\ninsecure_http = true"
        #expect(ConfigLoader.parse(text, path: "/c.toml", vendors: registered).errors.isEmpty)
    }

    @Test func disabledVerificationIsAWarning() throws {
        let text = "[profiles.p]\nvendor = \"beyondtrust\"\nurl = \"https://h\"\ntls_verify = false"
        let result = ConfigLoader.parse(text, path: "/c.toml", vendors: registered)
        #expect(result.errors.isEmpty)
        #expect(result.warnings.first?.message.contains("TLS verification is OFF") == true)
        #expect(try #require(result.configuration).profiles.first?.tls.verify == false)
    }

    @Test func inlineSecretsWarnUnlessTheFileIsPrivate() {
        let text = "[profiles.p]\nvendor = \"beyondtrust\"\nurl = \"https://h\"\napi_key = \"k\""
        #expect(ConfigLoader.parse(text, path: "/c.toml", mode: 0o600, vendors: registered).warnings.isEmpty)
        let warning = ConfigLoader.parse(text, path: "/c.toml", mode: 0o644, vendors: registered).warnings.first
        #expect(warning?.message.contains("chmod 600 /c.toml") == true)
        #expect(warning?.message.contains("k\"") == false)
    }

    @Test func aDoubleLockPasswordComesFromACommandOrTheEnvironmentNeverInline() throws {
        let profile = "[profiles.ss]\nvendor = \"secretserver\"\nurl = \"https://h/SecretServer\"\nusername = \"u\"\npassword_env = \"P\"\n"
        let inline = ConfigLoader.parse(profile + "double_lock_password = \"s3cret\"\n", path: "/c.toml", mode: 0o600, vendors: registered)
        #expect(inline.errors.map(\.description) == [
            "/c.toml:6: profiles.ss.double_lock_password: double_lock_password must not be written in the config: use double_lock_password_command or double_lock_password_env",
        ])
        #expect(!inline.errors.description.contains("s3cret"))
        for key in ["double_lock_password_command = \"pass show dl\"", "double_lock_password_env = \"DL\""] {
            let sourced = ConfigLoader.parse(profile + key + "\n", path: "/c.toml", mode: 0o600, vendors: registered)
            #expect(sourced.errors.isEmpty, "\(sourced.errors)")
            #expect(try #require(sourced.configuration).profiles.first?.auth.secrets["double_lock_password"] != nil)
        }
    }

    @Test func profileSelectionExplainsChoices() throws {
        let configuration = try #require(ConfigLoader.parse(valid, path: "/c.toml", vendors: registered).configuration)
        #expect { try configuration.profile(named: nil) } throws: {
            ($0 as? PAMError)?.message.contains("several profiles (prod, lab)") == true
        }
        #expect { try configuration.profile(named: "qa") } throws: {
            ($0 as? PAMError)?.message == "no profile 'qa' in /c.toml (profiles: prod, lab)"
        }
    }

    @Test func missingFileSaysHowToStart() {
        #expect { try ConfigLoader.load(path: "/nonexistent/pamtui.toml", vendors: registered) } throws: {
            ($0 as? PAMError)?.message.contains("pamtui demo") == true
        }
    }
}
