import PAMConfig
import PAMCore
import PAMModules
import Testing

/// `max_list_rows`: where a list from the server is cut off, in `[defaults]` or a profile.
@Suite struct ConfigListBoundsTests {
    func profile(_ name: String, _ extra: String = "") -> String {
        """
        [profiles.\(name)]
        vendor = "beyondtrust"
        url = "https://pam.example.com/BeyondTrust/api/public/v3"
        run_as = "svc"
        api_key_env = "PAMTUI_TEST_KEY"
        \(extra)

        """
    }

    @Test func withoutTheKeyAListStopsAtTenMillionRows() throws {
        let configuration = try #require(ConfigLoader.parse(profile("prod"), path: "/c.toml", vendors: registered).configuration)
        let bounds = try configuration.profile(named: "prod").listBounds
        #expect(bounds.maxRows == 10_000_000)
        #expect(bounds.setting == "max_list_rows")
    }

    @Test func aProfileSetsItsOwnElseItTakesTheDefaults() throws {
        let text = "[defaults]\nmax_list_rows = 5000\n\n" + profile("inherits") + profile("own", "max_list_rows = 250")
        let result = ConfigLoader.parse(text, path: "/c.toml", vendors: registered)
        #expect(result.issues.isEmpty, "\(result.issues)")
        let configuration = try #require(result.configuration)
        #expect(try configuration.profile(named: "inherits").listBounds.maxRows == 5000)
        #expect(try configuration.profile(named: "own").listBounds.maxRows == 250)
    }

    @Test(arguments: ["0", "-3", "\"5000\"", "1.5", "true"])
    func aBoundThatIsNotAPositiveWholeNumberIsAnError(value: String) {
        let inDefaults = ConfigLoader.parse("[defaults]\nmax_list_rows = \(value)\n\n" + profile("prod"), path: "/c.toml", vendors: registered)
        #expect(inDefaults.configuration == nil)
        #expect(inDefaults.errors.map(\.description) == ["/c.toml:2: defaults.max_list_rows: must be a whole number of rows above 0"])
        let inProfile = ConfigLoader.parse(profile("prod", "max_list_rows = \(value)"), path: "/c.toml", vendors: registered)
        #expect(inProfile.errors.map(\.description) == ["/c.toml:6: profiles.prod.max_list_rows: must be a whole number of rows above 0"])
    }

    @Test func theExampleSetsTheDefaultBound() throws {
        let text = ConfigExample.text(profiles: VendorRegistry.standard.modules.map(\.exampleProfile))
        #expect(text.contains("max_list_rows = 10000000"))
        let configuration = try #require(ConfigLoader.parse(text, path: "/example.toml", vendors: registered).configuration)
        #expect(configuration.profiles.allSatisfy { $0.listBounds.maxRows == ListBounds.defaultMaxRows })
    }

    @Test func theErrorNamesTheBoundAndTheKey() {
        #expect(Profile.listBounds(maxRows: 5000).exceededMessage == "the list is longer than 5000 rows (max_list_rows): stopped")
        #expect(ListBounds(maxRows: 55).exceededMessage == "the list is longer than 55 rows: stopped")
    }
}
