import Foundation
import PAMCore
import PAMSimulator
import PAMTestSupport
import PAMTransport
import PAMVendors
import Testing

/// The BeyondTrust client against the in-process simulator over loopback.
@Suite struct BeyondTrustScenarioTests {
    @Test func browsesSystemsAndAccountsIncludingTheSeedsExamples() async throws {
        try await withBeyondTrust { bt in
            let systems = try await bt.client.listSystems()
            #expect(systems.first { $0.id == "123" }?.name == "DC01")
            #expect(try await bt.client.system(id: "123").name == "DC01")
            let accounts = try await bt.client.listAccounts(.all)
            #expect(accounts.first { $0.id == "50" }?.path == "DC01/admin")
            let onDC01 = try await bt.client.listAccounts(.systemID("123"))
            #expect(!onDC01.isEmpty && onDC01.allSatisfy { $0.systemName == "DC01" })
            #expect(try await bt.client.listAccounts(.systemName("DC01")).map(\.id) == onDC01.map(\.id))
            let account = try await bt.client.findAccount(systemName: "DC01", accountName: "admin")
            #expect(account.id == "50")
            #expect(try await bt.client.findAccount(systemName: "srv1", accountName: "root").id == "12")
        }
    }

    @Test func smallPagesFetchedConcurrentlyGiveTheSameListsInOrder() async throws {
        // Both simulators date their world from the same clock, so the lists are comparable.
        let start = Date(timeIntervalSince1970: 1_800_000_000)
        var wholeSystems: [ManagedSystem] = []
        var wholeAccounts: [Account] = []
        try await withBeyondTrust(clock: ManualSimulatorClock(start)) { bt in
            wholeSystems = try await bt.client.listSystems()
            wholeAccounts = try await bt.client.listAccounts(.all)
        }
        let whole = (systems: wholeSystems, accounts: wholeAccounts)
        try await withBeyondTrust(clock: ManualSimulatorClock(start), pageSize: 3) { bt in
            let systems = try await bt.client.listSystems()
            let accounts = try await bt.client.listAccounts(.all)
            #expect(systems == whole.systems)
            #expect(accounts == whole.accounts)
            #expect(bt.served("ManagedSystems?").count > 2)
        }
    }

    @Test func unknownAccountIsNotFound() async throws {
        try await withBeyondTrust { bt in
            let client = bt.client
            await #expect { try await client.findAccount(systemName: "DC01", accountName: "nobody") } throws: { error in
                let error = error as? PAMError
                return error?.kind == .notFound && error?.exitCode == 4 && error?.message.contains("DC01/nobody") == true
            }
        }
    }

    @Test func checkOutRetrieveCheckInAndRotation() async throws {
        try await withBeyondTrust { bt in
            let account = try await bt.client.findAccount(systemName: "DC01", accountName: "admin")
            let lease = try await bt.client.grantedLease(CheckoutRequest(account: account, reason: "scenario", durationMinutes: 15))
            #expect(abs(lease.expiresAt.timeIntervalSince(lease.issuedAt) - 900) < 5)
            #expect(try await bt.client.listRequests().contains { $0.id == lease.requestID && $0.vendorState == "Active" && $0.state == .checkedOut })
            let first = try await bt.client.retrieve(lease, field: .password)
            #expect(!first.isEmpty)
            #expect(try await bt.client.retrieve(lease, field: .password).constantTimeEquals(first))
            try await bt.client.checkIn(requestID: lease.requestID, reason: "done")
            #expect(try await bt.client.listRequests().allSatisfy { $0.id != lease.requestID })
            await #expect { try await bt.client.retrieve(lease, field: .password) } throws: { ($0 as? PAMError)?.kind == .notFound }
            // DC01/admin rotates on release: the next check-out hands out a new password.
            let next = try await bt.client.grantedLease(CheckoutRequest(account: account))
            #expect(!(try await bt.client.retrieve(next, field: .password)).constantTimeEquals(first))
            try await bt.client.checkIn(requestID: next.requestID, reason: nil)
        }
    }

    @Test func conflictOptionsReuseRenewAndNone() async throws {
        try await withBeyondTrust { bt in
            let account = try await bt.client.findAccount(systemName: "srv1", accountName: "root")
            let first = try await bt.client.grantedLease(CheckoutRequest(account: account, options: ["conflict": "none"]))
            #expect(try await bt.client.grantedLease(CheckoutRequest(account: account, options: ["conflict": "reuse"])).requestID == first.requestID)
            await #expect { try await bt.client.grantedLease(CheckoutRequest(account: account, options: ["conflict": "none"])) } throws: { error in
                (error as? PAMError)?.kind == .conflict && (error as? PAMError)?.message.contains("request \(first.requestID)") == true
            }
            let renewed = try await bt.client.grantedLease(CheckoutRequest(account: account, options: ["conflict": "renew"]))
            #expect(renewed.requestID != first.requestID)
            #expect(try await bt.client.listRequests().map(\.id).contains(first.requestID) == false)
            try await bt.client.checkIn(requestID: renewed.requestID, reason: nil)
        }
    }

    @Test func sshKeysComeAsThePrivateKey() async throws {
        try await withBeyondTrust { bt in
            let account = try await bt.client.findAccount(systemName: "srv1", accountName: "root")
            let lease = try await bt.client.grantedLease(CheckoutRequest(account: account))
            let key = try await bt.client.retrieve(lease, field: .key).unsafeStringCopy()
            #expect(key.hasPrefix("-----BEGIN"))
            try await bt.client.checkIn(requestID: lease.requestID, reason: nil)
        }
    }

    @Test func aRequestThatNeedsApprovalIsPendingWithItsOwnActionsAndCheckInWithdrawsIt() async throws {
        try await withBeyondTrust { bt in
            let account = try await bt.client.findAccount(systemName: "DC01", accountName: "breakglass")
            guard case .pending(let pending) = try await bt.client.checkOut(CheckoutRequest(account: account, reason: "incident")) else {
                Issue.record("a check-out that needs approval was reported as granted")
                return
            }
            #expect(pending.state == .pendingApproval && pending.vendorState == "Pending")
            #expect(pending.actions == [.cancel] && pending.release == .cancel)
            #expect(pending.lease(profile: "bt", vendor: bt.client.vendor, at: Date()) == nil)
            let listed = try #require(try await bt.client.listRequests().first { $0.id == pending.id })
            #expect(listed.state == .pendingApproval)
            // Its credential is refused with the approval code until an approver acts.
            let early = Lease(
                profile: "bt", vendor: bt.client.vendor, requestID: pending.id, accountID: account.id, systemID: account.systemID,
                systemName: account.systemName, accountName: account.name, reason: nil, issuedAt: Date(), expiresAt: Date())
            await #expect { try await bt.client.retrieve(early, field: .password) } throws: { error in
                let error = error as? PAMError
                return error?.kind == .permission && error?.vendorCode == "4034" && error?.message.contains("not approved yet") == true
            }
            try await bt.client.release(requestID: pending.id, action: .cancel, reason: nil)
            #expect(try await bt.client.listRequests().allSatisfy { $0.id != pending.id })
        }
    }

    @Test func secretsSafeTreeSecretsTextAndFiles() async throws {
        try await withBeyondTrust { bt in
            let tree = FolderTree(try await bt.client.listFolders())
            let app = try #require(tree.nodes.first { $0.path == "team/app" })
            let secrets = try await bt.client.listSecrets(folderID: app.id)
            #expect(!secrets.isEmpty && secrets.allSatisfy { $0.folderID == app.id })
            let all = try await bt.client.listSecrets(folderID: nil)
            for kind in StoredSecretKind.allCases {
                let secret = try #require(all.first { $0.kind == kind }, "a \(kind) secret")
                let value = kind == .file ? try await bt.client.downloadFile(id: secret.id) : try await bt.client.secretValue(id: secret.id)
                #expect(!value.isEmpty)
            }
            let file = try #require(all.first { $0.kind == .file })
            await #expect { try await bt.client.secretValue(id: file.id) } throws: { ($0 as? PAMError)?.kind == .usage }
        }
    }

    @Test func oauthClientCredentialsSignIn() async throws {
        try await withBeyondTrust(oauth: true) { bt in
            let account = try await bt.client.findAccount(systemName: "DC01", accountName: "admin")
            #expect(account.id == "50")
            #expect(bt.served("connect/token").count == 1)
        }
    }

    @Test func anIdleSessionThatExpiredIsRenewedTransparently() async throws {
        let clock = ManualSimulatorClock(Date())
        try await withBeyondTrust(clock: clock) { bt in
            _ = try await bt.client.listSystems()
            clock.advance(by: 21 * 60)
            #expect(try await bt.client.listSystems().contains { $0.name == "DC01" })
            #expect(bt.served("SignAppin").count == 2)
            #expect(bt.served("→ 401").count == 1)
        }
    }
}

/// The same client over HTTPS with the simulator's generated CA, and with client certificates.
@Suite struct BeyondTrustTLSScenarioTests {
    @Test func httpsVerifiedAgainstTheGeneratedCA() async throws {
        try await withBeyondTrust(tls: .tls) { bt in
            #expect(bt.endpoint.url.hasPrefix("https://127.0.0.1:"))
            let account = try await bt.client.findAccount(systemName: "DC01", accountName: "admin")
            #expect(account.id == "50")
        }
    }

    @Test func httpsWithoutTheCAIsATLSError() async throws {
        try await withBeyondTrust(tls: .tls, transportOptions: { options, _ in options.caBundle = nil }) { bt in
            let client = bt.client
            await #expect { try await client.listSystems() } throws: { error in
                let error = error as? PAMError
                return error?.kind == .tls && error?.exitCode == 6 && error?.description.hasPrefix("bt: list systems: ") == true
            }
        }
    }

    @Test func mutualTLSWithTheGeneratedClientCertificate() async throws {
        try await withBeyondTrust(tls: .mutualTLS, transportOptions: { options, material in
            let certificate = try String(contentsOfFile: material?.clientCertificatePath ?? "", encoding: .utf8)
            options.clientIdentity = .pem(
                certificate: Array(certificate.utf8), key: try SecretFile.read(material?.clientKeyPath ?? ""), keyPassphrase: nil
            )
        }) { bt in
            let account = try await bt.client.findAccount(systemName: "DC01", accountName: "admin")
            #expect(account.id == "50")
        }
    }

    @Test func mutualTLSWithoutACertificateIsRefused() async throws {
        try await withBeyondTrust(tls: .mutualTLS) { bt in
            let client = bt.client
            await #expect { try await client.listSystems() } throws: { ($0 as? PAMError)?.kind == .tls }
        }
    }
}

/// A traced session, secrets and all, leaves none of them in the trace.
@Suite struct TraceHygieneTests {
    @Test func aFullTracedSessionContainsNoSecret() async throws {
        try await withTemporaryDirectory { directory in
            let tracePath = "\(directory)/trace.log"
            let trace = try TraceWriter(path: tracePath)
            var revealed: [String] = []
            var credentials: [String] = []
            for oauth in [false, true] {
                try await withBeyondTrust(tls: .tls, oauth: oauth, trace: trace) { bt in
                    credentials += bt.endpoint.credentials.map(\.value).filter { $0.count >= 8 }
                    let account = try await bt.client.findAccount(systemName: "DC01", accountName: "admin")
                    let lease = try await bt.client.grantedLease(CheckoutRequest(account: account, reason: "trace"))
                    revealed.append(try await bt.client.retrieve(lease, field: .password).unsafeStringCopy())
                    let secret = try #require(try await bt.client.listSecrets(folderID: nil).first { $0.kind == .credential })
                    revealed.append(try await bt.client.secretValue(id: secret.id).unsafeStringCopy())
                    try await bt.client.checkIn(requestID: lease.requestID, reason: nil)
                }
            }
            let text = try String(contentsOfFile: tracePath, encoding: .utf8)
            #expect(text.contains("POST 127.0.0.1:"))
            #expect(text.contains("/Credentials/"))
            #expect(credentials.count >= 5 && revealed.count == 4)
            for secret in credentials + revealed {
                #expect(!text.contains(secret), "the trace contains a secret")
            }
            #expect(!text.localizedCaseInsensitiveContains("ASP.NET_SessionId"))
            #expect(!text.localizedCaseInsensitiveContains("PS-Auth"))
            #expect(!text.localizedCaseInsensitiveContains("Bearer"))
        }
    }
}
