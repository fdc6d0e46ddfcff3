import PAMCore

/// Draws the random faults of a ``FaultPlan`` from a generator seeded with the world's seed.
final class FaultInjector: Sendable {
    enum Decision: Equatable {
        case drop, serverError, rateLimit
        /// Run the handler; then maybe cut the answer, and what happens once the server committed.
        case answer(malformed: Bool, afterCommit: AfterCommit = .reply)
    }

    /// What follows the handler's commit.
    enum AfterCommit: Equatable {
        case reply, drop
        case delay(Duration)
    }

    let plan: FaultPlan
    private let generator: Locked<SeededGenerator>

    init(plan: FaultPlan, seed: UInt64, stream: String) {
        self.plan = plan
        generator = Locked(SeededGenerator(seed: seed, stream: "faults/" + stream))
    }

    /// What to do with the next request. Authentication routes are spared unless the plan says
    /// otherwise, and methods outside the plan's scope always; spared requests draw nothing, so
    /// the faults of the requests in scope do not depend on how many others came between.
    func decide(method: String, isAuthentication: Bool) -> Decision {
        guard plan.hasRandomFaults, plan.scopes(method: method), !isAuthentication || plan.includeAuthentication else {
            return .answer(malformed: false)
        }
        // Always draw six numbers so that one fault's rate never shifts another's sequence.
        let draws = generator.withLock { generator in (0..<6).map { _ in generator.unit() } }
        if draws[0] < plan.dropRate { return .drop }
        if draws[1] < plan.serverErrorRate { return .serverError }
        if draws[2] < plan.rateLimitRate { return .rateLimit }
        let malformed = draws[3] < plan.malformedRate
        if draws[4] < plan.commitThenDropRate { return .answer(malformed: malformed, afterCommit: .drop) }
        if plan.commitThenDelay > .zero, draws[5] < plan.commitThenDelayRate {
            return .answer(malformed: malformed, afterCommit: .delay(plan.commitThenDelay))
        }
        return .answer(malformed: malformed)
    }

    /// A JSON body cut so that it no longer parses.
    static func malform(_ body: [UInt8]) -> [UInt8] {
        guard !body.isEmpty else { return Array("{".utf8) }
        var cut = Array(body.prefix(max(1, body.count / 2)))
        // A cut number or literal can still be valid JSON (`124` → `12`); make sure it is not.
        if let first = cut.first, first != UInt8(ascii: "{"), first != UInt8(ascii: "["), first != UInt8(ascii: "\"") {
            cut.append(UInt8(ascii: "}"))
        }
        return cut
    }
}
