import PAMCore

/// Draws the random faults of a ``FaultPlan`` from a generator seeded with the world's seed.
final class FaultInjector: Sendable {
    enum Decision: Equatable {
        case drop, serverError, rateLimit
        case answer(malformed: Bool)
    }

    let plan: FaultPlan
    private let generator: Locked<SeededGenerator>

    init(plan: FaultPlan, seed: UInt64, stream: String) {
        self.plan = plan
        generator = Locked(SeededGenerator(seed: seed, stream: "faults/" + stream))
    }

    /// What to do with the next request. Authentication routes are spared unless the plan says otherwise.
    func decide(isAuthentication: Bool) -> Decision {
        guard plan.hasRandomFaults, !isAuthentication || plan.includeAuthentication else {
            return .answer(malformed: false)
        }
        // Always draw four numbers so that one fault's rate never shifts another's sequence.
        let draws = generator.withLock { generator in (0..<4).map { _ in generator.unit() } }
        if draws[0] < plan.dropRate { return .drop }
        if draws[1] < plan.serverErrorRate { return .serverError }
        if draws[2] < plan.rateLimitRate { return .rateLimit }
        return .answer(malformed: draws[3] < plan.malformedRate)
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
