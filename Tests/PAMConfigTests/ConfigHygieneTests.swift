import Foundation
import PAMConfig
import PAMCore
import PAMModules
import Testing

/// Nothing lost, nothing injected: over-long values, control characters in names and reasons,
/// and the secret variables kept away from secret commands.
@Suite struct ConfigHygieneTests {
    func profile(_ name: String = "prod", _ extra: String = "") -> String {
        """
        [profiles.\(name)]
        vendor = "beyondtrust"
        url = "https://pam.example.com/BeyondTrust/api/public/v3"
        run_as = "svc"
        api_key_env = "PAMTUI_TEST_KEY"
        \(extra)
        """
    }

    @Test func valuesOverSixtyFourKiBAreRefusedWithTheirLine() {
        let long = String(repeating: "x", count: 64 * 1024 + 1)
        let result = ConfigLoader.parse(profile("prod", "description_ignored = 1\nproxy = \"\(long)\""), path: "/c.toml", vendors: registered)
        #expect(result.configuration == nil)
        #expect(result.errors.map(\.description).contains("/c.toml:7: profiles.prod.proxy: value longer than 64 KiB"))
        let exact = String(repeating: "y", count: 64 * 1024)
        let fits = ConfigLoader.parse(profile("prod", "proxy = \"http://\(exact.prefix(64 * 1024 - 7))\""), path: "/c.toml", vendors: registered)
        #expect(!fits.errors.contains { $0.message.contains("64 KiB") })
    }

    @Test func longValuesInArraysAndOtherTablesAreRefusedToo() {
        let long = String(repeating: "k", count: 70_000)
        let text = "[keys]\nquit = [\"q\", \"\(long)\"]\n\n" + profile()
        let result = ConfigLoader.parse(text, path: "/c.toml", vendors: registered)
        #expect(result.errors.map(\.description).contains("/c.toml:2: keys.quit: value longer than 64 KiB"))
    }

    @Test func aLongValueIsRefusedOnLoad() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("pamtui-hygiene-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = "\(directory)/config.toml"
        try profile("prod", "api_key = \"\(String(repeating: "z", count: 65_537))\"").replacingOccurrences(of: "api_key_env = \"PAMTUI_TEST_KEY\"\n", with: "")
            .write(toFile: path, atomically: true, encoding: .utf8)
        chmod(path, 0o600)
        #expect { try ConfigLoader.load(path: path, vendors: registered) } throws: {
            ($0 as? PAMError)?.message == "\(path):5: profiles.prod.api_key: value longer than 64 KiB"
        }
    }

    @Test func profileNamesWithControlCharactersAreRefused() {
        let text = profile(#""ok""#) + "\n" + profile(#""evil\u001b[2J""#)
        let result = ConfigLoader.parse(text, path: "/c.toml", vendors: registered)
        #expect(result.configuration == nil)
        let messages = result.errors.map(\.description)
        #expect(messages.count == 1)
        #expect(messages.first?.contains(#"profiles.evil\e[2J: a profile name must be plain text, without control characters"#) == true, "\(messages)")
        #expect(!(messages.first ?? "").unicodeScalars.contains(where: TerminalText.isControl))
        let bidi = ConfigLoader.parse(profile(#""prod\u202Edoc""#), path: "/c.toml", vendors: registered)
        #expect(bidi.errors.count == 1)
    }

    @Test func reasonsWithControlCharactersAreRefused() {
        let result = ConfigLoader.parse("[defaults]\nreason = \"a\\u0007b\"\n\n" + profile("prod", #"reason = "ok\u0085""#), path: "/c.toml", vendors: registered)
        let messages = result.errors.map(\.description)
        #expect(messages.contains(#"/c.toml:2: defaults.reason: must be plain text: it holds the control character \x07"#), "\(messages)")
        #expect(messages.contains(#"/c.toml:9: profiles.prod.reason: must be plain text: it holds the control character \u0085"#), "\(messages)")
    }

    @Test func secretVariablesNamedInTheConfigDoNotReachSecretCommands() throws {
        setenv("PAMTUI_HYGIENE_ENV_KEY_MY_SECRET_VAR", "unused", 1)
        setenv("HYGIENE_MY_SECRET_VAR", "s3cr3t-from-env", 1)
        defer { unsetenv("HYGIENE_MY_SECRET_VAR"); unsetenv("PAMTUI_HYGIENE_ENV_KEY_MY_SECRET_VAR") }
        let text = """
        [profiles.prod]
        vendor = "beyondtrust"
        url = "https://pam.example.com/BeyondTrust/api/public/v3"
        run_as = "svc"
        api_key_env = "HYGIENE_MY_SECRET_VAR"
        run_as_password_command = "env"
        """
        let configuration = try #require(ConfigLoader.parse(text, path: "/c.toml", vendors: registered).configuration)
        let profile = try configuration.profile(named: "prod")
        #expect(try profile.auth.secrets["api_key"]?.resolve(key: "api_key").unsafeStringCopy() == "s3cr3t-from-env")
        let environment = try #require(profile.auth.secrets["run_as_password"]).resolve(key: "run_as_password").unsafeStringCopy()
        #expect(environment.contains("PATH="))
        #expect(!environment.contains("HYGIENE_MY_SECRET_VAR") && !environment.contains("s3cr3t-from-env"))
        #expect(!environment.contains("PAMTUI_HYGIENE_ENV_KEY_MY_SECRET_VAR"))
        #expect(ChildEnvironment.withheldNames.contains("HYGIENE_MY_SECRET_VAR"))
    }
}
