import PAMConfig
import PAMCore
import PAMSimulator

/// The vendors pamtui knows. Adding one is its own folders plus one line in `standard`.
public struct VendorRegistry: Sendable {
    public let modules: [any VendorModule]

    public init(_ modules: [any VendorModule]) {
        self.modules = modules
    }

    /// The registry of the shipped program.
    public static let standard = VendorRegistry([
        BeyondTrustModule(),
        SecretServerModule(),
    ])

    /// The module of `vendor`; an error that lists the registered ones otherwise.
    public func module(_ vendor: VendorID) throws -> any VendorModule {
        if let found = modules.first(where: { $0.id == vendor }) { return found }
        let hint = Suggestion.closest(to: vendor.rawValue, in: ids.map(\.rawValue)).map { "did you mean '\($0)'? " } ?? ""
        throw PAMError(.usage, "unknown vendor '\(vendor)' (\(hint)registered: \(ids.map(\.rawValue).joined(separator: ", ")))")
    }

    public var ids: [VendorID] { modules.map(\.id) }

    /// The schemas the config loader checks profiles against.
    public var schemas: [VendorSchema] { modules.map(\.schema) }

    /// The vendors that have a simulator, in registry order.
    public var simulated: [any VendorModule] { modules.filter { $0.simulator != nil } }

    /// Check-out options of every vendor, once per key (for the CLI's flags).
    public var checkoutOptions: [CheckoutOptionSpec] {
        var seen = Set<String>()
        return modules.flatMap(\.schema.checkoutOptions).filter { seen.insert($0.key).inserted }
    }

    /// The display name of `vendor`, or its id when it is not registered.
    public func displayName(_ vendor: VendorID) -> String {
        modules.first { $0.id == vendor }?.displayName ?? vendor.rawValue
    }
}
