import Foundation
import PAMConfig
import PAMModules
import PAMCore
import Testing

@Suite struct SecretSourceTests {
    @Test func readsEnvironmentVariables() throws {
        setenv("PAMTUI_TEST_SECRET_SOURCE", "from-env", 1)
        #expect(try SecretSource.environment("PAMTUI_TEST_SECRET_SOURCE").resolve(key: "api_key").unsafeStringCopy() == "from-env")
        #expect { try SecretSource.environment("PAMTUI_TEST_UNSET_VARIABLE").resolve(key: "api_key") } throws: {
            ($0 as? PAMError)?.message == "api_key_env: environment variable PAMTUI_TEST_UNSET_VARIABLE is not set"
        }
    }

    @Test func commandsTrimOneTrailingNewline() throws {
        let value = try SecretSource.command("printf 'line1\\nline2\\n'").resolve(key: "api_key")
        #expect(value.unsafeStringCopy() == "line1\nline2")
    }

    @Test func failingCommandsNameTheKeyButNotTheOutput() {
        #expect { try SecretSource.command("echo leaked-value; exit 7").resolve(key: "client_secret") } throws: { error in
            let message = (error as? PAMError)?.message ?? ""
            return message == "client_secret_command exited with status 7" && !message.contains("leaked")
        }
        #expect { try SecretSource.command("true").resolve(key: "api_key") } throws: {
            ($0 as? PAMError)?.message == "api_key_command printed nothing"
        }
    }

    @Test func describingASourceNeverShowsItsValue() {
        #expect(SecretSource.inline(SecretBytes(utf8: "v4lue")).description == "inline value")
        #expect(!SecretSource.command("echo v4lue").description.contains("v4lue"))
    }
}

@Suite struct ConfigLocationTests {
    @Test func flagThenEnvironmentThenXDG() {
        let environment = ["PAMTUI_CONFIG": "/env.toml", "XDG_CONFIG_HOME": "/xdg", "HOME": "/home/u"]
        #expect(ConfigLocation.resolve(flag: "/flag.toml", environment: environment).path == "/flag.toml")
        #expect(ConfigLocation.resolve(flag: nil, environment: environment).path == "/env.toml")
        #expect(ConfigLocation.resolve(flag: nil, environment: ["XDG_CONFIG_HOME": "/xdg"]).path == "/xdg/pamtui/config.toml")
        #expect(ConfigLocation.resolve(flag: nil, environment: ["HOME": "/home/u"]).path == "/home/u/.config/pamtui/config.toml")
    }
}

@Suite struct ConfigWriterTests {
    @Test func writtenConfigParsesBackWithPrivateMode() throws {
        let path = NSTemporaryDirectory() + "pamtui-writer-\(UUID().uuidString).toml"
        defer { unlink(path) }
        let entry = ConfigWriter.Entry(
            name: "beyondtrust", vendor: "beyondtrust", url: "https://127.0.0.1:1/BeyondTrust/api/public/v3",
            fields: [("api_key", "k\"ey\\"), ("run_as", "svc")]
        )
        try ConfigWriter.write(ConfigWriter.render([entry], header: "made by a test\nsecond line"), to: path)
        var status = stat()
        stat(path, &status)
        #expect(status.st_mode & 0o777 == 0o600)
        let configuration = try ConfigLoader.load(path: path, vendors: registered)
        #expect(configuration.warnings.isEmpty)
        let profile = try configuration.profile(named: nil)
        #expect(try profile.auth.secret("api_key", profile: "beyondtrust").unsafeStringCopy() == "k\"ey\\")
    }
}
