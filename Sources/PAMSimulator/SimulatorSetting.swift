import PAMCore

/// A vendor-specific knob of a simulator (`secretserver.token-ttl=5m`): the vendor's folder
/// declares them on its ``SimulatorKind``, so the framework checks keys and values without
/// knowing what they mean.
public struct SimulatorSetting: Sendable {
    /// The key without the vendor prefix, e.g. `token-ttl`.
    public let key: String
    /// One line for help texts, with the default.
    public let help: String
    /// Nil when `value` is acceptable, else why not.
    let check: @Sendable (String) -> String?

    init(_ key: String, help: String, check: @escaping @Sendable (String) -> String?) {
        self.key = key
        self.help = help
        self.check = check
    }

    /// A setting whose value is a duration such as `90s`, `20m` or `1h` (more than zero).
    static func duration(_ key: String, help: String) -> SimulatorSetting {
        SimulatorSetting(key, help: help) { text in
            guard let duration = parseDuration(text) else { return "expected a duration such as 90s, 20m or 1h" }
            return duration > .zero ? nil : "must be more than zero"
        }
    }

    /// A setting whose value is a whole number in `range`.
    static func integer(_ key: String, in range: ClosedRange<Int>, help: String) -> SimulatorSetting {
        SimulatorSetting(key, help: help) { text in
            guard let value = Int(text) else { return "expected a whole number" }
            return range.contains(value) ? nil : "must be \(range.lowerBound) to \(range.upperBound)"
        }
    }

    /// A setting that is true or false.
    static func flag(_ key: String, help: String) -> SimulatorSetting {
        SimulatorSetting(key, help: help) { parseFlag($0) == nil ? "expected true or false" : nil }
    }

    /// A setting that takes one of `choices` (case-insensitive).
    static func choice(_ key: String, _ choices: [String], help: String) -> SimulatorSetting {
        SimulatorSetting(key, help: help) { choices.contains($0.lowercased()) ? nil : "expected one of \(choices.joined(separator: ", "))" }
    }

    /// `200ms`, `30s`, `5m`, `1h`.
    static func parseDuration(_ text: String) -> Duration? {
        let lower = text.lowercased().trimmingCharacters(in: .whitespaces)
        for (suffix, milliseconds) in [("ms", 1.0), ("s", 1000), ("m", 60_000), ("h", 3_600_000)] where lower.hasSuffix(suffix) {
            guard let value = Double(lower.dropLast(suffix.count)), value.isFinite, value >= 0 else { return nil }
            return .milliseconds(Int64((value * milliseconds).rounded()))
        }
        return nil
    }

    static func parseFlag(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "true", "yes", "1", "on": true
        case "false", "no", "0", "off": false
        default: nil
        }
    }
}

/// The settings one vendor was started with, prefix removed, values already checked.
struct SimulatorSettings: Sendable {
    private var values: [String: String] = [:]

    init(_ values: [String: String] = [:]) {
        for (key, value) in values { self.values[key.lowercased()] = value }
    }

    func string(_ key: String) -> String? { values[key.lowercased()] }
    func duration(_ key: String) -> Duration? { string(key).flatMap(SimulatorSetting.parseDuration) }
    func int(_ key: String) -> Int? { string(key).flatMap { Int($0) } }
    func flag(_ key: String) -> Bool? { string(key).flatMap(SimulatorSetting.parseFlag) }

    /// Checks `all` (`vendor.key` → value) against the kinds being started and returns each
    /// vendor's own settings; an unknown vendor, key or a bad value is a usage error.
    static func split(_ all: [String: String], kinds: [SimulatorKind]) throws -> [VendorID: SimulatorSettings] {
        var result: [VendorID: [String: String]] = [:]
        for (fullKey, value) in all.sorted(by: { $0.key < $1.key }) {
            let parts = fullKey.split(separator: ".", maxSplits: 1).map(String.init)
            guard parts.count == 2, let kind = kinds.first(where: { $0.vendor.rawValue.lowercased() == parts[0].lowercased() }) else {
                throw PAMError(.usage, "simulator setting \"\(fullKey)\": expected VENDOR.KEY for a simulated vendor (\(kinds.map(\.vendor.rawValue).joined(separator: ", ")))")
            }
            guard let setting = kind.settings.first(where: { $0.key.lowercased() == parts[1].lowercased() }) else {
                let known = kind.settings.map(\.key).joined(separator: ", ")
                throw PAMError(.usage, "simulator setting \"\(fullKey)\": unknown key (\(kind.vendor.rawValue) knows: \(known.isEmpty ? "none" : known))")
            }
            if let problem = setting.check(value) {
                throw PAMError(.usage, "simulator setting \"\(fullKey)=\(value)\": \(problem)")
            }
            result[kind.vendor, default: [:]][setting.key] = value
        }
        return result.mapValues { SimulatorSettings($0) }
    }
}
