import PAMCore
import PAMSimulator
import Testing

@Suite struct FaultPlanTests {
    @Test func parsesEveryFault() throws {
        let plan = try FaultPlan(parsing: "latency=200ms,error5xx=0.1,drop=0.05,malformed=0.02,expire-session-after=30s,rate429=0.05")
        #expect(plan.latency == .milliseconds(200))
        #expect(plan.serverErrorRate == 0.1)
        #expect(plan.dropRate == 0.05)
        #expect(plan.malformedRate == 0.02)
        #expect(plan.expireSessionAfter == .seconds(30))
        #expect(plan.rateLimitRate == 0.05)
        #expect(plan.includeAuthentication == false)
    }

    @Test func parsesUnitsSpacesAndFlags() throws {
        let plan = try FaultPlan(parsing: " latency = 1.5s , expire-session-after=2m, retry-after=3s, auth=true ")
        #expect(plan.latency == .milliseconds(1500))
        #expect(plan.expireSessionAfter == .seconds(120))
        #expect(plan.retryAfter == .seconds(3))
        #expect(plan.includeAuthentication)
        #expect(try FaultPlan(parsing: "") == .none)
        #expect(try FaultPlan(parsing: "none") == .none)
    }

    @Test func parsesPostCommitFaultsAndTheMethodScope() throws {
        let plan = try FaultPlan(parsing: "commit-then-drop=0.25,commit-then-delay=5s,commit-then-delay-rate=0.5,methods=post|Put")
        #expect(plan.commitThenDropRate == 0.25)
        #expect(plan.commitThenDelay == .seconds(5))
        #expect(plan.commitThenDelayRate == 0.5)
        #expect(plan.methods == ["POST", "PUT"])
        #expect(plan.scopes(method: "post") && plan.scopes(method: "PUT") && !plan.scopes(method: "GET"))
        #expect(plan.hasRandomFaults)

        let defaults = try FaultPlan(parsing: "latency=10ms")
        #expect(defaults.commitThenDelayRate == 1)
        #expect(defaults.methods == nil && defaults.scopes(method: "DELETE"))
        #expect(!defaults.hasRandomFaults)
        // The delay alone is a random fault (rate 1 by default); a zero delay or a zero rate is none.
        #expect(try FaultPlan(parsing: "commit-then-delay=300ms").hasRandomFaults)
        #expect(try !FaultPlan(parsing: "commit-then-delay=0s").hasRandomFaults)
        #expect(try !FaultPlan(parsing: "commit-then-delay=1s,commit-then-delay-rate=0").hasRandomFaults)
        #expect(try FaultPlan(parsing: "commit-then-drop=1").hasRandomFaults)
        // A scope alone injects nothing.
        #expect(try !FaultPlan(parsing: "methods=POST").hasRandomFaults)
    }

    @Test(arguments: [
        ("commit-then-drop=1.5", "commit-then-drop=1.5"), ("commit-then-delay=5", "commit-then-delay=5"),
        ("commit-then-delay-rate=-1", "commit-then-delay-rate=-1"), ("methods=", "methods="),
        ("methods=POST||PUT", "methods=POST||PUT"), ("methods=POST,PUT", "PUT"), ("methods=PO-ST", "methods=PO-ST"),
        ("drop=2", "drop=2"), ("latency=200", "latency=200"), ("bogus=1", "bogus=1"), ("error5xx", "error5xx"),
        ("rate429=-0.1", "rate429=-0.1"), ("expire-session-after=0s", "expire-session-after=0s"), ("auth=maybe", "auth=maybe"),
    ])
    func rejectsBadItems(text: String, named: String) {
        do {
            _ = try FaultPlan(parsing: "latency=10ms,\(text)")
            Issue.record("\(text) was accepted")
        } catch let error as PAMError {
            #expect(error.kind == .usage)
            #expect(error.message.contains(named))
            #expect(!error.message.contains("\n"))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func helpNamesEveryFault() {
        let names = [
            "latency", "error5xx", "rate429", "retry-after", "drop", "malformed", "commit-then-drop", "commit-then-delay",
            "commit-then-delay-rate", "methods", "expire-session-after", "auth",
        ]
        for name in names {
            #expect(FaultPlan.help.contains("\(name)="))
        }
    }

    @Test func theUnknownFaultMessageListsEveryFault() {
        let error = #expect(throws: PAMError.self) { try FaultPlan(parsing: "bogus=1") }
        for name in ["commit-then-drop", "commit-then-delay", "commit-then-delay-rate", "methods"] {
            #expect(error?.message.contains(name) == true)
        }
    }
}
