import PAMCore
import Testing

@Suite struct PAMErrorTests {
    @Test func exitCodesFollowTheREADME() {
        let expected: [PAMError.Kind: Int32] = [
            .usage: 2, .authentication: 3, .notFound: 4, .conflict: 5, .transport: 6, .tls: 6, .timeout: 6,
            .permission: 1, .server: 1, .malformed: 1, .configuration: 1, .cancelled: 1, .unsupported: 1,
        ]
        for kind in PAMError.Kind.allCases {
            #expect(PAMError(kind, "x").exitCode == expected[kind], "\(kind)")
        }
    }

    @Test func descriptionIsOneLineNamingProfileAndOperation() {
        let error = PAMError(.conflict, "already\nrequested").within(profile: "prod", operation: "check-out")
        #expect(error.description == "prod: check-out: already requested")
        #expect(error.within(profile: "other").profile == "prod")
    }

    @Test func wrapKeepsPAMErrorsAndNamesCancellation() {
        #expect(PAMError.wrap(CancellationError()).kind == .cancelled)
        #expect(PAMError.wrap(PAMError(.tls, "bad"), profile: "p").description == "p: bad")
    }
}

@Suite struct LoopbackHostTests {
    @Test(arguments: ["127.0.0.1", "127.1.2.3", "localhost", "LOCALHOST", "::1", "[::1]", "api.localhost"])
    func loopback(host: String) { #expect(LoopbackHost.isLoopback(host)) }

    @Test(arguments: ["10.0.0.1", "127.0.0.1.nip.io", "example.com", "128.0.0.1", "::2", "127.0.0.256"])
    func notLoopback(host: String) { #expect(!LoopbackHost.isLoopback(host)) }
}
