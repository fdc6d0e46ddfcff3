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

    @Test(arguments: [
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
        for name in ["latency", "error5xx", "rate429", "retry-after", "drop", "malformed", "expire-session-after", "auth"] {
            #expect(FaultPlan.help.contains(name))
        }
    }
}
