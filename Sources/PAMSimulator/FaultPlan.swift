import Foundation
import PAMCore

/// Faults the simulator injects into its answers, parsed from `latency=200ms,error5xx=0.1,…`.
public struct FaultPlan: Sendable, Equatable {
    /// Delay added before every answer.
    public var latency: Duration = .zero
    /// Probability that a request is answered `503 Service Unavailable`.
    public var serverErrorRate = 0.0
    /// Probability that a request is answered `429 Too Many Requests` with `Retry-After`.
    public var rateLimitRate = 0.0
    /// The `Retry-After` a 429 carries.
    public var retryAfter: Duration = .seconds(1)
    /// Probability that the connection is closed without an answer.
    public var dropRate = 0.0
    /// Probability that a JSON answer is cut short.
    public var malformedRate = 0.0
    /// Sessions and tokens end this long after they were made, whatever their normal lifetime.
    public var expireSessionAfter: Duration?
    /// Whether the random faults also hit sign-in, token and sign-out calls.
    public var includeAuthentication = false
    /// Probability that the handler runs (the server commits) and the connection is then closed unanswered.
    public var commitThenDropRate = 0.0
    /// How long an answer is held back after the handler ran; zero = never.
    public var commitThenDelay: Duration = .zero
    /// Probability that a request gets ``commitThenDelay`` (1 = every request in scope).
    public var commitThenDelayRate = 1.0
    /// HTTP methods (upper case) the random faults are limited to; nil = every method.
    public var methods: Set<String>?

    /// No faults at all.
    public static let none = FaultPlan()

    /// An empty plan; set the fields you need.
    public init() {}

    /// True when any random fault (drop, 5xx, 429, malformed, commit-then-drop, commit-then-delay) may fire.
    public var hasRandomFaults: Bool {
        serverErrorRate > 0 || rateLimitRate > 0 || dropRate > 0 || malformedRate > 0 || commitThenDropRate > 0
            || (commitThenDelay > .zero && commitThenDelayRate > 0)
    }

    /// Whether the random faults may hit a request with `method` (a route's own sparing aside).
    public func scopes(method: String) -> Bool {
        methods?.contains(method.uppercased()) ?? true
    }

    /// Parses a comma-separated list of `name=value` items; see ``help``.
    public init(parsing text: String) throws {
        self.init()
        let items = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        for item in items where !item.isEmpty {
            if item.lowercased() == "none" { continue }
            guard let equals = item.firstIndex(of: "=") else {
                throw Self.bad(item, "expected name=value")
            }
            let name = item[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
            let value = item[item.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            switch name {
            case "latency": latency = try Self.duration(value, item: item)
            case "error5xx", "5xx": serverErrorRate = try Self.probability(value, item: item)
            case "rate429", "429": rateLimitRate = try Self.probability(value, item: item)
            case "retry-after": retryAfter = try Self.duration(value, item: item)
            case "drop": dropRate = try Self.probability(value, item: item)
            case "malformed": malformedRate = try Self.probability(value, item: item)
            case "expire-session-after":
                let duration = try Self.duration(value, item: item)
                guard duration > .zero else { throw Self.bad(item, "the duration must be more than zero") }
                expireSessionAfter = duration
            case "commit-then-drop": commitThenDropRate = try Self.probability(value, item: item)
            case "commit-then-delay": commitThenDelay = try Self.duration(value, item: item)
            case "commit-then-delay-rate": commitThenDelayRate = try Self.probability(value, item: item)
            case "methods": methods = try Self.methods(value, item: item)
            case "auth", "include-auth":
                switch value.lowercased() {
                case "true", "yes", "1", "on": includeAuthentication = true
                case "false", "no", "0", "off": includeAuthentication = false
                default: throw Self.bad(item, "expected true or false")
                }
            default:
                throw Self.bad(item, "unknown fault (known: latency, error5xx, rate429, retry-after, drop, malformed, commit-then-drop, commit-then-delay, commit-then-delay-rate, methods, expire-session-after, auth)")
            }
        }
    }

    /// What each fault does, for `pamtui simulate --help`.
    public static let help: String = """
        Faults are a comma-separated list of name=value items, for example
          --faults latency=200ms,error5xx=0.1,drop=0.05,malformed=0.02,expire-session-after=30s,rate429=0.05
        Probabilities are between 0 and 1; durations take a unit: ms, s, m or h.
        Random faults are drawn from a generator seeded with --seed, so a run repeats exactly
        when requests arrive in the same order.
          latency=DURATION             wait this long before every answer
          error5xx=P                   answer 503 Service Unavailable with probability P
          rate429=P                    answer 429 Too Many Requests with a Retry-After header, probability P
          retry-after=DURATION         the Retry-After of those 429 answers (default 1s, whole seconds)
          drop=P                       close the connection without answering, probability P
          malformed=P                  cut a JSON answer short so it no longer parses, probability P
          commit-then-drop=P           run the request (the server commits it), then close the connection
                                       without answering, probability P
          commit-then-delay=DURATION   run the request, then hold the answer back this long
          commit-then-delay-rate=P     the probability of that delay (default 1: every request in scope)
          methods=LIST                 limit the random faults to these HTTP methods, |-separated,
                                       e.g. methods=POST|PUT (default: every method; latency still hits all)
          expire-session-after=DURATION  end every session and OAuth token this long after sign-in
          auth=true                    let the random faults hit sign-in, token and sign-out too
                                       (by default those stay reliable so a client can always recover)
        Per request the order is: latency, then drop, then 503, then 429, then the real answer
        (the server commits), then commit-then-drop, then commit-then-delay; an answer that is
        written may be cut short.
        """

    private static func bad(_ item: String, _ reason: String) -> PAMError {
        PAMError(.usage, "invalid fault \"\(item)\": \(reason)")
    }

    private static func probability(_ text: String, item: String) throws -> Double {
        guard let value = Double(text), value.isFinite, (0...1).contains(value) else {
            throw bad(item, "expected a probability between 0 and 1")
        }
        return value
    }

    private static func methods(_ text: String, item: String) throws -> Set<String> {
        let names = text.split(separator: "|", omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: .whitespaces).uppercased()
        }
        guard names.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isLetter } }) else {
            throw bad(item, "expected HTTP methods separated by |, such as POST|PUT")
        }
        return Set(names)
    }

    private static func duration(_ text: String, item: String) throws -> Duration {
        let lower = text.lowercased()
        let units: [(suffix: String, milliseconds: Double)] = [("ms", 1), ("s", 1000), ("m", 60_000), ("h", 3_600_000)]
        for unit in units where lower.hasSuffix(unit.suffix) {
            let number = lower.dropLast(unit.suffix.count)
            if let value = Double(number), value.isFinite, value >= 0 {
                return .milliseconds(Int64((value * unit.milliseconds).rounded()))
            }
            break
        }
        throw bad(item, "expected a duration such as 200ms, 30s or 5m")
    }
}
