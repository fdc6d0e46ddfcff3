/// A small route table that matches path segments case-insensitively (ASP.NET servers do;
/// Hummingbird's router does not) and captures `{name}` segments.
struct RouteTable: Sendable {
    typealias Handler = @Sendable (SimulatorRequest) -> SimulatorResponse

    struct Route: Sendable {
        enum Segment: Sendable, Equatable {
            case literal(String)
            case parameter(String)
        }

        let method: String
        let segments: [Segment]
        /// Sign-in, token and sign-out: random faults leave these alone unless told otherwise.
        let isAuthentication: Bool
        let handler: Handler

        var literalCount: Int {
            segments.reduce(0) { count, segment in
                if case .literal = segment { return count + 1 }
                return count
            }
        }
    }

    enum Match {
        case found(Route, parameters: [String: String])
        case methodNotAllowed
        case notFound
    }

    private(set) var routes: [Route] = []

    /// Adds a route; `pattern` is relative to the vendor's base path, e.g. `ManagedSystems/{id}`.
    mutating func add(_ method: String, _ pattern: String, authentication: Bool = false, _ handler: @escaping Handler) {
        let segments: [Route.Segment] = pattern.split(separator: "/").map { part in
            if part.hasPrefix("{"), part.hasSuffix("}") {
                return .parameter(part.dropFirst().dropLast().lowercased())
            }
            return .literal(part.lowercased())
        }
        routes.append(Route(method: method.uppercased(), segments: segments, isAuthentication: authentication, handler: handler))
    }

    mutating func get(_ pattern: String, _ handler: @escaping Handler) { add("GET", pattern, handler) }
    mutating func put(_ pattern: String, _ handler: @escaping Handler) { add("PUT", pattern, handler) }
    mutating func post(_ pattern: String, authentication: Bool = false, _ handler: @escaping Handler) {
        add("POST", pattern, authentication: authentication, handler)
    }

    /// The most specific route (most literal segments) for `segments`.
    func match(method: String, segments: [String]) -> Match {
        let lowered = segments.map { $0.lowercased() }
        var best: (route: Route, parameters: [String: String])?
        var pathMatched = false
        for route in routes where route.segments.count == lowered.count {
            guard let parameters = Self.capture(route.segments, lowered: lowered, original: segments) else { continue }
            pathMatched = true
            guard route.method == method else { continue }
            if best == nil || route.literalCount > (best?.route.literalCount ?? 0) {
                best = (route, parameters)
            }
        }
        if let best { return .found(best.route, parameters: best.parameters) }
        return pathMatched ? .methodNotAllowed : .notFound
    }

    private static func capture(_ pattern: [Route.Segment], lowered: [String], original: [String]) -> [String: String]? {
        var parameters: [String: String] = [:]
        for (index, segment) in pattern.enumerated() {
            switch segment {
            case .literal(let text):
                if text != lowered[index] { return nil }
            case .parameter(let name):
                parameters[name] = original[index]
            }
        }
        return parameters
    }
}
