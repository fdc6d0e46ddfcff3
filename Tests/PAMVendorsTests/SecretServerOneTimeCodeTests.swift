import Foundation
import PAMCore
import PAMVendors
import Testing

/// Secret Server's two-factor user against the in-process simulator: the one-time code comes
/// from its source, or is asked once the server wants it, once per full sign-in and never for a
/// refresh; a wrong or missing one is one clear line.
@Suite struct SecretServerOneTimeCodeTests {
    @Test func theCodeIsAskedWhenTheServerWantsItAndAgainAtEachFullSignIn() async throws {
        try await withSecretServer { server in
            let code = server.credential("otpCode")
            let prompter = ScriptedPrompter([code, code])
            let client = server.client(user: "otp") { $0.prompter = prompter }
            _ = try await client.listFolders()
            #expect(prompter.questions.map(\.label) == ["One-time code"])
            #expect(prompter.questions.first?.profile == "ss")
            #expect(prompter.questions.first?.key == "otp")
            // Refused once without the code, then granted with it.
            #expect(server.served("oauth2/token").map { $0.hasSuffix("→ 400") } == [true, false])
            _ = try await client.listFolders()
            #expect(prompter.questions.count == 1, "the session holds: nothing more to ask")

            // A full sign-in asks for a new code, and now before the grant goes out.
            await client.signOut()
            _ = try await client.listFolders()
            #expect(prompter.questions.count == 2)
            #expect(server.served("oauth2/token").count == 3)
            await client.signOut()
        }
    }

    @Test func aRefreshGrantAsksNothing() async throws {
        try await withSecretServer { server in
            let prompter = ScriptedPrompter([server.credential("otpCode")])
            let client = server.client(user: "otp") { $0.prompter = prompter }
            _ = try await client.listFolders()
            for _ in 0..<3 {
                server.clock.advance(by: 20 * 60)
                _ = try await client.listFolders()
            }
            #expect(prompter.questions.count == 1)
            #expect(server.served("oauth2/token").count == 5, "one refused, one granted, three refreshes")
            await client.signOut()
        }
    }

    @Test func aWrongCodeIsOneLineThatSaysSo() async throws {
        try await withSecretServer { server in
            let wrong = server.credential("otpCode") == "000000" ? "111111" : "000000"
            let client = server.client(user: "otp") { $0.prompter = ScriptedPrompter([wrong]) }
            await #expect { try await client.listFolders() } throws: { error in
                let error = error as? PAMError
                return error?.kind == .authentication && error?.message.contains("the one-time code was not accepted") == true
                    && error?.description.contains("\n") == false && error?.description.contains(wrong) == false
            }
        }
    }

    @Test func withoutAPrompterOrSourceTheErrorNamesTheKeys() async throws {
        try await withSecretServer { server in
            await #expect { try await server.client(user: "otp").listFolders() } throws: { error in
                (error as? PAMError)?.description == "ss: sign-in: One-time code needed and nobody to ask: set otp_command or otp_env in the profile"
            }
        }
    }

    @Test func declinedIsSignInCancelled() async throws {
        try await withSecretServer { server in
            let client = server.client(user: "otp") { $0.prompter = ScriptedPrompter([nil]) }
            await #expect { try await client.listFolders() } throws: { error in
                (error as? PAMError)?.kind == .cancelled && (error as? PAMError)?.message == "sign-in cancelled"
            }
        }
    }

    @Test func aCodeFromTheSourceIsSentWithTheFirstGrant() async throws {
        try await withSecretServer { server in
            let code = server.credential("otpCode")
            let prompter = ScriptedPrompter([])
            let client = server.client(user: "otp") { configuration in
                configuration.oneTimeCode = { SecretBytes(utf8: code) }
                configuration.prompter = prompter
            }
            _ = try await client.listFolders()
            #expect(prompter.questions.isEmpty)
            #expect(server.served("oauth2/token").count == 1)
            await client.signOut()
        }
    }
}
