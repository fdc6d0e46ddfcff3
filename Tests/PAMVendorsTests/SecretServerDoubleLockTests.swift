import Foundation
import PAMCore
import PAMVendors
import Testing

/// Secret 2545 of the in-process simulator is DoubleLocked: read with the password from its
/// source, or asked once and kept, and refused (then asked again) when wrong.
@Suite struct SecretServerDoubleLockTests {
    static let doubleLocked = (system: "Restricted", account: "Treasury portal (DoubleLock)")

    @Test func aDoubleLockedSecretIsReadWithThePasswordFromItsSource() async throws {
        try await withSecretServer { server in
            let password = server.credential("doubleLockPassword")
            let prompter = ScriptedPrompter([])
            let client = server.client { configuration in
                configuration.doubleLockPassword = { SecretBytes(utf8: password) }
                configuration.prompter = prompter
            }
            let account = try await client.findAccount(systemName: Self.doubleLocked.system, accountName: Self.doubleLocked.account)
            let first = try await Self.username(client, account)
            #expect(first == "treasurer")
            // Once known, the secret is read restricted at once: no refused plain read first.
            let refusedBefore = server.served("→ 400").count
            #expect(try await Self.username(client, account) == "treasurer")
            #expect(server.served("→ 400").count == refusedBefore)
            #expect(server.served("2545/restricted/fields/username").count == 2)
            #expect(prompter.questions.isEmpty)
            await client.signOut()
        }
    }

    @Test func withoutASourceTheDoubleLockPasswordIsAskedOnce() async throws {
        try await withSecretServer { server in
            let prompter = ScriptedPrompter([server.credential("doubleLockPassword")])
            let client = server.client { $0.prompter = prompter }
            let account = try await client.findAccount(systemName: Self.doubleLocked.system, accountName: Self.doubleLocked.account)
            #expect(try await Self.username(client, account) == "treasurer")
            #expect(try await Self.username(client, account) == "treasurer")
            #expect(prompter.questions.map(\.label) == ["DoubleLock password"])
            #expect(prompter.questions.first?.why == "Restricted/Treasury portal (DoubleLock) is DoubleLocked")
            await client.signOut()
        }
    }

    @Test func aWrongDoubleLockPasswordIsRefusedAndAskedAgainNextTime() async throws {
        try await withSecretServer { server in
            let prompter = ScriptedPrompter(["wrong", server.credential("doubleLockPassword")])
            let client = server.client { $0.prompter = prompter }
            let account = try await client.findAccount(systemName: Self.doubleLocked.system, accountName: Self.doubleLocked.account)
            await #expect { try await Self.username(client, account) } throws: { error in
                let error = error as? PAMError
                return error?.kind == .authentication && error?.message == "Restricted/Treasury portal (DoubleLock): the DoubleLock password was not accepted"
            }
            #expect(try await Self.username(client, account) == "treasurer")
            #expect(prompter.questions.count == 2)
            await client.signOut()
        }
    }

    @Test func withNobodyToAskTheRefusalNamesTheKeys() async throws {
        try await withSecretServer { server in
            let client = server.client()
            let account = try await client.findAccount(systemName: Self.doubleLocked.system, accountName: Self.doubleLocked.account)
            await #expect { try await Self.username(client, account) } throws: { error in
                let error = error as? PAMError
                return error?.kind == .permission && error?.message.contains("is DoubleLocked") == true
                    && error?.message.contains("double_lock_password_command or double_lock_password_env") == true
            }
            await client.signOut()
        }
    }

    static func username(_ client: SecretServerClient, _ account: Account) async throws -> String {
        let values = try await client.retrieve(.account(account), fields: .one("username"), context: RetrievalContext())
        return values.first?.value.unsafeStringCopy() ?? ""
    }
}
