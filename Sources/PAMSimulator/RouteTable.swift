/// A small route table that captures `{name}` segments and matches literal segments
/// case-insensitively by default (ASP.NET servers do; Hummingbird's router does not). A vendor whose
/// server is case-sensitive (PostgREST) builds its table with `RouteTable(caseSensitive: true)`;
/// the vendor's base path then matches case-sensitively too.
struct RouteTable: Sendable {
    /// Answers one request. Synchronous closures convert to this type, so most handlers stay plain.
    typealias Handler = @Sendable (SimulatorRequest) async -> SimulatorResponse

    struct Route: Sendable {
        enum Segment: Sendable, Equatable {
            case literal(String)
            case parameter(String)
        }

        let method: String
        let segments: [Segment]
        /// Sign-in, token and sign-out: random faults leave these alone unless told otherwise.
        let isAuthentication: Bool
        /// The route answers only requests whose connection presented a client certificate; the
        /// others get the vendor's ``SimulatedVendor/clientCertificateRequired(_:)``.
        let requiresClientCertificate: Bool
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

    /// False (the default): `ManagedSystems` also matches `managedsystems`. True: literal segments
    /// and the base path must match exactly. Parameter names are folded to lower case either way.
    let caseSensitive: Bool
    private(set) var routes: [Route] = []

    init(caseSensitive: Bool = false) {
        self.caseSensitive = caseSensitive
    }

    /// Adds a route; `pattern` is relative to the vendor's base path, e.g. `ManagedSystems/{id}`.
    mutating func add(
        _ method: String, _ pattern: String, authentication: Bool = false, requiresClientCertificate: Bool = false,
        _ handler: @escaping Handler
    ) {
        let segments: [Route.Segment] = pattern.split(separator: "/").map { part in
            if part.hasPrefix("{"), part.hasSuffix("}") {
                return .parameter(part.dropFirst().dropLast().lowercased())
            }
            return .literal(caseSensitive ? String(part) : part.lowercased())
        }
        routes.append(Route(
            method: method.uppercased(), segments: segments, isAuthentication: authentication,
            requiresClientCertificate: requiresClientCertificate, handler: handler))
    }

    mutating func get(_ pattern: String, requiresClientCertificate: Bool = false, _ handler: @escaping Handler) {
        add("GET", pattern, requiresClientCertificate: requiresClientCertificate, handler)
    }

    mutating func put(_ pattern: String, requiresClientCertificate: Bool = false, _ handler: @escaping Handler) {
        add("PUT", pattern, requiresClientCertificate: requiresClientCertificate, handler)
    }

    mutating func post(
        _ pattern: String, authentication: Bool = false, requiresClientCertificate: Bool = false,
        _ handler: @escaping Handler
    ) {
        add("POST", pattern, authentication: authentication, requiresClientCertificate: requiresClientCertificate, handler)
    }

    /// The most specific route (most literal segments) for `segments`.
    func match(method: String, segments: [String]) -> Match {
        let folded = caseSensitive ? segments : segments.map { $0.lowercased() }
        var best: (route: Route, parameters: [String: String])?
        var pathMatched = false
        for route in routes where route.segments.count == folded.count {
            guard let parameters = Self.capture(route.segments, folded: folded, original: segments) else { continue }
            pathMatched = true
            guard route.method == method else { continue }
            if best == nil || route.literalCount > (best?.route.literalCount ?? 0) {
                best = (route, parameters)
            }
        }
        if let best { return .found(best.route, parameters: best.parameters) }
        return pathMatched ? .methodNotAllowed : .notFound
    }

    /// `folded` is `original` lower-cased unless the table is case-sensitive.
    private static func capture(_ pattern: [Route.Segment], folded: [String], original: [String]) -> [String: String]? {
        var parameters: [String: String] = [:]
        for (index, segment) in pattern.enumerated() {
            switch segment {
            case .literal(let text):
                if text != folded[index] { return nil }
            case .parameter(let name):
                parameters[name] = original[index]
            }
        }
        return parameters
    }
}
