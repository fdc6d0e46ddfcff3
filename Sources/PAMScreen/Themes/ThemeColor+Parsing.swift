extension ThemeColor {
    /// Parses `"#rrggbb"`, `"default"`, `"ansi:N"` (0–15) or `"N"` (0–255); nil otherwise.
    public init?(themeValue text: String) {
        let value = String(text.filter { $0 != " " }).lowercased()
        if value == "default" {
            self = .terminalDefault
        } else if value.hasPrefix("#") {
            let hex = value.dropFirst()
            guard hex.count == 6, let number = UInt32(hex, radix: 16) else { return nil }
            self = .rgb(UInt8(number >> 16 & 0xFF), UInt8(number >> 8 & 0xFF), UInt8(number & 0xFF))
        } else if value.hasPrefix("ansi:") {
            guard let number = Int(value.dropFirst(5)), (0..<16).contains(number) else { return nil }
            self = .ansi(number)
        } else if let number = Int(value), (0..<256).contains(number) {
            self = .indexed(number)
        } else {
            return nil
        }
    }

    /// The text a theme file uses for this colour.
    public var themeValue: String {
        switch self {
        case .terminalDefault: return "default"
        case .ansi(let number): return "ansi:\(number)"
        case .indexed(let number): return "\(number)"
        case .rgb(let r, let g, let b):
            func hex(_ value: UInt8) -> String {
                let digits = String(value, radix: 16)
                return digits.count == 1 ? "0" + digits : digits
            }
            return "#" + hex(r) + hex(g) + hex(b)
        }
    }
}
